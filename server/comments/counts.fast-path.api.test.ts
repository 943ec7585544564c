/**
 * Counts answered before Express (counts.fast-path.ts), on every dialect:
 * the same bytes and headers as the Express route (the same app, reached
 * once through the server, which tries the fast path first, and once through
 * Express alone), fresh after every change on this instance and on another.
 */
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { moderate } from '../admin/queue.service.ts';
import { createApp, type ParleyApp } from '../app.ts';
import { type ExpressDoor, openExpressDoor } from '../test/express-door.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** As sent (compressed when it was). */
  body: Buffer;
}

/**
 * A request as a browser would send it, with the body as it came over the
 * wire. `path` goes out as written, a raw '#' included (a URL would drop it).
 */
function raw(
  base: string,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(base, { path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const { date: _date, connection: _c, 'keep-alive': _k, ...rest } = res.headers;
        resolve({ status: res.statusCode ?? 0, headers: rest, body: Buffer.concat(chunks) });
      });
    })
      .on('error', reject)
      .end();
  });
}

describe.each(DIALECTS)('counts before Express on %s', (dialect) => {
  const prefix = `parley-test:${process.pid}:${randomBytes(4).toString('hex')}:`;
  let server: TestServer;
  /** The same app as `server`, through Express alone. */
  let door: ExpressDoor;
  /** A second instance on the same store and Redis. */
  let other: ParleyApp;
  let otherUrl: string;
  let n = 0;

  const post = async (base: string, page: string) => {
    const res = await fetch(`${base}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site: 'blog',
        page,
        pageUrl: 'https://blog.example/p',
        body: `Comment ${++n}`,
        author: { name: 'Reader', email: `r${n}@example.com` },
      }),
    });
    expect(res.status).toBe(201);
    const key = res.headers.getSetCookie().find((c) => c.startsWith('parley_ak_blog='));
    const { comment } = (await res.json()) as { comment: { id: string; status: string } };
    return { ...comment, cookie: key?.split(';')[0] ?? '' };
  };
  const countsPath = (pages: readonly string[], site = 'blog') =>
    `/api/v1/counts?site=${site}&${pages.map((p) => `page=${encodeURIComponent(p)}`).join('&')}`;
  const count = async (page: string, base = server.url) =>
    (
      (await (await fetch(`${base}${countsPath([page])}`)).json()) as {
        counts: Record<string, number>;
      }
    ).counts[page];
  /** Both doors' answers to one request; they must be the same. */
  const both = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
    const [fast, slow] = await Promise.all([
      raw(server.url, path, headers, method),
      raw(door.expressUrl, path, headers, method),
    ]);
    expect(fast.headers, path).toEqual(slow.headers);
    expect(fast.status, path).toBe(slow.status);
    expect(fast.body.equals(slow.body), path).toBe(true);
    return fast;
  };
  /**
   * Until both instances have been handed every event so far: a write drops
   * its pages at its commit and again when its event arrives a moment later.
   */
  const settled = async () => {
    await server.parley.events.flush();
    await other.events.flush();
    const last = await server.parley.events.lastId();
    await expect
      .poll(() => [server.parley.events.deliveredId(), other.events.deliveredId()])
      .toEqual([last, last]);
  };
  /** Whether the server answered `path` before Express. */
  const answeredFromMemory = async (path: string) => {
    const before = door.reachedExpress();
    expect((await raw(server.url, path)).status).toBe(200);
    return door.reachedExpress() === before;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, {
      REDIS_URL,
      REDIS_PREFIX: prefix,
      AUTH_SECRET: randomBytes(32).toString('hex'),
    });
    door = await openExpressDoor(server);
    other = createApp(server.parley.config);
    otherUrl = (await other.start()).url;
  });
  afterAll(async () => {
    await door?.close();
    await other?.stop();
    await server?.stop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });
  beforeEach(async () => {
    await server.parley.db.deleteFrom('comments').execute();
    await server.parley.db.deleteFrom('pages').execute();
    await server.parley.db.deleteFrom('sites').execute();
    await server.buildSite();
    // Its site.changed event reaches both instances a moment after the commit.
    await settled();
    server.parley.cache.invalidate(null, null);
    other.cache.invalidate(null, null);
  });

  it('answers counted pages from memory with Express’s status, headers and bytes, compressed or not', async () => {
    // Twenty long page keys: over compression()'s 1 KB threshold.
    const pages = Array.from(
      { length: 20 },
      (_, i) => `https://blog.example/${'x'.repeat(60)}/${i}`,
    );
    for (const page of pages.slice(0, 3)) await post(server.url, page);
    await settled();
    // Not counted yet: Express counts (and caches) them.
    expect(await answeredFromMemory(countsPath(pages.slice(0, 3)))).toBe(false);
    for (const path of [
      countsPath(pages.slice(0, 3)),
      // A page twice, and in another order.
      countsPath([pages[2] ?? '', pages[0] ?? '', pages[2] ?? '']),
    ]) {
      expect(await answeredFromMemory(path)).toBe(true);
      for (const encoding of [undefined, 'br, gzip', 'gzip', 'identity']) {
        const res = await both(path, encoding ? { 'accept-encoding': encoding } : {});
        expect(res.status).toBe(200);
        expect(res.headers['access-control-allow-origin']).toBe('*');
        expect(res.headers['content-security-policy']).toContain("default-src 'none'");
        expect(res.headers.etag).toMatch(/^W\/"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/);
      }
    }
    for (const page of pages.slice(3)) await post(server.url, page);
    await settled();
    await both(countsPath(pages));
    expect(await answeredFromMemory(countsPath(pages))).toBe(true);
    const big = await both(countsPath(pages), { 'accept-encoding': 'gzip' });
    expect(big.headers['content-encoding']).toBe('gzip');
    expect(big.headers.vary).toBe('Accept-Encoding');
  });

  it('answers 304 exactly when Express does', async () => {
    await post(server.url, 'a');
    await settled();
    const path = countsPath(['a']);
    const etag = String((await both(path)).headers.etag);
    expect(await answeredFromMemory(path)).toBe(true);
    const strong = etag.slice(2);
    for (const [headers, status] of [
      [{ 'if-none-match': etag }, 304],
      [{ 'if-none-match': strong }, 304],
      [{ 'if-none-match': `"nope", ${etag}` }, 304],
      [{ 'if-none-match': `"nope",\t${etag}` }, 200],
      [{ 'if-none-match': '*' }, 304],
      [{ 'if-none-match': '"nope"' }, 200],
      [{ 'if-none-match': etag, 'cache-control': 'no-cache' }, 200],
      [{ 'if-none-match': etag, 'accept-encoding': 'br, gzip' }, 304],
      [{ 'if-modified-since': new Date().toUTCString() }, 200],
    ] as const) {
      const res = await both(path, headers);
      expect(res.status, JSON.stringify(headers)).toBe(status);
    }
  });

  it('sees a post, an approval and a deletion on this instance at once', async () => {
    const first = await post(server.url, 'a');
    await settled();
    expect(await count('a')).toBe(1);
    expect(await answeredFromMemory(countsPath(['a']))).toBe(true);
    const second = await post(server.url, 'a');
    expect(await count('a')).toBe(2);
    await moderate(server.parley.db, 'blog', [second.id], 'trash');
    expect(await count('a')).toBe(1);
    await moderate(server.parley.db, 'blog', [second.id], 'approve');
    expect(await count('a')).toBe(2);
    const deleted = await fetch(`${server.url}/api/v1/comments/${first.id}`, {
      method: 'DELETE',
      headers: { cookie: first.cookie },
    });
    expect(deleted.status).toBe(204);
    expect(await count('a')).toBe(1);
  });

  it('sees a change made on another instance once its event arrives', async () => {
    await post(server.url, 'a');
    await settled();
    expect(await count('a')).toBe(1);
    expect(await answeredFromMemory(countsPath(['a']))).toBe(true);
    const elsewhere = await post(otherUrl, 'a');
    await expect.poll(() => count('a')).toBe(2);
    await moderate(other.db, 'blog', [elsewhere.id], 'trash');
    await expect.poll(() => count('a')).toBe(1);
  });

  it('leaves what it can’t answer to Express, which refuses it as before', async () => {
    await post(server.url, 'a');
    await settled();
    await both(countsPath(['a']));
    expect(await answeredFromMemory(countsPath(['a']))).toBe(true);
    const many = Array.from({ length: 101 }, () => 'page=a').join('&');
    for (const [path, status, code] of [
      [`/api/v1/counts?site=blog&${many}`, 400, 'invalid_body'],
      ['/api/v1/counts?site=nope&page=a', 404, 'unknown_site'],
      ['/api/v1/counts?site=blog&site=blog&page=a', 400, 'invalid_body'],
      ['/api/v1/counts?site=blog', 400, 'invalid_body'],
      ['/api/v1/counts?site=blog&page=', 400, 'invalid_body'],
      ['/api/v1/counts?site=Bad%20Site&page=a', 400, 'invalid_body'],
      ['/api/v1/counts?site=blog&page[a]=b', 400, 'invalid_body'],
      ['/api/v1/counts?page=a', 400, 'invalid_body'],
    ] as const) {
      const res = await both(path);
      expect(res.status, path).toBe(status);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(JSON.parse(res.body.toString())).toMatchObject({ error: { code } });
    }
    // Same answers by another spelling, and HEAD: Express's.
    for (const path of [
      '/api/v1/counts/?site=blog&page=a',
      '/api/v1/Counts?site=blog&page=a',
      '/api/v1/counts?site=blog&page=a&page=%20a%20',
      '/api/v1/counts?site=blog&page=a&extra=1',
    ]) {
      expect((await both(path)).status, path).toBe(200);
    }
    await both(countsPath(['a']), {}, 'HEAD');
  });

  it('leaves a request target with a raw # to Express, which reads the query up to it', async () => {
    // Express (parseurl) drops everything from a raw '#': this asks for page "a", not "a#b".
    await post(server.url, 'a#b');
    await post(server.url, 'a');
    await post(server.url, 'a');
    await settled();
    // Both pages counted and in memory (asked for with the '#' percent-encoded).
    await both(countsPath(['a#b', 'a']));
    expect(await answeredFromMemory(countsPath(['a#b', 'a']))).toBe(true);
    expect(await answeredFromMemory(countsPath(['a#b']))).toBe(true);
    for (const path of [
      '/api/v1/counts?site=blog&page=a#b',
      '/api/v1/counts?site=blog&page=a#zz',
      '/api/v1/counts?site=blog&page=a%23b#',
    ]) {
      const res = await both(path);
      expect(res.status, path).toBe(200);
      expect(await answeredFromMemory(path), path).toBe(false);
    }
    const hashed = await both('/api/v1/counts?site=blog&page=a#b');
    expect(JSON.parse(hashed.body.toString()).counts).toEqual({ a: 2 });
  });
});
