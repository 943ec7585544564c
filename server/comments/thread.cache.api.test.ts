/**
 * The thread cache (issue 10, "Caching"): strong ETags and 304s, hot pages
 * served from memory, every kind of change seen at once, and a reader's own
 * held comments never handed to anyone else.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Comment, CommentList } from '../../contract/api.ts';
import type { ModerationAction } from '../../contract/dashboard.ts';
import { moderate } from '../admin/queue.service.ts';
import { banCommentAuthor } from '../admin/site-settings.service.ts';
import { runParley } from '../cli/test/run-parley.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

const PAGE = 'https://blog.example/cached';
const WXR = join(import.meta.dirname, '../imports/test/wordpress.xml');
const LIST = `/api/v1/comments?site=blog&page=${encodeURIComponent(PAGE)}`;

describe.each(DIALECTS)('the thread cache on %s', (dialect) => {
  let server: TestServer;
  let n = 0;

  const get = (path = LIST, headers: Record<string, string> = {}) =>
    fetch(server.url + path, { headers });
  const list = async (cookie?: string, path = LIST) =>
    (await (await get(path, cookie ? { cookie } : {})).json()) as CommentList;
  const bodies = async (path = LIST) => (await list(undefined, path)).comments.map((c) => c.html);
  const post = async (overrides: Record<string, unknown> = {}, cookie?: string) => {
    const res = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({
        site: 'blog',
        page: PAGE,
        pageUrl: PAGE,
        body: `Comment ${++n}`,
        author: { name: 'Reader', email: `reader${n}@example.com` },
        ...overrides,
      }),
    });
    expect(res.status).toBe(201);
    const comment = ((await res.json()) as { comment: Comment }).comment;
    return { comment, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? cookie ?? '' };
  };
  /** Changes a comment behind the app's back: only a cache would still show the old text. */
  const sneakyEdit = (id: string, html: string) =>
    server.parley.db
      .updateTable('comments')
      .set({ body_html: html })
      .where('id', '=', id)
      .execute();

  const settled = () => server.parley.events.flush();

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.stop());
  beforeEach(async () => {
    await server.parley.db.deleteFrom('comments').execute();
    await server.parley.db.deleteFrom('pages').execute();
    await server.parley.db.deleteFrom('sites').execute();
    await server.buildSite({ settings: { editWindowMinutes: 0 } });
    // Each write drops its pages as it commits, and again when its event is
    // delivered a moment later: let that happen before warming the cache.
    await settled();
    server.parley.cache.invalidate(null, null);
  });

  it('answers a strong ETag per encoding, private no-cache, and 304 when the reader has it', async () => {
    await post();
    for (const encoding of ['br', 'gzip', 'identity']) {
      const res = await get(LIST, { 'accept-encoding': encoding });
      expect(res.status).toBe(200);
      const etag = res.headers.get('etag') ?? '';
      expect(etag).toMatch(new RegExp(`^"[A-Za-z0-9_-]+-${encoding}"$`));
      expect(res.headers.get('cache-control')).toBe('private, no-cache');
      expect(res.headers.get('vary')).toMatch(/Accept-Encoding/);
      expect(res.headers.get('content-encoding')).toBe(encoding === 'identity' ? null : encoding);
      expect(((await res.json()) as CommentList).total).toBe(1);
      const again = await get(LIST, { 'accept-encoding': encoding, 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      const other = await get(LIST, { 'accept-encoding': encoding, 'if-none-match': '"nope"' });
      expect(other.status).toBe(200);
    }
  });

  it('answers a hot slice before Express, with the headers Express sends; anything else goes to Express', async () => {
    await post({ body: 'hot' });
    await settled();
    const fast = await get(LIST, { 'accept-encoding': 'br' });
    expect(fast.status).toBe(200);
    // A reader with an author key (none of their comments here) goes through Express.
    const viaExpress = await get(LIST, {
      'accept-encoding': 'br',
      cookie: 'parley_ak_blog=someone',
    });
    expect(viaExpress.status).toBe(200);
    const headers = (res: Response) =>
      Object.fromEntries(
        [...res.headers].filter(([name]) => !['date', 'keep-alive', 'connection'].includes(name)),
      );
    expect(headers(fast)).toEqual(headers(viaExpress));
    expect(fast.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await fast.arrayBuffer()).toEqual(await viaExpress.arrayBuffer());

    // The site's row gone behind the app's back (no event): the fast path still
    // answers from memory, which shows it answered, while Express looks the site up.
    await server.parley.db.deleteFrom('sites').execute();
    expect((await get()).status).toBe(200);
    const looked = await get(LIST, { cookie: 'parley_ak_blog=someone' });
    expect(looked.status).toBe(404);
    expect(await looked.json()).toMatchObject({ error: { code: 'unknown_site' } });
    await server.buildSite({ settings: { editWindowMinutes: 0 } });

    // Queries it does not read exactly as Express would are Express's to refuse.
    for (const query of [`${LIST}&page=again`, `${LIST}&sort=sideways`]) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_body' } });
    }
    expect((await get(`${LIST}&extra=1`)).status).toBe(200);
    expect((await get(`${LIST}&page[a]=b`)).status).toBe(200);
  });

  it('serves a hot page from memory, and drops it when a comment is posted', async () => {
    const { comment } = await post({ body: 'first' });
    await settled();
    expect(await bodies()).toEqual(['<p>first</p>']);
    await sneakyEdit(comment.id, '<p>changed behind its back</p>');
    expect(await bodies()).toEqual(['<p>first</p>']);
    const etag = (await get()).headers.get('etag');
    await post({ body: 'second' });
    expect(await bodies()).toEqual(['<p>changed behind its back</p>', '<p>second</p>']);
    expect((await get(LIST, { 'if-none-match': etag ?? '' })).status).toBe(200);
  });

  it('sees an edit and a deletion at once', async () => {
    await server.buildSite({ settings: { editWindowMinutes: 15 } });
    const mine = await post({ body: 'mine' });
    const other = await post({ body: 'other' });
    expect(await bodies()).toEqual(['<p>mine</p>', '<p>other</p>']);
    const edit = await fetch(`${server.url}/api/v1/comments/${mine.comment.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: mine.cookie },
      body: JSON.stringify({ body: 'mine, edited' }),
    });
    expect(edit.status).toBe(200);
    expect(await bodies()).toEqual(['<p>mine, edited</p>', '<p>other</p>']);
    const del = await fetch(`${server.url}/api/v1/comments/${other.comment.id}`, {
      method: 'DELETE',
      headers: { cookie: other.cookie },
    });
    expect(del.status).toBe(204);
    expect(await bodies()).toEqual(['<p>mine, edited</p>']);
  });

  it.each<[ModerationAction, boolean]>([
    ['approve', true],
    ['spam', false],
    ['trash', false],
  ])('sees a moderator’s %s at once', async (action, shown) => {
    await server.buildSite({
      settings: { moderation: { mode: action === 'approve' ? 'all' : 'none' } },
    });
    const { comment } = await post({ body: 'moderated' });
    await post({ body: 'published' }, undefined);
    await server.buildSite({ settings: { moderation: { mode: 'none' } } });
    const before = await bodies();
    expect(await moderate(server.parley.db, 'blog', [comment.id], action)).toBe(1);
    const after = await bodies();
    expect(after.includes('<p>moderated</p>')).toBe(shown);
    expect(after).not.toEqual(before);
  });

  it('sees a ban (its comment filed as spam) at once', async () => {
    const { comment } = await post({ body: 'banned author' });
    expect(await bodies()).toEqual(['<p>banned author</p>']);
    await banCommentAuthor(server.parley.db, 'blog', comment.id);
    expect(await bodies()).toEqual([]);
  });

  it('hears writes made outside this server (a CLI import) through the event stream', async () => {
    const page = 'https://blog.example/2019/03/hello-world/';
    const url = `/api/v1/comments?site=blog&page=${encodeURIComponent(page)}`;
    const { comment } = await post({ page, pageUrl: page, body: 'before the import' });
    await settled();
    expect(await bodies(url)).toEqual(['<p>before the import</p>']);
    await sneakyEdit(comment.id, '<p>changed behind its back</p>');
    expect(await bodies(url)).toEqual(['<p>before the import</p>']);
    const { database } = server.parley.config;
    const imported = await runParley(
      [
        'import',
        'wxr',
        WXR,
        '--site',
        'blog',
        '--quiet',
        '--map-url',
        'http://old.blog.example=https://blog.example',
      ],
      database.kind === 'postgres'
        ? { DATABASE_URL: database.url }
        : { SQLITE_PATH: database.path },
    );
    expect(imported.code).toBe(0);
    // The CLI has no relay: the server's poll (EVENT_POLL_MS) publishes its outbox rows.
    await expect
      .poll(async () => (await list(undefined, url)).total, { timeout: 5_000 })
      .toBeGreaterThan(1);
    expect(await bodies(url)).toContain('<p>changed behind its back</p>');
  });

  it('drops a site’s pages when its settings change', async () => {
    await post({ body: 'deep' });
    await post({ body: 'deeper' });
    expect(await bodies()).toEqual(['<p>deep</p>', '<p>deeper</p>']);
    await server.buildSite({ settings: { editWindowMinutes: 0, pageSize: 1 } });
    const page = await list();
    expect(page.comments.map((c) => c.html)).toEqual(['<p>deep</p>']);
    expect(page.nextCursor).not.toBeNull();
  });

  it('never hands a reader’s held comment to anyone else, before or after they look', async () => {
    await post({ body: 'published' });
    expect(await bodies()).toEqual(['<p>published</p>']);
    await server.buildSite({ settings: { editWindowMinutes: 0, moderation: { mode: 'all' } } });
    const held = await post({ body: 'held-by-moderation' });
    const theirs = await get(LIST, { cookie: held.cookie });
    expect(theirs.headers.get('cache-control')).toBe('private, no-cache');
    expect(((await theirs.json()) as CommentList).comments.map((c) => [c.html, c.status])).toEqual([
      ['<p>published</p>', undefined],
      ['<p>held-by-moderation</p>', 'pending'],
    ]);
    expect(await bodies()).toEqual(['<p>published</p>']);
    // The iframe page too: the first page inlined for a stranger holds no held comment.
    const frame = await get(
      `/embed/thread?site=blog&page=${encodeURIComponent(PAGE)}&url=${encodeURIComponent(PAGE)}&origin=${encodeURIComponent('https://blog.example')}`,
    );
    const html = await frame.text();
    expect(html).toContain('\\u003cp\\u003epublished');
    expect(html).not.toContain('held-by-moderation');
    const framed = await get(
      `/embed/thread?site=blog&page=${encodeURIComponent(PAGE)}&url=${encodeURIComponent(PAGE)}&origin=${encodeURIComponent('https://blog.example')}`,
      { cookie: held.cookie },
    );
    expect(await framed.text()).toContain('\\u003cp\\u003eheld-by-moderation');
  });
});
