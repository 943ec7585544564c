/**
 * The open live-update streams of this instance, by page: each published
 * event goes to the streams of its page only (no walk over every stream),
 * a heartbeat keeps idle ones open through proxies, and a limit per client
 * IP bounds what one client can hold open.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { LiveMessage } from '../../contract/live.ts';
import { AppError } from '../errors.ts';
import type { ParleyEvent } from '../events/event.types.ts';
import { type Events, MAX_REPLAY_EVENTS } from '../events/events.ts';
import { BEGINNING } from '../events/memory-log.ts';
import { type LiveIds, type LiveScope, liveScope } from './live.ids.ts';
import { liveMessageFor, pageOf } from './live.presenter.ts';
import { replayOf } from './live.replay.ts';
import { chunk, LAST_CHUNK, takeSocket } from './live.socket.ts';

export interface LiveOptions {
  /** Streams one client IP may hold open on this instance. */
  maxPerIp: number;
  /** A comment line this often keeps idle streams (and proxies) from timing out. */
  heartbeatMs: number;
  /** The reconnection delay browsers are told (SSE `retry:`). */
  retryMs: number;
  /** What log positions become on the wire: ids good for their page only (live.ids.ts). */
  ids: LiveIds;
}

/** A stream whose client reads this slowly is closed (it reconnects and resumes). */
const MAX_BUFFERED_BYTES = 1_000_000;

/** An id longer than any stream hands out (live.ids.ts) is no id: the reader gets a reset. */
const MAX_EVENT_ID = 64;

/**
 * Where a reader resumes: the `Last-Event-ID` a reconnecting browser sends,
 * else the `since` of a first connection (the iframe page's `liveFrom`).
 */
export function resumePoint(lastEventId: string | undefined, since: string | undefined) {
  return lastEventId !== undefined ? lastEventId.slice(0, MAX_EVENT_ID) : (since ?? null);
}

/** The headers of every stream, one object for all (node:http copies them out). */
const STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  // no-transform: compression() would buffer the stream.
  'Cache-Control': 'no-store, no-transform',
  // nginx would buffer it too.
  'X-Accel-Buffering': 'no',
} as const;

/**
 * One open stream: what it needs to be written to and counted out again,
 * and nothing else (5,000 idle ones are the bench's largest memory cost).
 * `ip` and `page` are the hub's own map keys, shared by every stream of that
 * address and page rather than a string each.
 */
interface Stream {
  /** Until its socket is taken from node:http (then null). */
  res: ServerResponse | null;
  /** Once taken from node:http (live.socket.ts): written in chunks. */
  socket: Socket | null;
  ip: string;
  page: Page;
  /** Events published while the missed ones were being replayed, sent right after. */
  queued: ParleyEvent[] | null;
  onClosed: ((openedAt: number) => void) | undefined;
  openedAt: number;
}

/** What the fast path (live.fast-path.ts) asks of `open()` beyond the Express route. */
export interface OpenOptions {
  /** Sent before the stream's own (the security headers, which Express sets on its response). */
  headers?: Record<string, string>;
  /**
   * Called when the stream closes, with when it was opened, in place of what
   * listens to the response's 'close' (the request log's line). Given, the
   * stream's socket is taken from node:http once its first messages are out
   * (live.socket.ts): the response emits nothing after that.
   */
  onClosed?: (openedAt: number) => void;
}

/** The streams open on one page. */
interface Page {
  key: string;
  /** What the page's ids are bound to (made once per page, not per event). */
  scope: LiveScope;
  streams: Set<Stream>;
}

export interface LiveHub {
  /**
   * Opens a stream for `site`/`page` from the client at `ip` (Express's
   * `req.ip`), replaying what came after `lastId` (if given: an id this
   * page's streams sent, else the reader is told to reload). Throws a 429
   * AppError, before writing anything, when `ip` holds its limit already.
   */
  open(
    res: ServerResponse,
    ip: string,
    site: string,
    page: string,
    lastId: string | null,
    options?: OpenOptions,
  ): Promise<void>;
  /** Whether `ip` may open one more stream now. */
  admits(ip: string): boolean;
  /** Open streams on this instance. */
  size(): number;
  /** Ends every stream, telling browsers to come back after about `retryMs` (shutdown). */
  closeAll(retryMs: number): void;
  stop(): void;
}

