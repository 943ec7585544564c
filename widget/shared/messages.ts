/**
 * Messages between the loader (embed.js, on the host page) and the thread app
 * (inside the iframe). Both sides import this module so a message can't drift.
 *
 * Every message is namespaced under `parley` so the listener can tell ours
 * from anything else a host page (or an ad on it) posts. Receivers must also
 * check `event.origin` and `event.source`; the namespace is not a security
 * boundary. Nothing secret ever crosses to the host page.
 */

/** Sent by the app inside the iframe to the loader on the host page. */
export type FrameToHost =
  /** The app has rendered; the loader may show the frame. */
  | { type: 'ready'; height: number }
  /** The app's content height changed. */
  | { type: 'resize'; height: number }
  /** Scroll the host page so that this offset inside the frame is in view. */
  | { type: 'scrollTo'; top: number };

/** Sent by the loader to the app inside the iframe. */
export type HostToFrame =
  /** The host page's URL hash names a comment (`#comment-<id>`): show it. */
  { type: 'showComment'; commentId: string };

export type Envelope<T> = { parley: T };

const FRAME_TO_HOST_TYPES: ReadonlySet<string> = new Set(['ready', 'resize', 'scrollTo']);
const HOST_TO_FRAME_TYPES: ReadonlySet<string> = new Set(['showComment']);

/** Wraps a message in the namespace envelope. */
export function envelope<T>(message: T): Envelope<T> {
  return { parley: message };
}

function unwrap(data: unknown, types: ReadonlySet<string>): Record<string, unknown> | null {
  if (typeof data !== 'object' || data === null) return null;
  const inner = (data as { parley?: unknown }).parley;
  if (typeof inner !== 'object' || inner === null) return null;
  const type = (inner as { type?: unknown }).type;
  return typeof type === 'string' && types.has(type) ? (inner as Record<string, unknown>) : null;
}

/** Returns the message if `data` is a well-formed frame-to-host message, else null. */
export function readFrameToHost(data: unknown): FrameToHost | null {
  const m = unwrap(data, FRAME_TO_HOST_TYPES);
  if (!m) return null;
  if (m.type === 'scrollTo') {
    return Number.isFinite(m.top) ? { type: 'scrollTo', top: m.top as number } : null;
  }
  const height = m.height;
  if (typeof height !== 'number' || !Number.isFinite(height) || height < 0) return null;
  return { type: m.type as 'ready' | 'resize', height };
}

/** Comment ids are short and URL-safe; anything else in a hash is not ours. */
export const COMMENT_HASH = /^#comment-([A-Za-z0-9_-]{1,64})$/;

/** Returns the message if `data` is a well-formed host-to-frame message, else null. */
export function readHostToFrame(data: unknown): HostToFrame | null {
  const m = unwrap(data, HOST_TO_FRAME_TYPES);
  if (!m || typeof m.commentId !== 'string') return null;
  return COMMENT_HASH.test(`#comment-${m.commentId}`)
    ? { type: 'showComment', commentId: m.commentId }
    : null;
}
