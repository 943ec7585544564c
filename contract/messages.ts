/**
 * Messages between the loader (embed.js, on the host page) and the thread app
 * (inside the iframe). Both sides import this module so a message can't drift.
 *
 * Every message is namespaced under `parley` so the listener can tell ours
 * from anything else a host page (or an ad on it) posts. Receivers must also
 * check `event.origin` and `event.source`; the namespace is not a security
 * boundary. Nothing secret ever crosses to the host page.
 */

import type { Theme } from './api.ts';

/**
 * The only keys the app may keep in the host page's localStorage (when the
 * browser blocks the iframe's own): drafts and the "Save my name, email, and
 * website" details, which the reader would expect the blog itself to keep
 * (WordPress does, in first-party cookies). Nothing secret has a key here, and
 * none may be added: the host page, and every script on it, can read them.
 */
export type HostStorageKey = `parley:draft:${string}` | `parley:author:${string}`;

const HOST_STORAGE_KEY = /^parley:(?:draft|author):/;

/** Longest key and value the loader keeps (a page id is usually a URL; a comment is ≤ 10,000 chars). */
const MAX_STORAGE_KEY = 2_500;
const MAX_STORAGE_VALUE = 20_000;

/** True for a key the host may keep, within the size limits. */
function isHostStorageKey(key: unknown): key is HostStorageKey {
  return typeof key === 'string' && key.length <= MAX_STORAGE_KEY && HOST_STORAGE_KEY.test(key);
}

const fitsStorage = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_STORAGE_VALUE;

/** Sent by the app inside the iframe to the loader on the host page. */
export type FrameToHost =
  /**
   * The page's server-rendered first comments are laid out (sent by the
   * page's own inline script, server/embed/thread-page.ts, before the app
   * has loaded): the loader may show the frame at this height. `ready`
   * still follows once the app has taken over.
   */
  | { type: 'paint'; height: number }
  /**
   * The app has rendered; the loader may show the frame. `title`: the
   * frame's name in the reader's language, for the iframe's title.
   */
  | { type: 'ready'; height: number; title?: string }
  /**
   * The app has no thread to show (unknown site, page not allowed): the
   * loader asks the server why and says so in place of the frame.
   */
  | { type: 'unavailable' }
  /**
   * The app's content height changed. `grewAt`: where (a y offset in the
   * frame) a live update changed it; when that is above what the reader is
   * looking at, the loader scrolls by the change so their place stays put.
   */
  | { type: 'resize'; height: number; grewAt?: number }
  /** Scroll the host page so that this offset inside the frame is in view. */
  | { type: 'scrollTo'; top: number }
  /** Keep `value` under `key` in the host page's localStorage for this site (null removes it). */
  | { type: 'storageSet'; key: HostStorageKey; value: string | null }
  /**
   * Sign-in redirect fallback (the popup was blocked): navigate the top window
   * to this sign-in start URL. The loader accepts only URLs on the server's
   * origin under its `auth/` path; nothing secret is in it (the verifier
   * waits in the iframe's own storage).
   */
  | { type: 'navigate'; url: string };

/** Sent by the loader to the app inside the iframe. */
export type HostToFrame =
  /** The host page's URL hash names a comment (`#comment-<id>`): show it. */
  | { type: 'showComment'; commentId: string }
  /** Everything the host page keeps for this site (sent once the app is ready). */
  | { type: 'storage'; data: Record<string, string> }
  /**
   * The host page changed its theme (`setTheme`): restyle without reloading,
   * on the page's background as it is now.
   */
  | { type: 'theme'; theme: Theme; background?: string }
  /**
   * The redirect fallback came back: `#parley-login=<ticket>.<result>` was on
   * the page's URL (the loader took it off at once). `result` is the one-time
   * code, or `denied` / `failed`. Useless without the verifier, which only
   * the frame that started the sign-in holds.
   */
  | LoginReturn;

/** See HostToFrame. */
export interface LoginReturn {
  type: 'loginReturn';
  ticket: string;
  result: string;
}

/** The fragment the redirect fallback returns with (server: auth.routes.ts `finish`). */
export const LOGIN_HASH = /^#parley-login=([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{1,128})$/;

/** Reads the redirect fallback's fragment, or null when `hash` is anything else. */
export function readLoginHash(hash: string): LoginReturn | null {
  const match = LOGIN_HASH.exec(hash);
  return match
    ? { type: 'loginReturn', ticket: match[1] as string, result: match[2] as string }
    : null;
}

/**
 * A CSS colour as a browser reports a computed one (`rgb(…)`, `color(srgb …)`,
 * `oklch(…)`) or a hex: nothing that could end a declaration or load a URL.
 */
export function isCssColor(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 120 &&
    /^(#[0-9a-f]{3,8}|[a-z-]+\([0-9a-z.,%/\s-]+\))$/i.test(value) &&
    !/url/i.test(value)
  );
}

/** A font-family list: names, quoted or not, separated by commas; no url(), no declarations. */
export function isFontList(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 200 &&
    /^[\w\s"',-]+$/.test(value) &&
    !/\burl\b/i.test(value)
  );
}

