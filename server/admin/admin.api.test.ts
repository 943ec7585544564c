import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantTeam, tryDashboardLogin } from '../test/dashboard.ts';
import { buildComment } from '../test/factories.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

describe.each(DIALECTS)('dashboard API on %s', (dialect) => {
  let server: TestServer;
  let blogPending: string;
  let otherPending: string;

  const seed = (
    site: string,
    status: 'pending' | 'approved',
    body: string,
    extra: { name?: string; email?: string; ip?: string } = {},
  ) =>
    buildComment(server.parley.db, {
      site,
      pageKey: `${site}-${body}`,
      status,
      body,
      name: extra.name ?? 'Spammy Sam',
      email: extra.email ?? 'sam@example.com',
      ip: extra.ip ?? '203.0.113.9',
      reasons: [{ check: 'links', decision: 'hold', reason: '3 links (limit 2)' }],
    });

  const login = (email: string, password?: string) =>
    tryDashboardLogin(server.url, email, password);

  const api = (
    path: string,
    cookie?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${server.url}/admin/api${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.buildSite({ id: 'blog', origins: ['https://blog.example'] });
    await server.buildSite({ id: 'other', origins: ['https://other.example'] });
    const db = server.parley.db;
    await grantTeam(db, [
      ['Owner@Blog.example', 'blog', 'owner'],
      ['mod@blog.example', 'blog', 'moderator'],
      ['owner@other.example', 'other', 'owner'],
    ]);
    blogPending = await seed('blog', 'pending', 'Buy cheap watches');
    otherPending = await seed('other', 'pending', 'Other site secret');
  });
  afterAll(() => server.stop());

  it('signs in with email and password into a strict, HttpOnly cookie', async () => {
    const ok = await login('owner@blog.example');
    expect(ok.status).toBe(204);
    expect(ok.setCookie).toMatch(/parley_admin=[^;]+;.*Path=\/admin;.*HttpOnly;.*SameSite=Strict/);
    expect((await login('owner@blog.example', 'wrong password!!')).status).toBe(401);
    expect((await login('nobody@blog.example')).status).toBe(401);
    const me = await (await api('/me', ok.cookie)).json();
    expect(me).toEqual({
      email: 'owner@blog.example',
      sites: [{ id: 'blog', name: 'My blog', role: 'owner' }],
    });
  });

  it('refuses every dashboard endpoint to anonymous callers and to readers', async () => {
    for (const res of [
      await api('/me'),
      await api('/sites/blog/comments'),
      await api('/sites/blog/comments/actions', undefined, {
        ids: [blogPending],
        action: 'approve',
      }),
      await api('/sites/blog/comments', 'parley_admin=forged-token'),
      await api('/sites/blog/comments', undefined, undefined, { authorization: 'Bearer v1.x.y.z' }),
    ]) {
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
    }
  });

  it('shows a moderator the queue with reasons, page and author details', async () => {
    const { cookie } = await login('mod@blog.example');
    const res = await api('/sites/blog/comments?status=pending', cookie);
    expect(res.status).toBe(200);
    const { comments } = await res.json();
    expect(comments).toEqual([
      expect.objectContaining({
        id: blogPending,
        status: 'pending',
        source: 'Buy cheap watches',
        author: expect.objectContaining({
          name: 'Spammy Sam',
          email: 'sam@example.com',
          ip: '203.0.113.9',
        }),
        page: { url: 'https://blog.example/p', title: 'P' },
        // Stored as prose by an older version: read back as its code.
        reasons: [
          {
            check: 'links',
            decision: 'hold',
            code: 'links.tooMany',
            params: { count: 3, limit: 2 },
          },
        ],
      }),
    ]);
  });

  it('shows a moderator of one site nothing of another', async () => {
    const { cookie } = await login('mod@blog.example');
    const list = await api('/sites/other/comments', cookie);
    expect(list.status).toBe(404);
    expect(await list.text()).not.toContain('Other site secret');
    const act = await api('/sites/other/comments/actions', cookie, {
      ids: [otherPending],
      action: 'approve',
    });
    expect(act.status).toBe(404);
    // Naming another site's comment under one's own site changes nothing.
    const sneaky = await api('/sites/blog/comments/actions', cookie, {
      ids: [otherPending],
      action: 'approve',
    });
    expect(await sneaky.json()).toEqual({ updated: 0 });
    const stillPending = await server.parley.db
      .selectFrom('comments')
      .select('status')
      .where('id', '=', otherPending)
      .executeTakeFirstOrThrow();
    expect(stillPending.status).toBe('pending');
  });

  it('finds comments by text, author, email or IP', async () => {
    const extra = await seed('blog', 'approved', 'A thoughtful reply', {
      name: 'Ada',
      email: 'ada@reader.example',
      ip: '198.51.100.7',
    });
    const { cookie } = await login('owner@blog.example');
    for (const q of ['THOUGHTFUL', 'ada', 'reader.example', '198.51.100']) {
      const { comments } = await (
        await api(`/sites/blog/comments?status=all&q=${encodeURIComponent(q)}`, cookie)
      ).json();
      expect(
        comments.map((c: { id: string }) => c.id),
        q,
      ).toEqual([extra]);
    }
    const none = await (await api('/sites/blog/comments?status=all&q=%25', cookie)).json();
    expect(none.comments).toEqual([]);
  });

  it('approves in bulk, and the thread shows the comment to readers', async () => {
    const second = await seed('blog', 'pending', 'Second held comment');
    const { cookie } = await login('mod@blog.example');
    const res = await api('/sites/blog/comments/actions', cookie, {
      ids: [blogPending, second],
      action: 'approve',
    });
    expect(await res.json()).toEqual({ updated: 2 });
    const thread = await (
      await fetch(`${server.url}/api/v1/comments?site=blog&page=blog-Second%20held%20comment`)
    ).json();
    expect(thread.comments.map((c: { id: string }) => c.id)).toEqual([second]);
    await api('/sites/blog/comments/actions', cookie, { ids: [second], action: 'spam' });
    const after = await (
      await fetch(`${server.url}/api/v1/comments?site=blog&page=blog-Second%20held%20comment`)
    ).json();
    expect(after.total).toBe(0);
  });

  it('refuses state changes from another origin', async () => {
    const { cookie } = await login('owner@blog.example');
    const res = await api(
      '/sites/blog/comments/actions',
      cookie,
      { ids: [blogPending], action: 'trash' },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
  });

  it('logs out: the cookie stops working', async () => {
    const { cookie } = await login('owner@blog.example');
    expect((await api('/logout', cookie, {})).status).toBe(204);
    expect((await api('/me', cookie)).status).toBe(401);
  });
});
