/** GET /api/v1/counts (issue 10, "Counts for listing pages"), on every dialect. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { moderate } from '../admin/queue.service.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

describe.each(DIALECTS)('comment counts on %s', (dialect) => {
  let server: TestServer;
  let n = 0;
  const post = async (page: string, extra: Record<string, unknown> = {}) => {
    const res = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site: 'blog',
        page,
        pageUrl: 'https://blog.example/p',
        body: `Comment ${++n}`,
        author: { name: 'Reader', email: `r${n}@example.com` },
        ...extra,
      }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { comment: { id: string } }).comment.id;
  };
  const counts = (query: string) => fetch(`${server.url}/api/v1/counts?${query}`);

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.stop());
  beforeEach(async () => {
    await server.parley.db.deleteFrom('comments').execute();
    await server.parley.db.deleteFrom('pages').execute();
    await server.parley.db.deleteFrom('sites').execute();
    await server.buildSite();
    // Its site.changed event is delivered a moment after the commit: let it
    // come before counts are cached.
    await server.parley.events.flush();
    server.parley.cache.invalidate(null, null);
  });

  it('counts published comments per page asked for, in the site’s wording, for any origin', async () => {
    const a = await post('a');
    await post('a', { parentId: a });
    await post('b');
    const res = await counts('site=blog&page=a&page=b&page=never-commented&page=a');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toEqual({
      counts: { a: 2, b: 1, 'never-commented': 0 },
      wording: { zero: 'No Comments', one: '1 Comment', many: '{n} Comments' },
    });
    await server.buildSite({
      settings: { countWording: { zero: 'Be the first', one: 'One reply', many: '{n} replies' } },
    });
    expect(await (await counts('site=blog&page=a')).json()).toMatchObject({
      wording: { zero: 'Be the first', one: 'One reply', many: '{n} replies' },
    });
  });

  it('keeps counts cached and sees every change: a post, a moderator’s decision', async () => {
    const a = await post('a');
    await server.parley.events.flush();
    const count = async () =>
      ((await (await counts('site=blog&page=a')).json()) as { counts: { a: number } }).counts.a;
    expect(await count()).toBe(1);
    await server.parley.db.deleteFrom('comments').where('id', '=', a).execute();
    expect(await count()).toBe(1); // from memory: nothing announced that change
    const b = await post('a');
    expect(await count()).toBe(1);
    await moderate(server.parley.db, 'blog', [b], 'trash');
    expect(await count()).toBe(0);
  });

  it('refuses what it can’t answer with API errors', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `page=p${i}`).join('&');
    for (const [query, status, code] of [
      ['site=blog', 400, 'invalid_body'],
      ['site=blog&page=', 400, 'invalid_body'],
      [`site=blog&${many}`, 400, 'invalid_body'],
      [`site=blog&page=${'x'.repeat(2049)}`, 400, 'invalid_body'],
      ['site=Bad Site&page=a', 400, 'invalid_body'],
      ['page=a', 400, 'invalid_body'],
      ['site=nope&page=a', 404, 'unknown_site'],
      ['site=blog&page[a]=b', 400, 'invalid_body'],
    ] as const) {
      const res = await counts(query);
      expect(res.status, query).toBe(status);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(await res.json()).toMatchObject({ error: { code } });
    }
    const hundred = Array.from({ length: 100 }, (_, i) => `page=p${i}`).join('&');
    expect((await counts(`site=blog&${hundred}`)).status).toBe(200);
  });
});
