/**
 * The event log in a Redis stream (REDIS_URL): every instance appends with
 * XADD and reads every event with a blocking XREAD, so a comment posted
 * through instance A reaches the subscribers of instance B; the stream keeps
 * the latest events for resuming (`Last-Event-ID` is a stream id).
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import type { ParleyEvent } from './event.types.ts';
import { BEGINNING, type EventLog } from './memory-log.ts';

const STREAM_ID = /^\d{1,20}-\d{1,20}$/;

/** Orders two stream ids ("ms-seq"). */
function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt) as [bigint, bigint];
  const [bm, bs] = b.split('-').map(BigInt) as [bigint, bigint];
  return am === bm ? Number(as - bs) : am < bm ? -1 : 1;
}

type Entry = [id: string, fields: string[]];

function toEvent([id, fields]: Entry): ParleyEvent {
  const json = fields[fields.indexOf('e') + 1] ?? '{}';
  return { ...(JSON.parse(json) as ParleyEvent), id };
}

export interface RedisLogOptions {
  redis: Redis;
  /** The stream's key (the installation's prefix + "events"). */
  key: string;
  /** About how many events the stream keeps (MAXLEN ~). */
  capacity: number;
  logger: Logger;
}

export function createRedisLog(options: RedisLogOptions): EventLog {
  const { redis, key, capacity, logger } = options;
  // XREAD BLOCK holds its connection: a connection of its own.
  const reader = redis.duplicate();
  let running = false;
  let loop: Promise<void> | undefined;

  async function lastId(): Promise<string | null> {
    const [newest] = (await redis.xrevrange(key, '+', '-', 'COUNT', 1)) as Entry[];
    return newest ? newest[0] : null;
  }

  async function readLoop(deliver: (event: ParleyEvent) => void, from: string): Promise<void> {
    let seen = from;
    while (running) {
      try {
        const reply = (await reader.xread('COUNT', 500, 'BLOCK', 5_000, 'STREAMS', key, seen)) as
          | [string, Entry[]][]
          | null;
        for (const [, entries] of reply ?? []) {
          for (const entry of entries) {
            seen = entry[0];
            deliver(toEvent(entry));
          }
        }
      } catch (err) {
        if (!running) return;
        logger.warn({ err }, 'reading the event stream failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  return {
    async publish(events) {
      if (events.length === 0) return;
      const pipeline = redis.pipeline();
      for (const { id: _outboxId, ...event } of events) {
        pipeline.xadd(key, 'MAXLEN', '~', capacity, '*', 'e', JSON.stringify(event));
      }
      const results = await pipeline.exec();
      const failed = results?.find(([err]) => err);
      if (failed) throw failed[0];
    },
    async since(after, max = Number.POSITIVE_INFINITY) {
      // At most max + 1 entries fetched and parsed: one more than `max` says "too many".
      const upTo = (from: string) =>
        Number.isFinite(max)
          ? (redis.xrange(key, from, '+', 'COUNT', max + 1) as Promise<Entry[]>)
          : (redis.xrange(key, from, '+') as Promise<Entry[]>);
      let entries: Entry[];
      if (after === BEGINNING) {
        entries = await upTo('-');
      } else {
        if (!STREAM_ID.test(after)) return null;
        const [oldest] = (await redis.xrange(key, '-', '+', 'COUNT', 1)) as Entry[];
        // Trimmed past it (or never ours): can't replay what is gone.
        if (!oldest || compareIds(after, oldest[0]) < 0) return null;
        entries = await upTo(`(${after}`);
      }
      return entries.length > max ? null : entries.map(toEvent);
    },
    lastId,
    async start(deliver) {
      running = true;
      const from = (await lastId()) ?? '0-0';
      loop = readLoop(deliver, from);
    },
    async stop() {
      running = false;
      reader.disconnect();
      await loop;
    },
  };
}
