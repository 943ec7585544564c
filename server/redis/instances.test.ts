/**
 * Several instances sharing one store and one Redis (REDIS_URL), as
 * docs/deploy.md runs them: events, live updates and rate limits cross
 * instances. Against the real Redis, under a key prefix of this run's own.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentList } from '../../contract/api.ts';
import { moderate } from '../admin/queue.service.ts';
import { banCommentAuthor } from '../admin/site-settings.service.ts';
import { createApp, type ParleyApp } from '../app.ts';
import { cacheKey } from '../comments/thread.cache.ts';
import { createLiveIds, liveScope } from '../live/live.ids.ts';
import { openSse } from '../live/test/sse-client.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PAGE = 'https://blog.example/post';

describe.each(DIALECTS)('two instances on %s and Redis', (dialect) => {
  const prefix = `parley-test:${process.pid}:${randomBytes(4).toString('hex')}:`;
  let a: TestServer;
  let b: ParleyApp;
  let bUrl: string;
  let n = 0;

  const post = (baseUrl: string, page = PAGE, body?: string) => {
    const i = n++;
    return fetch(`${baseUrl}/api/v1/comments`, {
      method: 'POST',
      // One address per post: only the flood test below runs into a limit.
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i}` },
      body: JSON.stringify({
        site: 'blog',
        page,
        pageUrl: page,
        pageTitle: 'A post',
        body: body ?? `Across instances ${i}`,
        author: { name: 'Reader', email: `reader${i + 1}@example.com` },
      }),
    });
  };
  const postOk = async (baseUrl: string) => {
    const res = await post(baseUrl);
    expect(res.status).toBe(201);
    return (await res.json()).comment as { id: string };
  };

  beforeAll(async () => {
    a = await startTestServer(dialect, {
      REDIS_URL,
      REDIS_PREFIX: prefix,
      AUTH_SECRET: randomBytes(32).toString('hex'),
      // Low limits, to see them shared.
      COMMENT_RATE_LIMIT: '3',
      AUTH_RATE_LIMIT: '2',
      TRUST_PROXY: 'loopback',
    });
    await a.buildSite();
    b = createApp(a.parley.config);
    bUrl = (await b.start()).url;
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('a comment posted to A arrives over SSE at B; B’s id resumes on A and B alike', async () => {
    const onB = await openSse(`${bUrl}/api/v1/events?site=blog&page=${encodeURIComponent(PAGE)}`);
    await expect.poll(() => onB.messages.map((m) => m.data.type)).toContain('ready');
    const first = await postOk(a.url);
    await expect
      .poll(() =>
        onB.messages.flatMap((m) => (m.data.type === 'comment' ? [m.data.comment.id] : [])),
      )
      .toEqual([first.id]);
    const resumeFrom = onB.lastId() as string;
    // Opaque (live.ids.ts): a stream id under the secret both instances share.
    expect(resumeFrom).toMatch(/^[A-Za-z0-9_-]{64}$/);
    const ids = createLiveIds(a.parley.config.authSecret);
    expect(ids.read(resumeFrom, liveScope('blog', PAGE))).toMatch(/^\d+-\d+$/);
    onB.close();

    // Both published before B's reader reconnects: replayed from the Redis stream,
    // by whichever instance the reader reaches (a load balancer picks).
    const missed = [await postOk(a.url), await postOk(bUrl)];
    await Promise.all([a.parley.events.flush(), b.events.flush()]);
    for (const baseUrl of [a.url, bUrl]) {
      const again = await openSse(
        `${baseUrl}/api/v1/events?site=blog&page=${encodeURIComponent(PAGE)}`,
        { 'last-event-id': resumeFrom },
      );
      await expect.poll(() => again.messages.map((m) => m.data.type)).toContain('ready');
      expect(again.messages.map((m) => m.data.type)).toEqual(['comment', 'comment', 'ready']);
      expect(
        again.messages.flatMap((m) => (m.data.type === 'comment' ? [m.data.comment.id] : [])),
      ).toEqual(missed.map((c) => c.id));
      again.close();
    }

    // An instance under another secret (a misconfiguration) reads none of them: a reset, no replay.
    const stranger = createApp({ ...a.parley.config, authSecret: randomBytes(32).toString('hex') });
    try {
      const { url } = await stranger.start();
      const refused = await openSse(
        `${url}/api/v1/events?site=blog&page=${encodeURIComponent(PAGE)}`,
        { 'last-event-id': resumeFrom },
      );
      await expect.poll(() => refused.messages.map((m) => m.data.type)).toEqual(['reset']);
      refused.close();
    } finally {
      await stranger.stop();
    }
  });

  it('every instance’s subscribers hear every change, once (cache invalidation)', async () => {
    const heardA: string[] = [];
    const heardB: string[] = [];
    const offA = a.parley.events.subscribe((e) => heardA.push(e.type));
    const offB = b.events.subscribe((e) => heardB.push(e.type));
    await a.buildSite({ name: 'Renamed on A' });
    await expect.poll(() => heardB).toEqual(['site.changed']);
    await expect.poll(() => heardA).toEqual(['site.changed']);
    offA();
    offB();
  });

  it('a change through A makes B’s cached page stale, for every kind of change', async () => {
    const page = 'https://blog.example/cached-across';
    const onB = `${bUrl}/api/v1/comments?site=blog&page=${encodeURIComponent(page)}`;
    const key = cacheKey('blog', page, 'oldest', '', '');
    const readB = async (cookie?: string) => {
      const res = await fetch(onB, cookie ? { headers: { cookie } } : {});
      expect(res.status).toBe(200);
      return { etag: res.headers.get('etag'), list: (await res.json()) as CommentList };
    };
    const htmlOnB = async () => (await readB()).list.comments.map((c) => c.html);
    const postOn = async (baseUrl: string, body: string) => {
      const res = await post(baseUrl, page, body);
      expect(res.status).toBe(201);
      const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
      return { id: ((await res.json()) as { comment: { id: string } }).comment.id, cookie };
    };
    /** Every event so far has reached B (none still on its way to drop B's cache). */
    const settled = async () => {
      await a.parley.events.flush();
      const head = await a.parley.events.lastId();
      await expect.poll(() => b.events.deliveredId()).toBe(head);
    };
    /** B holds the page in its cache; `change` on A; B answers the change, with a new ETag. */
    const seenOnB = async (change: () => Promise<unknown>, shows: (html: string[]) => boolean) => {
      await settled();
      const before = await readB();
      expect(b.cache.get(key)).toBeDefined();
      await change();
      await expect.poll(async () => shows(await htmlOnB()), { timeout: 5_000 }).toBe(true);
      expect((await readB()).etag).not.toBe(before.etag);
    };

    const first = await postOn(a.url, 'First on A');
    await settled();
    expect(await htmlOnB()).toEqual(['<p>First on A</p>']);
    // Served from B's memory: a change behind the app's back (no event) is not seen.
    await a.parley.db
      .updateTable('comments')
      .set({ body_html: '<p>changed behind its back</p>' })
      .where('id', '=', first.id)
      .execute();
    expect(await htmlOnB()).toEqual(['<p>First on A</p>']);

    let second = { id: '', cookie: '' };
    await seenOnB(
      async () => {
        second = await postOn(a.url, 'Second on A');
      },
      (html) => html.includes('<p>Second on A</p>'),
    );
    await seenOnB(
      async () => {
        const res = await fetch(`${a.url}/api/v1/comments/${second.id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', cookie: second.cookie },
          body: JSON.stringify({ body: 'Second, edited on A' }),
        });
        expect(res.status).toBe(200);
      },
      (html) => html.includes('<p>Second, edited on A</p>'),
    );
    await seenOnB(
      async () => {
        const res = await fetch(`${a.url}/api/v1/comments/${second.id}`, {
          method: 'DELETE',
          headers: { cookie: second.cookie },
        });
        expect(res.status).toBe(204);
      },
      (html) => !html.some((h) => h.includes('Second')),
    );

    // Held: its author sees it on B (a list built for them), nobody else does.
    await a.buildSite({ settings: { moderation: { mode: 'all' } } });
    const held = await postOn(a.url, 'Held on A');
    await a.buildSite();
    const theirs = await readB(held.cookie);
    expect(theirs.list.comments.map((c) => [c.html, c.status])).toContainEqual([
      '<p>Held on A</p>',
      'pending',
    ]);
    expect(await htmlOnB()).not.toContain('<p>Held on A</p>');
    await seenOnB(
      () => moderate(a.parley.db, 'blog', [held.id], 'approve'),
      (html) => html.includes('<p>Held on A</p>'),
    );
    await seenOnB(
      () => moderate(a.parley.db, 'blog', [held.id], 'spam'),
      (html) => !html.includes('<p>Held on A</p>'),
    );
    await seenOnB(
      () => moderate(a.parley.db, 'blog', [first.id], 'trash'),
      (html) => !html.includes('<p>changed behind its back</p>'),
    );
    const banned = await postOn(a.url, 'To be banned');
    await seenOnB(
      () => banCommentAuthor(a.parley.db, 'blog', banned.id),
      (html) => !html.includes('<p>To be banned</p>'),
    );
  });

  it('counts comments per author across instances (flood control in Redis)', async () => {
    const page = 'https://blog.example/flood';
    const body = (i: number) =>
      JSON.stringify({
        site: 'blog',
        page,
        pageUrl: page,
        pageTitle: 'Flood',
        body: `Flood ${i}`,
        author: { name: 'Fast', email: 'fast@example.com' },
      });
    const send = (url: string, i: number) =>
      fetch(`${url}/api/v1/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.77' },
        body: body(i),
      });
    expect((await send(a.url, 1)).status).toBe(201);
    expect((await send(bUrl, 2)).status).toBe(201);
    expect((await send(a.url, 3)).status).toBe(201);
    const fourth = await send(bUrl, 4);
    expect(fourth.status).toBe(429);
    expect((await fourth.json()).error.code).toBe('rate_limited');
  });

  it('counts sign-in attempts per IP across instances (request limits in Redis)', async () => {
    const login = (url: string) =>
      fetch(`${url}/admin/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@blog.example', password: 'not the password' }),
      });
    expect((await login(a.url)).status).toBe(401);
    expect((await login(bUrl)).status).toBe(401);
    const third = await login(a.url);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('is ready when the store and Redis answer', async () => {
    const res = await fetch(`${bUrl}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, store: true, redis: true, draining: false });
  });
});
