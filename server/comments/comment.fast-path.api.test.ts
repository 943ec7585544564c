/**
 * Guest posts answered before Express's router (comment.fast-path.ts), on
 * every dialect: the same status, headers and bytes as the Express route
 * (the same app, reached once through the server, which tries the fast path
 * first, and once through Express alone), for good posts and hostile ones,
 * and what the fast path must leave to Express.
 */
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ExpressDoor, openExpressDoor } from '../test/express-door.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request with its body exactly as given; Content-Length set unless `chunked`. */
function raw(
  base: string,
  body: Buffer | string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  options: { chunked?: boolean; path?: string } = {},
): Promise<Raw> {
  const bytes = Buffer.from(body);
  return new Promise((resolve, reject) => {
    const req = request(
      base,
      {
        path: options.path ?? '/api/v1/comments',
        method: 'POST',
        headers: options.chunked
          ? { ...headers, 'transfer-encoding': 'chunked' }
          : { 'content-length': String(bytes.length), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const { date: _date, connection: _c, 'keep-alive': _k, ...rest } = res.headers;
          resolve({ status: res.statusCode ?? 0, headers: rest, body: Buffer.concat(chunks) });
        });
      },
    ).on('error', reject);
    if (options.chunked) req.write(bytes);
    req.end(options.chunked ? undefined : bytes);
  });
}

let n = 0;
const guestPost = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    site: 'blog',
    page: 'https://blog.example/p',
    pageUrl: 'https://blog.example/p',
    body: `Comment ${++n}, **bold**`,
    author: { name: 'Reader', email: `r${n}@example.com` },
    ...overrides,
  });

