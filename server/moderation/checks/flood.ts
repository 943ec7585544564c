import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { type LimiterFactory, memoryLimiters } from '../../http/rate-limit.ts';
import { type Check, type CommentCandidate, objection } from '../moderation.types.ts';

/** Who is being counted: one IP, one author (identity or guest email), or a whole site. */
export type FloodScope = 'ip' | 'author' | 'site';

/** `points` comments per `seconds` seconds. */
export interface FloodLimit {
  points: number;
  seconds: number;
}

export type FloodLimits = Record<FloodScope, FloodLimit>;

/**
 * A person types a comment in more than 12 s, so five a minute from one IP or
 * author is already a lot; sixty a minute on one site is more than any
 * discussion we host and still cheap to hold back a bot swarm.
 */
export const DEFAULT_FLOOD_LIMITS: FloodLimits = Object.freeze({
  ip: { points: 5, seconds: 60 },
  author: { points: 5, seconds: 60 },
  site: { points: 60, seconds: 60 },
});

export type FloodResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts comments per scope and key. Built on rate-limiter-flexible's
 * `RateLimiterAbstract`, so Redis (or any of its stores) replaces memory
 * through `createFloodStore(limits, redisLimiters(redis, prefix))` (server/redis/limiters.ts).
 */
export interface FloodStore {
  /** Counts one comment for `key` in `scope`; over the limit, says how long to wait. */
  consume(scope: FloodScope, key: string): Promise<FloodResult>;
}

export type { LimiterFactory, LimiterOptions } from '../../http/rate-limit.ts';

/** A flood store with one limiter per scope; in memory unless another factory is given. */
export function createFloodStore(
  limits: FloodLimits = DEFAULT_FLOOD_LIMITS,
  createLimiter: LimiterFactory = memoryLimiters,
): FloodStore {
  const limiters = Object.fromEntries(
    (Object.keys(limits) as FloodScope[]).map((scope) => [
      scope,
      createLimiter({
        keyPrefix: `parley-flood-${scope}`,
        points: limits[scope].points,
        duration: limits[scope].seconds,
      }),
    ]),
  ) as Record<FloodScope, RateLimiterAbstract>;

  return {
    async consume(scope, key) {
      try {
        await limiters[scope].consume(key);
        return { allowed: true };
      } catch (err) {
        // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, with an Error when its store fails.
        if (!(err instanceof RateLimiterRes)) throw err;
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)),
        };
      }
    },
  };
}

/** The keys this comment counts against, with how the moderator would name each. */
function floodKeys(
  candidate: CommentCandidate,
): { scope: FloodScope; key: string; label: string }[] {
  const { author } = candidate;
  const authorKey =
    author.kind === 'identity'
      ? `identity:${author.identityId}`
      : `email:${author.email.trim().toLowerCase()}`;
  const keys: { scope: FloodScope; key: string; label: string }[] = [];
  if (candidate.ip !== null) {
    keys.push({
      scope: 'ip',
      key: `${candidate.siteId}:${candidate.ip}`,
      label: 'from your address',
    });
  }
  keys.push(
    { scope: 'author', key: `${candidate.siteId}:${authorKey}`, label: 'from you' },
    { scope: 'site', key: candidate.siteId, label: 'on this site' },
  );
  return keys;
}

/**
 * Flood control per IP, per author and per site. Over any limit, the comment
 * is refused with a "slow down" that says how long to wait (the longest of
 * the limits hit). Every scope is counted on each attempt. If the counters'
 * store fails (say Redis is down), the comment is held.
 */
export function floodCheck(store: FloodStore): Check {
  return async function checkFlood({ candidate }) {
    let wait = 0;
    const over: FloodScope[] = [];
    for (const { scope, key } of floodKeys(candidate)) {
      let result: FloodResult;
      try {
        result = await store.consume(scope, key);
      } catch (err) {
        // Like Akismet being down: the comment is kept for a moderator, not lost nor published unchecked.
        const why = err instanceof Error ? err.message : String(err);
        return objection('hold', 'flood', { code: 'flood.unavailable', params: { error: why } });
      }
      if (!result.allowed) {
        wait = Math.max(wait, result.retryAfterSeconds);
        over.push(scope);
      }
    }
    if (over.length === 0) return { decision: 'approve', check: 'flood', reason: 'within limits' };
    return {
      ...objection('reject', 'flood', {
        code: 'flood.tooMany',
        params: { count: wait, scopes: over },
      }),
      retryAfterSeconds: wait,
    };
  };
}
