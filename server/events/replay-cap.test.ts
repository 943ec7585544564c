/**
 * A resume reads no more of the log than it may replay (live.hub.ts,
 * MAX_REPLAY_EVENTS; docs/security.md "Live updates"): a reader further
 * behind than `max` events gets null (a reset), and neither log reads the
 * rest to say so. Both logs: in memory, and in the real Redis under a key of
 * this run's own.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.ts';
import type { ParleyEvent } from './event.types.ts';
import { BEGINNING, createMemoryLog, type EventLog } from './memory-log.ts';
import { createRedisLog } from './redis-log.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const redis = new Redis(REDIS_URL);
const key = `parley-test:${process.pid}:${randomBytes(4).toString('hex')}:events`;
afterAll(async () => {
  await redis.del(key);
  redis.disconnect();
});

const event = (n: number): ParleyEvent => ({
  id: String(n + 1),
  siteId: 'blog',
  at: new Date(0).toISOString(),
  type: 'page.changed',
  pageKey: `page ${n}`,
});

const logs: [string, () => EventLog][] = [
  ['memory', () => createMemoryLog({ capacity: 100 })],
  [
    'redis',
    () =>
      createRedisLog({
        redis,
        key,
        capacity: 100,
        logger: createLogger({ logLevel: 'silent' }),
      }),
  ],
];

describe.each(logs)('resuming from the %s log', (_name, make) => {
  it('replays at most max events, and says "reload" past that, reading no more than max + 1', async () => {
    const log = make();
    const ids: string[] = [];
    await log.start((e) => {
      ids.push(e.id);
    });
    await log.publish(Array.from({ length: 30 }, (_, n) => event(n)));
    // The Redis log hands out its own ids, delivered by its reader.
    await vi.waitFor(() => expect(ids).toHaveLength(30));
    const pages = async (from: string, max?: number) =>
      (await log.since(from, max))?.map((e) => (e as { pageKey: string }).pageKey) ?? null;

    expect(await pages(ids[0] as string, 10)).toBeNull();
    expect(await pages(BEGINNING, 10)).toBeNull();
    // Exactly max after it: replayed.
    expect(await pages(ids[19] as string, 10)).toEqual(
      Array.from({ length: 10 }, (_, n) => `page ${n + 20}`),
    );
    expect(await pages(ids[26] as string, 10)).toEqual(['page 27', 'page 28', 'page 29']);
    // Without a max, as before.
    expect(await pages(ids[0] as string)).toHaveLength(29);
    await log.stop();
  });
});

it('asks Redis for no more than max + 1 entries', async () => {
  const log = createRedisLog({
    redis,
    key: `${key}:count`,
    capacity: 100,
    logger: createLogger({ logLevel: 'silent' }),
  });
  await log.publish(Array.from({ length: 5 }, (_, n) => event(n)));
  const xrange = vi.spyOn(redis, 'xrange');
  try {
    await log.since(BEGINNING, 3);
    await log.since('0-1', 3);
    const calls = xrange.mock.calls as unknown as unknown[][];
    for (const call of calls) expect(call.slice(3)).toEqual(['COUNT', expect.any(Number)]);
    expect(Math.max(...calls.map((call) => Number(call[4])))).toBe(4);
  } finally {
    xrange.mockRestore();
    await log.stop();
    await redis.del(`${key}:count`);
  }
});
