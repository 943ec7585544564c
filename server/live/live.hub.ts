/**
 * The open live-update streams of this instance, by page: each published
 * event goes to the streams of its page only (no walk over every stream),
 * a heartbeat keeps idle ones open through proxies, and a limit per client
 * IP bounds what one client can hold open.
 */
import type { Request, Response } from 'express';
import type { LiveMessage } from '../../contract/live.ts';
import { AppError } from '../errors.ts';
import type { ParleyEvent } from '../events/event.types.ts';
import type { Events } from '../events/events.ts';
import { liveMessageFor, pageOf } from './live.presenter.ts';

export interface LiveOptions {
  /** Streams one client IP may hold open on this instance. */
  maxPerIp: number;
  /** A comment line this often keeps idle streams (and proxies) from timing out. */
  heartbeatMs: number;
  /** The reconnection delay browsers are told (SSE `retry:`). */
  retryMs: number;
}

/** A stream whose client reads this slowly is closed (it reconnects and resumes). */
const MAX_BUFFERED_BYTES = 1_000_000;

interface Stream {
  res: Response;
  ip: string;
  key: string;
  /** Events published while the missed ones were being replayed, sent right after. */
  queued: ParleyEvent[] | null;
}

export interface LiveHub {
  /** Opens a stream for `site`/`page`, replaying what came after `lastId` (if given). */
  open(
    req: Request,
    res: Response,
    site: string,
    page: string,
    lastId: string | null,
  ): Promise<void>;
  /** Open streams on this instance. */
  size(): number;
  /** Ends every stream, telling browsers to come back after about `retryMs` (shutdown). */
  closeAll(retryMs: number): void;
  stop(): void;
}

const keyOf = (site: string, page: string) => `${site}\n${page}`;

function frame(id: string | null, message: LiveMessage): string {
  return `${id === null ? '' : `id: ${id}\n`}data: ${JSON.stringify(message)}\n\n`;
}

export function createLiveHub(events: Events, options: LiveOptions): LiveHub {
  const byPage = new Map<string, Set<Stream>>();
  const perIp = new Map<string, number>();
  let total = 0;

  function write(stream: Stream, text: string): void {
    stream.res.write(text);
    if (stream.res.writableLength > MAX_BUFFERED_BYTES) stream.res.end();
  }

  function send(stream: Stream, event: ParleyEvent): void {
    const message = liveMessageFor(event);
    if (message) write(stream, frame(event.id, message));
  }

  const unsubscribe = events.subscribe((event) => {
    const page = pageOf(event);
    if (page === null) return;
    for (const stream of byPage.get(keyOf(event.siteId, page)) ?? []) {
      if (stream.queued) stream.queued.push(event);
      else send(stream, event);
    }
  });

  const heartbeat = setInterval(() => {
    for (const streams of byPage.values()) for (const s of streams) write(s, ': ping\n\n');
  }, options.heartbeatMs);
  heartbeat.unref();

  function remove(stream: Stream): void {
    const streams = byPage.get(stream.key);
    if (!streams?.delete(stream)) return;
    if (streams.size === 0) byPage.delete(stream.key);
    const left = (perIp.get(stream.ip) ?? 1) - 1;
    if (left > 0) perIp.set(stream.ip, left);
    else perIp.delete(stream.ip);
    total--;
  }

  return {
    async open(req, res, site, page, lastId) {
      const ip = req.ip ?? 'unknown';
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
      const stream: Stream = { res, ip, key: keyOf(site, page), queued: [] };
      perIp.set(ip, held + 1);
      total++;
      let streams = byPage.get(stream.key);
      if (!streams) {
        streams = new Set();
        byPage.set(stream.key, streams);
      }
      streams.add(stream);
      req.on('close', () => remove(stream));

      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        // no-transform: compression() would buffer the stream.
        'Cache-Control': 'no-store, no-transform',
        // nginx would buffer it too.
        'X-Accel-Buffering': 'no',
      });
      res.write(`retry: ${options.retryMs}\n\n`);

      // Subscribed first, replayed second: what is published meanwhile waits
      // in `queued`, and nothing falls between the two.
      const replayed = new Set<string>();
      const missed = lastId === null ? [] : await events.since(lastId);
      if (missed === null) {
        write(stream, frame(await events.lastId(), { type: 'reset' }));
      } else {
        for (const event of missed) {
          if (event.siteId !== site || pageOf(event) !== page) continue;
          replayed.add(event.id);
          send(stream, event);
        }
        // The log's head: a reconnection resumes from here even when nothing
        // happened on this page (events published since then are queued).
        write(stream, frame(await events.lastId(), { type: 'ready' }));
      }
      const queued = stream.queued ?? [];
      stream.queued = null;
      for (const event of queued) if (!replayed.has(event.id)) send(stream, event);
    },
    size: () => total,
    closeAll(retryMs) {
      for (const streams of byPage.values()) {
        for (const s of streams) s.res.end(`retry: ${retryMs}\n\n`);
      }
    },
    stop() {
      clearInterval(heartbeat);
      unsubscribe();
    },
  };
}
