/** The thread cache's own rules: one build per key at a time, never a build a change overtook. */
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cacheKey, createThreadCache } from './thread.cache.ts';

const KEY = cacheKey('blog', 'https://blog.example/p', 'oldest', '', '');

/** A build that ends when the test says, counting how often it ran. */
function gate(json: string) {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const build = {
    runs: 0,
    fn: async () => {
      build.runs++;
      await opened;
      return { json, keep: true };
    },
    open,
  };
  return build;
}

describe('the thread cache', () => {
  it('builds a missing slice once for every reader who asks meanwhile', async () => {
    const cache = createThreadCache({ maxBytes: 1_000_000 });
    const build = gate('"v1"');
    const readers = Array.from({ length: 10 }, () => cache.load(KEY, build.fn));
    build.open();
    const entries = await Promise.all(readers);
    expect(build.runs).toBe(1);
    expect(new Set(entries).size).toBe(1);
    expect(cache.get(KEY)?.json.toString()).toBe('"v1"');
  });

  it('a reader after a change never joins a build that started before it, and that build is not kept', async () => {
    const cache = createThreadCache({ maxBytes: 1_000_000 });
    const before = gate('"before"');
    const early = cache.load(KEY, before.fn);
    cache.invalidate('blog', 'https://blog.example/p');
    const after = gate('"after"');
    const late = cache.load(KEY, after.fn);
    after.open();
    expect((await late).json.toString()).toBe('"after"');
    before.open();
    // The early reader gets what it asked for; the cache keeps only the later build.
    expect((await early).json.toString()).toBe('"before"');
    expect(cache.get(KEY)?.json.toString()).toBe('"after"');
    expect(before.runs + after.runs).toBe(2);
  });

  it('compresses an entry once for concurrent readers', async () => {
    const cache = createThreadCache({ maxBytes: 1_000_000 });
    const entry = await cache.load(KEY, async () => ({
      json: JSON.stringify('x'.repeat(10_000)),
      keep: true,
    }));
    const bodies = await Promise.all(
      Array.from({ length: 5 }, () => cache.encoded(KEY, entry, 'br')),
    );
    expect(new Set(bodies).size).toBe(1);
    expect(cache.get(KEY)?.br).toBe(bodies[0]);
  });

  it('compresses with brotli in a 64 KB window', async () => {
    const cache = createThreadCache({ maxBytes: 1_000_000 });
    const json = JSON.stringify(
      Array.from({ length: 300 }, (_, i) => ({ id: i, html: `<p>Comment ${i}</p>` })),
    );
    const entry = await cache.load(KEY, async () => ({ json, keep: true }));
    const br = await cache.encoded(KEY, entry, 'br');
    expect(brotliDecompressSync(br).toString()).toBe(json);
    // RFC 7932 9.1: a stream whose first bit is 0 declares WBITS = 16.
    expect((br[0] ?? 1) & 1).toBe(0);
  });

  it('drops the least recently used entries beyond its byte budget', async () => {
    // Each entry weighs its JSON plus 200 bytes of bookkeeping: 1,200 bytes here.
    const cache = createThreadCache({ maxBytes: 3_000 });
    const key = (page: string) => cacheKey('blog', page, 'oldest', '', '');
    const put = (page: string) =>
      cache.load(key(page), async () => ({ json: `"${'x'.repeat(998)}"`, keep: true }));
    await put('a');
    await put('b');
    cache.get(key('a')); // read again: now b is the least recently used
    await put('c');
    expect(cache.get(key('b'))).toBeUndefined();
    expect(cache.get(key('a'))).toBeDefined();
    expect(cache.get(key('c'))).toBeDefined();
    expect(cache.size()).toBe(2_400);
  });
});