/** #rgb or #rrggbb. */
export const isHexColor = (value: unknown): value is string =>
  typeof value === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value);

export type Envelope<T> = { parley: T };

const FRAME_TO_HOST_TYPES: ReadonlySet<string> = new Set([
  'paint',
  'ready',
  'unavailable',
  'resize',
  'scrollTo',
  'storageSet',
  'navigate',
]);
const HOST_TO_FRAME_TYPES: ReadonlySet<string> = new Set([
  'showComment',
  'storage',
  'theme',
  'loginReturn',
]);
const THEMES: readonly unknown[] = ['light', 'dark', 'auto'];

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
  if (m.type === 'storageSet') {
    const { key, value } = m;
    return isHostStorageKey(key) && (value === null || fitsStorage(value))
      ? { type: 'storageSet', key, value }
      : null;
  }
  if (m.type === 'unavailable') return { type: 'unavailable' };
  if (m.type === 'navigate') {
    return typeof m.url === 'string' && m.url.length <= 2048
      ? { type: 'navigate', url: m.url }
      : null;
  }
  const height = m.height;
  if (typeof height !== 'number' || !Number.isFinite(height) || height < 0) return null;
  if (m.type === 'resize' && typeof m.grewAt === 'number' && Number.isFinite(m.grewAt)) {
    return { type: 'resize', height, grewAt: m.grewAt };
  }
  if (m.type === 'ready' && typeof m.title === 'string' && m.title && m.title.length <= 100) {
    return { type: 'ready', height, title: m.title };
  }
  return { type: m.type as 'paint' | 'ready' | 'resize', height };
}

/** Comment ids are short and URL-safe; anything else in a hash is not ours. */
export const COMMENT_HASH = /^#comment-([A-Za-z0-9_-]{1,64})$/;

/** Returns the message if `data` is a well-formed host-to-frame message, else null. */
export function readHostToFrame(data: unknown): HostToFrame | null {
  const m = unwrap(data, HOST_TO_FRAME_TYPES);
  if (m?.type === 'theme') {
    if (!THEMES.includes(m.theme)) return null;
    const background = isCssColor(m.background) ? { background: m.background } : {};
    return { type: 'theme', theme: m.theme as Theme, ...background };
  }
  if (m?.type === 'storage') {
    const stored = m.data;
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return null;
    // The host page can write anything there: keep only entries we could have stored.
    const entries = Object.entries(stored).filter(
      ([k, v]) => isHostStorageKey(k) && fitsStorage(v),
    );
    return { type: 'storage', data: Object.fromEntries(entries) };
  }
  if (m?.type === 'loginReturn') {
    const { ticket, result } = m;
    return typeof ticket === 'string' && typeof result === 'string'
      ? readLoginHash(`#parley-login=${ticket}.${result}`)
      : null;
  }
  if (!m || typeof m.commentId !== 'string') return null;
  return COMMENT_HASH.test(`#comment-${m.commentId}`)
    ? { type: 'showComment', commentId: m.commentId }
    : null;
}

/**
 * Posted by the sign-in callback page (in the popup, on the server's origin)
 * to `window.opener`, with the server's origin as target. The app accepts it
 * only from the popup it opened, from its own origin, for the ticket in flight.
 */
export interface LoginResult {
  type: 'loginResult';
  ticket: string;
  /** One-time code to redeem with the verifier; null when the sign-in did not succeed. */
  code: string | null;
  error: null | 'denied' | 'failed';
}

/**
 * Posted by the bind page (the popup's first page, on the server's origin) to
 * `window.opener`, target the server's origin: "prove you opened me". The app
 * answers only when the source is the popup it opened and the ticket its own.
 */
export interface BindRequest {
  type: 'bindRequest';
  ticket: string;
}

/** The app's answer to its own popup (target: the server's origin). */
export interface BindProof {
  type: 'bindProof';
  ticket: string;
  verifier: string;
}

const BIND_REQUEST: ReadonlySet<string> = new Set(['bindRequest']);

/** Returns the message if `data` is a well-formed bindRequest, else null. */
export function readBindRequest(data: unknown): BindRequest | null {
  const m = unwrap(data, BIND_REQUEST);
  return m && typeof m.ticket === 'string' ? { type: 'bindRequest', ticket: m.ticket } : null;
}

const LOGIN_RESULT: ReadonlySet<string> = new Set(['loginResult']);
const LOGIN_ERRORS: readonly unknown[] = [null, 'denied', 'failed'];

/** Returns the message if `data` is a well-formed loginResult, else null. */
export function readLoginResult(data: unknown): LoginResult | null {
  const m = unwrap(data, LOGIN_RESULT);
  if (!m || typeof m.ticket !== 'string' || !LOGIN_ERRORS.includes(m.error)) return null;
  const code = m.code;
  if (code !== null && typeof code !== 'string') return null;
  return { type: 'loginResult', ticket: m.ticket, code, error: m.error as LoginResult['error'] };
}