describe.each(DIALECTS)('guest posts before Express on %s', (dialect) => {
  let server: TestServer;
  /** The same app as `server`, through Express alone. */
  let door: ExpressDoor;

  /** Both doors' answers to one request; they must be the same, byte for byte. */
  const both = async (
    body: Buffer | string,
    headers?: Record<string, string>,
    options?: { chunked?: boolean },
  ) => {
    const fast = await raw(server.url, body, headers, options);
    const slow = await raw(door.expressUrl, body, headers, options);
    expect(fast.headers).toEqual(slow.headers);
    expect(fast.status).toBe(slow.status);
    expect(fast.body.toString()).toBe(slow.body.toString());
    return fast;
  };
  /** Whether `server` answered without Express. */
  const answeredBeforeExpress = async (
    body: Buffer | string,
    headers?: Record<string, string>,
    options?: { chunked?: boolean },
  ) => {
    const before = door.reachedExpress();
    const res = await raw(server.url, body, headers, options);
    return { res, fast: door.reachedExpress() === before };
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, { AUTH_SECRET: randomBytes(32).toString('hex') });
    door = await openExpressDoor(server);
  });
  afterAll(async () => {
    await door?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    await server.parley.db.deleteFrom('comments').execute();
    await server.parley.db.deleteFrom('pages').execute();
    await server.parley.db.deleteFrom('sites').execute();
    await server.buildSite();
  });

  it('answers a guest post itself, with the route’s status, headers and cookie', async () => {
    const { res: fast, fast: tookIt } = await answeredBeforeExpress(guestPost());
    expect(tookIt).toBe(true);
    const slow = await raw(door.expressUrl, guestPost());
    expect(fast.status).toBe(201);
    expect(slow.status).toBe(201);
    // A new comment (and a new author key) each: the same headers but for those values.
    const shape = (r: Raw) => ({
      ...r.headers,
      etag: typeof r.headers.etag,
      'content-length': typeof r.headers['content-length'],
      'set-cookie': (r.headers['set-cookie'] as string[]).map((c) =>
        c.replace(/=[^;]+/, '=<key>').replace(/Expires=[^;]+/, 'Expires=<date>'),
      ),
    });
    expect(shape(fast)).toEqual(shape(slow));
    // A 201 names no representation a client could revalidate: no ETag hashed for it.
    expect(fast.headers.etag).toBeUndefined();
    expect(fast.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(fast.headers['content-length']).toBe(String(fast.body.length));
    const keys = (r: Raw) =>
      Object.keys((JSON.parse(r.body.toString()) as { comment: object }).comment);
    expect(keys(fast)).toEqual(keys(slow));
    const stored = await server.parley.db.selectFrom('comments').select('body_html').execute();
    expect(stored).toHaveLength(2);
  });

  it('refuses bodies that are not JSON objects exactly as express.json() does', async () => {
    for (const body of [
      '{"site": "blog",',
      '"just text"',
      '123',
      'null',
      '',
      '   ',
      '{"site": "blog"} trailing',
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
    ]) {
      const res = await both(body);
      expect(res.status, String(body)).toBe(400);
    }
  });

  it('reads a body with a byte-order mark or charset=utf-8 as express.json() does', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(guestPost())]);
    const { res, fast } = await answeredBeforeExpress(bom);
    expect(fast).toBe(true);
    expect(res.status).toBe(201);
    expect((await raw(door.expressUrl, bom)).status).toBe(409);
    const typed = await answeredBeforeExpress(guestPost(), {
      'content-type': 'Application/JSON; charset=UTF-8',
    });
    expect(typed.fast).toBe(true);
    expect(typed.res.status).toBe(201);
  });

  it('refuses invalid, hostile and misplaced posts with the route’s own errors', async () => {
    const cases = [
      // Validation: a missing author, a wrong type, an object where text goes.
      guestPost({ author: undefined }),
      guestPost({ body: 42 }),
      guestPost({ author: { name: { toString: 'x' }, email: 'a@b.example' } }),
      // Prototype keys are data, never the object's prototype.
      '{"__proto__": {"site": "blog", "page": "x"}, "constructor": {"prototype": {}}}',
      // An array is JSON, but not a comment.
      '[1, 2]',
      // Posted for a page on another origin than the site's.
      guestPost({ pageUrl: 'https://evil.example/p' }),
      // An unknown site; an empty comment; one over the length limit.
      guestPost({ site: 'nosuchsite' }),
      guestPost({ body: '   ' }),
      guestPost({ body: 'x'.repeat(10_001) }),
    ];
    for (const body of cases) {
      const res = await both(body);
      expect(res.status, body).toBeGreaterThanOrEqual(400);
      expect(res.status, body).toBeLessThan(500);
      expect(JSON.parse(res.body.toString()), body).toHaveProperty('error.code');
    }
  });

  it('answers a repeated comment 409 on both doors', async () => {
    const body = guestPost();
    expect((await raw(server.url, body)).status).toBe(201);
    const res = await both(body);
    expect(res.status).toBe(409);
  });

  it('leaves to Express what it does not read itself, which answers as before', async () => {
    const declined: [string, Buffer | string, Record<string, string>, { chunked?: boolean }][] = [
      ['a form post', 'site=blog', { 'content-type': 'application/x-www-form-urlencoded' }, {}],
      ['text', guestPost(), { 'content-type': 'text/plain' }, {}],
      ['another charset', guestPost(), { 'content-type': 'application/json; charset=latin1' }, {}],
      ['a chunked body', guestPost(), { 'content-type': 'application/json' }, { chunked: true }],
      [
        'a compressed body',
        guestPost(),
        { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        {},
      ],
      [
        'an oversized body',
        JSON.stringify({ site: 'blog', body: 'x'.repeat(70_000) }),
        { 'content-type': 'application/json' },
        {},
      ],
      [
        'a bad Bearer token',
        guestPost(),
        { 'content-type': 'application/json', authorization: 'Bearer nope' },
        {},
      ],
    ];
    const statuses: Record<string, number> = {};
    for (const [what, body, headers, options] of declined) {
      const { res, fast } = await answeredBeforeExpress(body, headers, options);
      expect(fast, what).toBe(false);
      statuses[what] = res.status;
    }
    expect(statuses).toEqual({
      'a form post': 415,
      text: 415,
      'another charset': 415,
      'a chunked body': 201,
      'a compressed body': 400,
      'an oversized body': 413,
      'a bad Bearer token': 401,
    });
  });
});

describe.each(DIALECTS)('guest posts before Express, rate limited, on %s', (dialect) => {
  let server: TestServer;
  let door: ExpressDoor;
  beforeAll(async () => {
    server = await startTestServer(dialect, {
      AUTH_SECRET: randomBytes(32).toString('hex'),
      COMMENT_RATE_LIMIT: '1',
    });
    await server.buildSite();
    door = await openExpressDoor(server);
  });
  afterAll(async () => {
    await door?.close();
    await server?.stop();
  });

  it('answers 429 with Retry-After, as the route does', async () => {
    expect((await raw(server.url, guestPost())).status).toBe(201);
    const fast = await raw(server.url, guestPost());
    const slow = await raw(door.expressUrl, guestPost());
    expect(fast.status).toBe(429);
    // The wait is in whole seconds, counted down between the two requests.
    const seconds = (r: Raw) => ({
      ...r.headers,
      'retry-after': typeof r.headers['retry-after'],
      'content-length': typeof r.headers['content-length'],
      etag: typeof r.headers.etag,
      body: r.body.toString().replace(/\d+/g, 'N'),
    });
    expect(seconds(fast)).toEqual(seconds(slow));
  });
});
