/**
 * Live-update streams opened before Express (live.fast-path.ts): the same
 * status, headers, messages, refusals and request log line as the Express
 * route (the same app, reached once through the server, which tries the
 * fast path first, and once through Express alone), the per-IP limit counted
 * against Express's own `req.ip`, resume and shutdown.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { resolveConfig } from '../config.resolve.ts';
import { loadConfig } from '../config.ts';
import { saveSite } from '../sites/site.service.ts';
import { type ExpressDoor, openExpressDoor } from '../test/express-door.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { openSse, type SseStream } from './test/sse-client.ts';

const PAGE = 'https://blog.example/post';
const events = (query: string) => `/api/v1/events?${query}`;
const onPage = (page = PAGE) => events(`site=blog&page=${encodeURIComponent(page)}`);

interface Answer {
  status: number;
  /** Names and values as sent, in order, without Date. */
  headers: string[];
  /** The body, or for a stream what came before its `ready` message (included). */
  body: string;
}

/** One request as sent; a stream is read up to its `ready` message, then dropped. */
function raw(base: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(base, { path, headers, agent: false }, (res) => {
      const sent: string[] = [];
      for (let i = 0; i < res.rawHeaders.length; i += 2) {
        const name = res.rawHeaders[i] as string;
        if (name.toLowerCase() !== 'date') sent.push(`${name}: ${res.rawHeaders[i + 1]}`);
      }
      let body = '';
      const done = () => resolve({ status: res.statusCode ?? 0, headers: sent, body });
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        body += text;
        if (body.includes('"type":"ready"}\n\n') || body.includes('"type":"reset"}\n\n')) {
          req.destroy();
          done();
        }
      });
      res.on('end', done);
    });
    req.on('error', reject).end();
  });
}

/** Same server, fresh log ids: what differs between two opens of one page. */
const sameShape = (answer: Answer) => ({
  ...answer,
  body: answer.body.replace(/^id: .*$/m, 'id: …'),
});

interface Doors extends ExpressDoor {
  server: TestServer;
}

/** The Express-only door on `server`; closing it stops `server` as well. */
async function withExpressDoor(server: TestServer): Promise<Doors> {
  const door = await openExpressDoor(server);
  return {
    ...door,
    server,
    async close() {
      await door.close();
      await server.stop();
    },
  };
}

