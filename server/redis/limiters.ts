import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { LimiterFactory } from '../http/rate-limit.ts';

/**
 * Rate-limit counters in Redis, shared by every instance. Should Redis fail,
 * each instance counts in its own memory meanwhile (rate-limiter-flexible's
 * insurance limiter) rather than refusing every request.
 */
export function redisLimiters(redis: Redis, prefix: string): LimiterFactory {
  return (options) =>
    new RateLimiterRedis({
      ...options,
      keyPrefix: `${prefix}${options.keyPrefix ?? 'limit'}`,
      storeClient: redis,
      insuranceLimiter: new RateLimiterMemory(options),
    });
}
