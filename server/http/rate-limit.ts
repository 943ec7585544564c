import type { RequestHandler } from 'express';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors.ts';

export type LimiterOptions = ConstructorParameters<typeof RateLimiterMemory>[0];
/** Builds the counters of one limit: in memory, or in Redis when instances share them. */
export type LimiterFactory = (options: LimiterOptions) => RateLimiterAbstract;

export const memoryLimiters: LimiterFactory = (options) => new RateLimiterMemory(options);

/**
 * Where an app keeps its limiter factory (`app.locals`): createApp puts the
 * Redis one there when REDIS_URL is set, so every limit counts across
 * instances without each route being handed the store.
 */
export const LIMITERS = 'parleyLimiters';

/** Per-IP limit for one kind of request: `points` requests per `seconds`. */
export function rateLimit(name: string, points: number, seconds: number): RequestHandler {
  let limiter: RateLimiterAbstract | undefined;
  return async function limitRate(req, _res, next) {
    const create = (req.app.locals[LIMITERS] as LimiterFactory | undefined) ?? memoryLimiters;
    limiter ??= create({ keyPrefix: name, points, duration: seconds });
    try {
      await limiter.consume(req.ip ?? 'unknown');
      next();
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const wait = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      throw new AppError(
        429,
        'rate_limited',
        `Too many attempts; try again in ${wait} s`,
        undefined,
        {
          'Retry-After': String(wait),
        },
      );
    }
  };
}