describe.each(DIALECTS)('live streams before Express on %s', (dialect) => {
  let doors: Doors;
  const open: SseStream[] = [];
  beforeAll(async () => {
    const server = await startTestServer(dialect, { LIVE_MAX_PER_IP: '50' });
    await server.buildSite();
    doors = await withExpressDoor(server);
  });
  afterEach(() => {
    for (const stream of open.splice(0)) stream.close();
  });
  afterAll(() => doors.close());

  it('opens a stream without Express, with the route status, headers and first messages', async () => {
    const before = doors.reachedExpress();
    const fast = await raw(doors.server.url, onPage());
    expect(doors.reachedExpress()).toBe(before);
    const slow = await raw(doors.expressUrl, onPage());
    expect(sameShape(fast)).toEqual(sameShape(slow));
    expect(fast.status).toBe(200);
    expect(fast.body).toMatch(/^retry: 2000\n\nid: .+\ndata: \{"type":"ready"\}\n\n$/);
    expect(fast.headers).toContain(
      "Content-Security-Policy: default-src 'none';frame-ancestors 'none'",
    );
  });

  it('refuses as the route does: bad queries, unknown sites', async () => {
    for (const query of [
      '',
      'site=blog',
      'site=blog&page=',
      'site=blog&page=x&page=y',
      `site=blog&page=x&since=${'9'.repeat(65)}`,
      'site=a%00b&page=x',
      'site=nope&page=x',
    ]) {
      const fast = await raw(doors.server.url, events(query));
      const slow = await raw(doors.expressUrl, events(query));
      expect(fast, query).toEqual(slow);
      expect(fast.status, query).toBe(query.includes('nope') ? 404 : 400);
    }
  });

  it('resumes from Last-Event-ID with what was missed on its page, then carries on', async () => {
    const first = await openSse(`${doors.server.url}${onPage()}`);
    open.push(first);
    await expect.poll(() => first.lastId()).toBeDefined();
    const from = first.lastId() as string;
    first.close();
    let n = 0;
    const post = async (page: string) => {
      const res = await fetch(`${doors.server.url}/api/v1/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          site: 'blog',
          page,
          pageUrl: page,
          body: `Posted on ${page} (${++n})`,
          author: { name: 'Reader', email: 'reader@example.com' },
        }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { comment: { id: string } }).comment.id;
    };
    const missed = await post(PAGE);
    await post('https://blog.example/other');
    await doors.server.parley.events.flush();
    const before = doors.reachedExpress();
    const again = await openSse(`${doors.server.url}${onPage()}`, { 'last-event-id': from });
    open.push(again);
    await expect.poll(() => again.messages.map((m) => m.data.type)).toEqual(['comment', 'ready']);
    expect(doors.reachedExpress()).toBe(before);
    const ids = () =>
      again.messages.flatMap((m) => (m.data.type === 'comment' ? [m.data.comment.id] : []));
    expect(ids()).toEqual([missed]);
    const later = await post(PAGE);
    await expect.poll(ids).toEqual([missed, later]);
  });
});

// A hop count and no proxy at all: a forged left-most X-Forwarded-For entry
// is the client's own choice and must never earn it more streams.
describe.each(['1', ''])('live streams per client address, TRUST_PROXY=%s', (trustProxy) => {
  let doors: Doors;
  const open: SseStream[] = [];
  let forged = 0;
  const spoofed = () => ({ 'x-forwarded-for': `203.0.113.${++forged}, 198.51.100.7` });
  beforeAll(async () => {
    const server = await startTestServer('sqlite', {
      LIVE_MAX_PER_IP: '2',
      ...(trustProxy ? { TRUST_PROXY: trustProxy } : {}),
    });
    await server.buildSite();
    doors = await withExpressDoor(server);
  });
  afterAll(async () => {
    for (const stream of open.splice(0)) stream.close();
    await doors.close();
  });

  it('answers 429 past the limit whatever X-Forwarded-For says, as the route does', async () => {
    for (let i = 0; i < 2; i++) {
      const stream = await openSse(`${doors.server.url}${onPage()}`, spoofed());
      open.push(stream);
      expect(stream.response.status).toBe(200);
    }
    await expect.poll(() => doors.server.parley.live.size()).toBe(2);
    const fast = await raw(doors.server.url, onPage(), spoofed());
    const slow = await raw(doors.expressUrl, onPage(), spoofed());
    expect(fast.status).toBe(429);
    expect(fast).toEqual(slow);
    expect(JSON.parse(fast.body).error.code).toBe('rate_limited');
    expect(fast.headers).toContain('Retry-After: 30');

    // Behind one proxy, a client it did not forward for is another address.
    if (trustProxy) {
      const direct = await raw(doors.server.url, onPage());
      expect(direct.status).toBe(200);
    }
  });
});

/** An app logging at `level` into `lines`, with a site, listening, and the same app through Express alone. */
async function loggingApp(level: string) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-live-log-'));
  const lines: Record<string, unknown>[] = [];
  const parley = createApp(
    await resolveConfig(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: level,
        SQLITE_PATH: join(dir, 'parley.sqlite'),
      }),
    ),
    { logDestination: { write: (line: string) => void lines.push(JSON.parse(line)) } },
  );
  const { url } = await parley.start();
  await saveSite(parley.db, { id: 'blog', name: 'My blog', origins: ['https://blog.example'] });
  const expressOnly = createServer(parley.app);
  await new Promise<void>((resolve) => expressOnly.listen(0, '127.0.0.1', resolve));
  return {
    parley,
    url,
    expressUrl: `http://127.0.0.1:${(expressOnly.address() as AddressInfo).port}`,
    /** The request log's lines so far. */
    requestLines: () => lines.filter((l) => typeof l.responseTime === 'number'),
    async close() {
      expressOnly.closeAllConnections();
      expressOnly.close();
      await parley.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('live streams before Express: the request log and shutdown', () => {
  it('at debug level, logs the same response headers as the route', async () => {
    const app = await loggingApp('debug');
    try {
      await raw(app.url, onPage());
      await raw(app.expressUrl, onPage());
      await expect.poll(() => app.requestLines().length).toBe(2);
      const [fast, slow] = app.requestLines().map((l) => l.res as { headers: object });
      expect(fast).toEqual(slow);
      expect(Object.keys(fast?.headers ?? {})).toContain('content-security-policy');
    } finally {
      await app.close();
    }
  });

  it('logs the route line when a stream closes, and ends streams with a retry hint on stop', async () => {
    const app = await loggingApp('info');
    try {
      await raw(app.url, onPage());
      await raw(app.expressUrl, onPage());
      await expect.poll(() => app.requestLines().length).toBe(2);
      const [fast, slow] = app
        .requestLines()
        .map(({ time: _t, responseTime: _r, msg, ...rest }) => ({
          ...rest,
          msg: String(msg).replace(/\d+ ms$/, '… ms'),
        }));
      expect(fast).toEqual(slow);
      expect(fast).toMatchObject({
        req: { method: 'GET', path: '/api/v1/events' },
        res: { status: 200 },
        msg: 'GET /api/v1/events 200 … ms',
      });

      const stream = await openSse(`${app.url}${onPage()}`);
      await expect.poll(() => stream.messages.map((m) => m.data.type)).toEqual(['ready']);
      await app.parley.stop();
      await stream.ended;
      expect(stream.raw()).toMatch(/^retry: 2000\n\n[\s\S]*retry: \d+\n\n$/);
      expect(app.parley.live.size()).toBe(0);
    } finally {
      await app.close();
    }
  });
});
