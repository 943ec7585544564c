import type { RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors.ts';

/**
 * Per-IP limit for one kind of request: `points` requests per `seconds`.
 * Memory-backed for now; the same rate-limiter-flexible interface takes Redis
 * when several instances run.
 */
export function rateLimit(name: string, points: number, seconds: number): RequestHandler {
  const limiter = new RateLimiterMemory({ keyPrefix: name, points, duration: seconds });
  return async function limitRate(req, _res, next) {
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
