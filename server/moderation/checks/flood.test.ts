import { RateLimiterMemory } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';
import { ctx, identityAuthor } from '../test/candidates.ts';
import { createFloodStore, DEFAULT_FLOOD_LIMITS, type FloodLimits, floodCheck } from './flood.ts';

const limits = (ip: number, author: number, site: number): FloodLimits => ({
  ip: { points: ip, seconds: 60 },
  author: { points: author, seconds: 60 },
  site: { points: site, seconds: 30 },
});

describe('flood', () => {
  it('defaults to 5 a minute per IP and per author, 60 a minute per site', () => {
    expect(DEFAULT_FLOOD_LIMITS).toMatchObject({
      ip: { points: 5, seconds: 60 },
      author: { points: 5, seconds: 60 },
      site: { points: 60, seconds: 60 },
    });
  });

  it('refuses the comment past the per-IP limit, saying how long to wait', async () => {
    const check = floodCheck(createFloodStore(limits(2, 100, 100)));
    // Different authors, same IP.
    expect((await check(ctx({ author: { email: 'a@example.com' } }))).decision).toBe('approve');
    expect((await check(ctx({ author: { email: 'b@example.com' } }))).decision).toBe('approve');
    const verdict = await check(ctx({ author: { email: 'c@example.com' } }));
    expect(verdict).toMatchObject({ decision: 'reject', check: 'flood' });
    expect(verdict.retryAfterSeconds).toBeGreaterThan(55);
    expect(verdict.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(verdict.reason).toBe(
      `slow down: too many comments from your address; try again in ${verdict.retryAfterSeconds} s`,
    );
  });

  it('counts a guest by email (case-insensitively) across IPs', async () => {
    const check = floodCheck(createFloodStore(limits(100, 1, 100)));
    await check(ctx({ ip: '198.51.100.1', author: { email: 'ada@example.com' } }));
    const verdict = await check(ctx({ ip: '198.51.100.2', author: { email: 'ADA@example.com' } }));
    expect(verdict.decision).toBe('reject');
    expect(verdict.reason).toMatch(/^slow down: too many comments from you; try again in \d+ s$/);
  });

  it('counts a signed-in reader by identity, and without an IP still counts the author', async () => {
    const check = floodCheck(createFloodStore(limits(100, 1, 100)));
    expect((await check(ctx({ ip: null, author: identityAuthor('x') }))).decision).toBe('approve');
    expect((await check(ctx({ ip: null, author: identityAuthor('y') }))).decision).toBe('approve');
    expect((await check(ctx({ ip: null, author: identityAuthor('x') }))).decision).toBe('reject');
  });

  it('caps a whole site, and keeps sites apart', async () => {
    const check = floodCheck(createFloodStore(limits(100, 100, 2)));
    for (const n of [1, 2]) {
      await check(ctx({ ip: `198.51.100.${n}`, author: { email: `${n}@example.com` } }));
    }
    const over = await check(ctx({ ip: '198.51.100.3', author: { email: '3@example.com' } }));
    expect(over).toMatchObject({ decision: 'reject' });
    expect(over.reason).toContain('on this site');
    expect(over.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect((await check(ctx({ siteId: 'other' }))).decision).toBe('approve');
  });

  it('takes any RateLimiterAbstract (the seam for Redis), and names every limit hit', async () => {
    const created: string[] = [];
    const store = createFloodStore(limits(1, 1, 1), (options) => {
      created.push(options.keyPrefix ?? '');
      return new RateLimiterMemory(options);
    });
    expect(created).toEqual(['parley-flood-ip', 'parley-flood-author', 'parley-flood-site']);
    const check = floodCheck(store);
    await check(ctx());
    expect((await check(ctx())).reason).toMatch(
      /^slow down: too many comments from your address and from you and on this site; try again in \d+ s$/,
    );
  });

  it('holds the comment when the counters fail (never lost, never published unchecked)', async () => {
    const store = createFloodStore(limits(1, 1, 1), (options) => {
      const limiter = new RateLimiterMemory(options);
      limiter.consume = async () => {
        throw new Error('redis down');
      };
      return limiter;
    });
    expect(await floodCheck(store)(ctx())).toMatchObject({
      decision: 'hold',
      check: 'flood',
      reason: 'flood control unavailable (redis down)',
    });
  });
});