/**
 * node:http keeps the header block it sent (`_header`, for `headersSent`) as
 * the tree of ~60 strings it concatenated it from, ~2 KB a stream; a search
 * makes V8 flatten it in place into one string of ~700 bytes. Nothing else
 * changes (if Node renames the field, this does nothing).
 */
function flattenSentHeader(res: ServerResponse): void {
  const sent = (res as { _header?: unknown })._header;
  if (typeof sent === 'string') sent.indexOf('\0');
}

const keyOf = (site: string, page: string) => `${site}\n${page}`;

function frame(id: string, message: LiveMessage): string {
  return `id: ${id}\ndata: ${JSON.stringify(message)}\n\n`;
}

export function createLiveHub(events: Events, options: LiveOptions): LiveHub {
  const { ids } = options;
  const byPage = new Map<string, Page>();
  const perIp = new Map<string, number>();
  let total = 0;

  /** Writes `text` (framed as `chunked` once the stream holds its socket). */
  function write(stream: Stream, text: string, chunked?: string): void {
    const { socket, res } = stream;
    if (socket) {
      // Ended at shutdown, and counted until its client closes it.
      if (socket.writableEnded) return;
      socket.write(chunked ?? chunk(text));
      // A client that does not read gets no graceful end (it would wait
      // behind the megabyte it does not read, for as long as the client
      // keeps the connection open, no longer counted against its address):
      // the connection goes, with its buffer. It reconnects and resumes.
      if (socket.writableLength > MAX_BUFFERED_BYTES) {
        socket.destroy();
        remove(stream);
      }
    } else if (res) {
      res.write(text);
      if (res.writableLength > MAX_BUFFERED_BYTES) res.end();
    }
  }

  function end(stream: Stream, text: string): void {
    // A taken socket stays counted until it closes ('close', onClose), as a
    // response does: stop() destroys what a client has not closed by then
    // (node:http's closeAllConnections() no longer knows it).
    if (stream.socket) stream.socket.end(chunk(text) + LAST_CHUNK);
    else stream.res?.end(text);
  }

  function send(stream: Stream, event: ParleyEvent): void {
    const message = liveMessageFor(event);
    if (message) write(stream, frame(ids.mint(event.id, stream.page.scope), message));
  }

  const unsubscribe = events.subscribe((event) => {
    const page = pageOf(event);
    if (page === null) return;
    const open = byPage.get(keyOf(event.siteId, page));
    if (!open) return;
    // One message, one id and one frame for all of the page's streams (5,000 in the bench).
    const message = liveMessageFor(event);
    const text = message ? frame(ids.mint(event.id, open.scope), message) : null;
    const chunked = text === null ? '' : chunk(text);
    for (const stream of open.streams) {
      if (stream.queued) stream.queued.push(event);
      else if (text !== null) write(stream, text, chunked);
    }
  });

  const PING = ': ping\n\n';
  const PING_CHUNK = chunk(PING);
  const heartbeat = setInterval(() => {
    for (const page of byPage.values()) for (const s of page.streams) write(s, PING, PING_CHUNK);
  }, options.heartbeatMs);
  heartbeat.unref();

  function remove(stream: Stream): void {
    const { page } = stream;
    if (!page.streams.delete(stream)) return;
    if (page.streams.size === 0) byPage.delete(page.key);
    const left = (perIp.get(stream.ip) ?? 1) - 1;
    if (left > 0) perIp.set(stream.ip, left);
    else perIp.delete(stream.ip);
    total--;
    stream.onClosed?.(stream.openedAt);
  }

  // One listener function for every stream (no closure each): the response,
  // its request or its socket finds its stream again through the map below.
  const streamOf = new WeakMap<ServerResponse | IncomingMessage | Socket, Stream>();
  function onClose(this: ServerResponse | IncomingMessage | Socket): void {
    const stream = streamOf.get(this);
    if (stream) remove(stream);
  }

  /** Holds the stream by its socket alone, if node:http lets it go (live.socket.ts). */
  function release(stream: Stream, res: ServerResponse): void {
    const socket = takeSocket(res);
    if (!socket) return;
    stream.socket = socket;
    stream.res = null;
    streamOf.set(socket, stream);
    socket.once('close', onClose);
  }

  return {
    admits: (ip) => (perIp.get(ip) ?? 0) < options.maxPerIp,
    async open(res, ip, site, page, lastId, { headers, onClosed } = {}) {
      const held = perIp.get(ip) ?? 0;
      if (held >= options.maxPerIp) {
        throw new AppError(
          429,
          'rate_limited',
          `Too many live connections from your address (at most ${options.maxPerIp})`,
          undefined,
          { 'Retry-After': '30' },
        );
      }
      perIp.set(ip, held + 1);
      total++;
      const key = keyOf(site, page);
      let open = byPage.get(key);
      if (!open) {
        open = { key, scope: liveScope(site, page), streams: new Set() };
        byPage.set(key, open);
      }
      const stream: Stream = {
        res,
        socket: null,
        ip,
        page: open,
        queued: [],
        onClosed,
        openedAt: Date.now(),
      };
      open.streams.add(stream);
      streamOf.set(res, stream);
      res.once('close', onClose);
      // A response queued behind another one on a pipelined connection has no
      // socket, so it never emits 'close' when the connection goes: only its
      // request does. Without this, its stream would stay counted against the
      // address for good (and keep buffering heartbeats).
      const { req } = res;
      streamOf.set(req, stream);
      req.once('close', onClose);
      // Gone while the site was looked up: nothing will emit 'close' again.
      if (res.destroyed || req.destroyed) remove(stream);

      res.writeHead(200, headers ? Object.assign(headers, STREAM_HEADERS) : STREAM_HEADERS);
      res.write(`retry: ${options.retryMs}\n\n`);
      flattenSentHeader(res);

      // Subscribed first, replayed second: what is published meanwhile waits
      // in `queued`, and nothing falls between the two.
      const { scope } = open;
      const replayed = new Set<string>();
      // Another page's id, a forged or a stale one reads as none: a reset
      // (reload), like a position the log no longer holds, and never a probe
      // of the log.
      const from = lastId === null ? null : ids.read(lastId, scope);
      const missed =
        lastId === null ? [] : from === null ? null : await events.since(from, MAX_REPLAY_EVENTS);
      // The log's head, as an id of this page's. An empty log's is its
      // beginning, so the ready id never says whether anything happened anywhere.
      const head = async () => ids.mint((await events.lastId()) ?? BEGINNING, scope);
      if (missed === null) {
        write(stream, frame(await head(), { type: 'reset' }));
      } else {
        // Each comment as it stands now, never a text it no longer has (live.replay.ts).
        const replay = replayOf(missed, site, page);
        for (const id of replay.seen) replayed.add(id);
        for (const { id, message } of replay.messages) {
          write(stream, frame(ids.mint(id, scope), message));
        }
        // A reconnection resumes from the head even when nothing happened on
        // this page (events published since then are queued).
        write(stream, frame(await head(), { type: 'ready' }));
      }
      const queued = stream.queued ?? [];
      stream.queued = null;
      for (const event of queued) if (!replayed.has(event.id)) send(stream, event);
      if (onClosed && stream.page.streams.has(stream)) release(stream, res);
    },
    size: () => total,
    closeAll(retryMs) {
      for (const page of byPage.values()) {
        for (const s of page.streams) end(s, `retry: ${retryMs}\n\n`);
      }
    },
    stop() {
      clearInterval(heartbeat);
      unsubscribe();
      // node:http's closeAllConnections() no longer knows the streams it let go.
      for (const page of byPage.values()) {
        for (const s of page.streams) {
          if (!s.socket) continue;
          s.socket.destroy();
          remove(s);
        }
      }
    },
  };
}
