/**
 * The Redis connection of an instance that shares its state (REDIS_URL):
 * rate-limit counters, the event log's stream. Keys start with the
 * configured prefix, so several installations (or test runs) share a server.
 */
import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';

export interface RedisConfig {
  readonly url: string;
  readonly prefix: string;
}

// ioredis is loaded only by an instance with REDIS_URL (docs/performance.md, "Memory").
const require = createRequire(import.meta.url);

export function createRedis(config: RedisConfig): Redis {
  const { Redis } = require('ioredis') as typeof import('ioredis');
  return new Redis(config.url, {
    // The classic reply shapes (arrays for XREAD/XRANGE), as every store
    // built on ioredis expects.
    protocol: 2,
    // Connected in start(), so a bad URL fails the boot, not the first request.
    lazyConnect: true,
    // A command waits for a reconnection this many times, then fails (a
    // rate limit then falls back to memory, a post is held).
    maxRetriesPerRequest: 2,
  });
}
