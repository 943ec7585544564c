/**
 * A signed-in reader downloads what Parley holds about them on a site, and
 * deletes their account there: comments kept as "Deleted user" or removed,
 * as they choose. Attackers: another reader, a token from another site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReaderDataExport } from '../../contract/reader-data.schema.ts';
import type { ParleyEvent } from '../events/event.types.ts';
import { signInReader } from '../test/factories.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

describe.each(DIALECTS)('readers’ data rights when signed in, on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.buildSite();
    await server.buildSite({ id: 'other', origins: ['https://other.example'] });
  });
  afterAll(() => server?.stop());

  let readers = 0;
  const reader = (site = 'blog', providerUserId = `reader-${dialect}-${++readers}`) =>
    signInReader(server.parley.db, server.parley.config.authSecret, {
      siteId: site,
      providerUserId,
      displayName: `Reader ${readers}`,
    });

  async function post(token: string, body: string, extra: Record<string, unknown> = {}) {
    const site = (extra.site as string | undefined) ?? 'blog';
    const res = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        site,
        page: `https://${site}.example/p-${dialect}`,
        pageUrl: `https://${site}.example/p-${dialect}`,
        pageTitle: 'A post',
        body,
        ...extra,
      }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { comment: { id: string } }).comment.id;
  }

  const api = (path: string, token: string, method = 'GET') =>
    fetch(`${server.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}` } });

  const thread = async (site = 'blog') =>
    (await (
      await fetch(
        `${server.url}/api/v1/comments?site=${site}&page=https://${site}.example/p-${dialect}`,
      )
    ).json()) as { comments: { id: string; deleted?: true; author: { name: string } }[] };

  it('downloads their identity and their comments on this site only, with dates and pages', async () => {
    const { token } = await reader();
    const mine = await post(token, 'My first comment');
    const someoneElse = await reader();
    await post(someoneElse.token, 'Not mine');
    const res = await api('/me/data?site=blog', token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="parley-blog-my-data.json"',
    );
    const data = (await res.json()) as ReaderDataExport;
    expect(data.site).toEqual({ id: 'blog', name: 'My blog' });
    expect(data.identity).toMatchObject({ provider: 'twitter', name: `Reader ${readers - 1}` });
    expect(data.comments).toEqual([
      expect.objectContaining({
        id: mine,
        text: 'My first comment',
        page: { url: `https://blog.example/p-${dialect}`, title: 'A post' },
        createdAt: expect.stringMatching(/^\d{4}-/),
      }),
    ]);
    expect(data.notes.join(' ')).toContain('covers the site "My blog" only');
  });

  it('deletes the account keeping the comments as “Deleted user”; the session is over', async () => {
    const { token } = await reader();
    const id = await post(token, 'Keep me, not my name');
    await server.parley.events.flush();
    const heard: ParleyEvent[] = [];
    const off = server.parley.events.subscribe((event) => heard.push(event));
    const res = await api('/me?site=blog&comments=anonymise', token, 'DELETE');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ site: 'blog', comments: 'anonymise', affected: 1 });
    // Caches and open widgets on every instance hear of it (issue 10).
    await server.parley.events.flush();
    off();
    expect(heard).toEqual([
      expect.objectContaining({
        type: 'page.changed',
        siteId: 'blog',
        pageKey: `https://blog.example/p-${dialect}`,
      }),
    ]);
    const shown = (await thread()).comments.find((c) => c.id === id);
    // Nobody behind it: a mark the reader's language names, not English words (issue 11).
    expect(shown?.author).toEqual({
      name: '',
      url: null,
      avatarUrl: '',
      provider: 'guest',
      deleted: true,
    });
    expect((await api('/me/data?site=blog', token)).status).toBe(401);
  });

  it('deletes the account removing the comments; one with a reply stays as a placeholder', async () => {
    const { token } = await reader();
    const parent = await post(token, 'Removed but replied to');
    const alone = await post(token, 'Removed entirely');
    const other = await reader();
    const reply = await post(other.token, 'A reply that stays', { parentId: parent });
    const res = await api('/me?site=blog&comments=remove', token, 'DELETE');
    expect(await res.json()).toEqual({ site: 'blog', comments: 'remove', affected: 2 });
    const comments = (await thread()).comments;
    expect(comments.find((c) => c.id === alone)).toBeUndefined();
    expect(comments.find((c) => c.id === parent)).toMatchObject({ deleted: true });
    expect(comments.find((c) => c.id === reply)?.author.name).toBe(`Reader ${readers}`);
    const row = await server.parley.db
      .selectFrom('comments')
      .selectAll()
      .where('id', '=', parent)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ body_source: '', author_name: '', identity_id: null, ip: null });
  });

  it('is per site: deleting on one site leaves the reader’s comments and identity on another', async () => {
    const providerUserId = `both-${dialect}`;
    const onBlog = await reader('blog', providerUserId);
    const onOther = await reader('other', providerUserId);
    await post(onBlog.token, 'On the blog');
    const elsewhere = await post(onOther.token, 'On the other site', { site: 'other' });
    await api('/me?site=blog&comments=remove', onBlog.token, 'DELETE');
    const data = (await (
      await api('/me/data?site=other', onOther.token)
    ).json()) as ReaderDataExport;
    expect(data.comments.map((c) => c.id)).toEqual([elsewhere]);
  });

  it('holds the reader to the site’s policy: a site that keeps comments refuses removal', async () => {
    await server.buildSite({
      id: 'keeps',
      origins: ['https://keeps.example'],
      settings: { readerDeletion: 'anonymise' },
    });
    const { token } = await reader('keeps');
    await post(token, 'Stays', { site: 'keeps' });
    const refused = await api('/me?site=keeps&comments=remove', token, 'DELETE');
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({ code: 'invalid_body', field: 'comments' });
    const done = await api('/me?site=keeps&comments=anonymise', token, 'DELETE');
    expect(await done.json()).toEqual({ site: 'keeps', comments: 'anonymise', affected: 1 });
  });

  it('refuses a token for another site, no token, and bad choices, in the error shape', async () => {
    const { token } = await reader('other');
    const cases: [string, string, string | null, number, string][] = [
      ['/me/data?site=blog', 'GET', token, 403, 'token_site_mismatch'],
      ['/me?site=blog&comments=remove', 'DELETE', token, 403, 'token_site_mismatch'],
      ['/me/data?site=blog', 'GET', null, 401, 'unauthorized'],
      ['/me?site=other&comments=everything', 'DELETE', token, 400, 'invalid_body'],
      ['/me/data?site=other', 'GET', 'v1.forged.9999999999.sig', 401, 'invalid_token'],
    ];
    for (const [path, method, bearer, status, code] of cases) {
      const res = await fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      });
      expect([path, res.status]).toEqual([path, status]);
      expect((await res.json()).error.code).toBe(code);
    }
  });
});
