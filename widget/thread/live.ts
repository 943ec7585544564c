/**
 * Live updates of the page's thread: one EventSource on
 * `GET /api/v1/events` (contract/live.ts). The browser reconnects by itself
 * and sends `Last-Event-ID`, so what was missed is replayed; when the server
 * refused or went away for good (a 429, a restart answering 503), this opens
 * a new stream after a pause, from the last id it saw; and when the browser
 * reports the network back (`online`), at once.
 */
import type { Comment } from '../../contract/api.ts';
import type { LiveMessage } from '../../contract/live.ts';

export interface LiveOptions {
  apiBase: string;
  site: string;
  page: string;
  /** Where the thread was read (ThreadBootstrap.liveFrom). */
  since: string;
  onMessage(message: LiveMessage): void;
  /** The stream is open (true) or being re-established (false). */
  onStatus?(open: boolean): void;
  /** Pause before opening a new stream once the browser gave up (ms). */
  retryMs?: number;
}

const TYPES: ReadonlySet<string> = new Set(['ready', 'comment', 'remove', 'reset']);

/** The message if `data` is one the server sends, else null. */
export function readLiveMessage(data: unknown): LiveMessage | null {
  if (typeof data !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  if (typeof m.type !== 'string' || !TYPES.has(m.type)) return null;
  if (m.type === 'remove') return typeof m.id === 'string' ? { type: 'remove', id: m.id } : null;
  if (m.type === 'comment') {
    const c = m.comment as Record<string, unknown> | null;
    return c && typeof c.id === 'string' && typeof c.html === 'string'
      ? { type: 'comment', comment: c as unknown as Comment, appeared: m.appeared === true }
      : null;
  }
  return { type: m.type as 'ready' | 'reset' };
}

/** Opens the stream; returns a function that closes it for good. */
export function connectLive(options: LiveOptions): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  let since = options.since;
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const open = () => {
    const q = encodeURIComponent;
    source = new EventSource(
      `${options.apiBase}/api/v1/events?site=${q(options.site)}&page=${q(options.page)}&since=${q(since)}`,
    );
    source.onopen = () => options.onStatus?.(true);
    source.onmessage = (event) => {
      if (event.lastEventId) since = event.lastEventId;
      const message = readLiveMessage(event.data);
      if (message) options.onMessage(message);
    };
    source.onerror = () => {
      if (closed) return;
      options.onStatus?.(false);
      // CONNECTING: the browser retries by itself. CLOSED: it gave up.
      if (source?.readyState !== EventSource.CLOSED) return;
      source = null;
      timer = setTimeout(open, options.retryMs ?? 5_000);
    };
  };
  // The browser says the network is gone: the stream is dead even if no
  // error says so yet. Back online, resume at once from the last id rather
  // than after the browser's backoff.
  const offline = () => {
    source?.close();
    source = null;
    clearTimeout(timer);
    options.onStatus?.(false);
  };
  const online = () => {
    if (closed || source) return;
    clearTimeout(timer);
    open();
  };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  open();
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
    window.removeEventListener('offline', offline);
    window.removeEventListener('online', online);
  };
}
