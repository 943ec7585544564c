/**
 * GET /api/v1/pages/html: the published thread as HTML a site includes in
 * its own page, for search engines and readers without JavaScript.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moderate } from '../admin/queue.service.ts';
import { createApp } from '../app.ts';
import { anonymiseAuthorComments } from '../privacy/reader-data.repository.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { pageHtmlKey } from './page-html.service.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.each(DIALECTS)('comments as HTML for the page, on %s', (dialect) => {
  let server: TestServer;
  const PAGE = `https://blog.example/post-${dialect}`;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.buildSite();
  });
  afterAll(() => server?.stop());

  const fragment = (query: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1/pages/html?${new URLSearchParams(query)}`, { headers });

  async function post(body: string, extra: Record<string, unknown> = {}) {
    const res = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site: 'blog',
        page: PAGE,
        pageUrl: PAGE,
        pageTitle: 'Post',
        body,
        author: { name: 'Ada Reader', email: 'ada@example.com', website: 'ada.example' },
        ...extra,
      }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { comment: { id: string } }).comment.id;
  }

  it('says there are no comments yet for a page nobody commented on', async () => {
    const res = await fragment({ site: 'blog', page: 'https://blog.example/empty' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<h2 class="parley-count">No comments yet</h2>');
  });

  it('speaks the site’s language: its words, plurals, dates and direction', async () => {
    await server.buildSite({
      id: 'arabic',
      origins: ['https://arabic.example'],
      settings: { language: 'ar' },
    });
    await server.buildSite({
      id: 'french',
      origins: ['https://french.example'],
      settings: { language: 'fr' },
    });
    const onPage = async (site: string, page: string, bodies: string[]) => {
      for (const body of bodies) {
        const res = await fetch(`${server.url}/api/v1/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            site,
            page,
            pageUrl: page,
            pageTitle: 'Post',
            body,
            author: { name: 'Ada Reader', email: 'ada@example.com' },
          }),
        });
        expect(res.status).toBe(201);
      }
      return (await fragment({ site, page })).text();
    };
    const french = await onPage('french', 'https://french.example/billet', ['Un', 'Deux']);
    expect(french).toContain('lang="fr" dir="ltr" aria-label="Commentaires"');
    expect(french).toContain('<h2 class="parley-count">2 commentaires</h2>');
    expect(french).toMatch(/dateCreated"[^>]*>\d{1,2} [a-zéû]+\.? \d{4}</);
    // No English in what a reader reads (class names aside).
    expect(french).not.toMatch(/>[^<]*\b(?:comments?|edited|deleted)\b[^<]*</i);
    const arabic = await onPage('arabic', 'https://arabic.example/post', ['واحد', 'اثنان']);
    expect(arabic).toContain('lang="ar" dir="rtl"');
    // Arabic has a dual: two comments are not "2 comments".
    expect(arabic).toContain('<h2 class="parley-count">تعليقان</h2>');
    expect(
      await (await fragment({ site: 'french', page: 'https://french.example/vide' })).text(),
    ).toContain('<h2 class="parley-count">Aucun commentaire pour l’instant</h2>');
  });

  it('names a comment with nobody behind it in the site’s language (issue 11)', async () => {
    await server.buildSite({
      id: 'francais',
      origins: ['https://francais.example'],
      settings: { language: 'fr' },
    });
    const page = 'https://francais.example/parti';
    const res = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site: 'francais',
        page,
        pageUrl: page,
        pageTitle: 'Post',
        body: 'Je pars',
        author: { name: 'Léa Partie', email: 'lea@example.com' },
      }),
    });
    expect(res.status).toBe(201);
    await anonymiseAuthorComments(
      server.parley.db,
      'francais',
      { email: 'lea@example.com' },
      new Date().toISOString(),
    );
    const html = await (await fragment({ site: 'francais', page })).text();
    expect(html).toContain('<span itemprop="name">Utilisateur supprimé</span>');
    expect(html).not.toContain('Léa');
    expect(html).not.toContain('Deleted user');
  });

  it('renders the thread: nested replies, sanitised HTML, schema.org Comment microdata, no scripts', async () => {
    const first = await post(
      'Hello **there** <script>alert(1)</script> <img src=x onerror=alert(2)>',
    );
    await post('A reply', { parentId: first, author: { name: 'Bo', email: 'bo@example.com' } });
    const res = await fragment({ site: 'blog', page: PAGE });
    const html = await res.text();
    expect(html).toMatch(/^<section class="parley-static"/);
    expect(html).toContain('<h2 class="parley-count">2 comments</h2>');
    expect(html).toContain(
      `<li id="comment-${first}" class="parley-comment" itemscope itemtype="https://schema.org/Comment">`,
    );
    expect(html).toContain('<strong>there</strong>');
    expect(html).toContain('itemprop="author" itemscope itemtype="https://schema.org/Person"');
    expect(html).toContain('<span itemprop="name">Ada Reader</span>');
    expect(html).toContain(`href="${PAGE}#comment-${first}"`);
    expect(html).toMatch(/itemprop="dateCreated" datetime="\d{4}-/);
    // The reply sits inside its parent's item.
    expect(html).toMatch(
      new RegExp(`id="comment-${first}"[^]*<ol class="parley-replies"><li[^>]*>[^]*Bo<`),
    );
    // Pictures from Parley, absolute (the fragment lives on the site's page).
    expect(html).toContain(`src="${server.parley.config.publicUrl}/avatars/`);
    // What the reader typed shows as text; no element can run anything.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<[^>]*\son\w+=|javascript:|ada@example\.com/i);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('shows only published comments (never a held one, even its author’s)', async () => {
    const held = await post('Held back');
    await server.parley.db
      .updateTable('comments')
      .set({ status: 'pending' })
      .where('id', '=', held)
      .execute();
    const html = await (await fragment({ site: 'blog', page: PAGE })).text();
    expect(html).not.toContain(held);
    expect(html).not.toContain('Held back');
  });

  it('answers 304 while the thread is unchanged, and the new version once a comment is added', async () => {
    const first = await fragment({ site: 'blog', page: PAGE });
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fragment({ site: 'blog', page: PAGE }, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    await post('Something new');
    const changed = await fragment({ site: 'blog', page: PAGE }, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('Something new');
  });

  it('refuses a missing page or a malformed or unknown site with the error shape', async () => {
    const cases: [Record<string, string>, number, string][] = [
      [{ site: 'blog' }, 400, 'invalid_body'],
      [{ site: '../etc', page: PAGE }, 400, 'invalid_body'],
      [{ site: 'nope', page: PAGE }, 404, 'unknown_site'],
    ];
    for (const [query, status, code] of cases) {
      const res = await fragment(query);
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toBe(code);
    }
  });
  describe('cached like the thread (issue 12)', () => {
    const CACHED = `https://blog.example/cached-${dialect}`;
    const html = (headers: Record<string, string> = {}) =>
      fragment({ site: 'blog', page: CACHED }, headers);
    async function write(body: string) {
      const res = await fetch(`${server.url}/api/v1/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          site: 'blog',
          page: CACHED,
          pageUrl: CACHED,
          body,
          author: { name: 'Cy', email: 'cy@example.com' },
        }),
      });
      expect(res.status).toBe(201);
      const id = ((await res.json()) as { comment: { id: string } }).comment.id;
      return { id, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' };
    }
    const cached = () => server.parley.cache.get(pageHtmlKey('blog', CACHED));

    it('serves a hit from the cache: the bytes built once, in each encoding, until the thread changes', async () => {
      await write('Kept words');
      // The write's event arrives after its commit: let it, before warming.
      await server.parley.events.flush();
      const first = await html({ 'accept-encoding': 'identity' });
      const body = await first.text();
      expect(body).toContain('Kept words');
      expect(cached()?.json.toString()).toBe(body);
      expect(first.headers.get('vary')).toBe('Accept-Encoding');
      expect(first.headers.get('cache-control')).toBe(
        'public, max-age=60, stale-while-revalidate=600',
      );
      expect(first.headers.get('access-control-allow-origin')).toBe('*');
      expect(first.headers.get('content-security-policy')).toContain('sandbox');

      // Changed behind the app's back (no event): only a cache still shows the old words.
      await server.parley.db
        .updateTable('comments')
        .set({ body_html: '<p>Changed unseen</p>' })
        .execute();
      for (const encoding of ['identity', 'br', 'gzip']) {
        const hit = await html({ 'accept-encoding': encoding });
        expect(hit.status).toBe(200);
        expect(hit.headers.get('content-encoding')).toBe(encoding === 'identity' ? null : encoding);
        expect(hit.headers.get('etag')).toBe(`"${cached()?.hash}-${encoding}"`);
        expect(await hit.text()).toBe(body);
      }
      // The compressed forms are kept with it: sent again, not compressed again.
      expect(cached()?.br).toBeInstanceOf(Buffer);
      expect(cached()?.gzip).toBeInstanceOf(Buffer);

      // A page nobody commented on takes no room (anyone can name endless pages).
      await fragment({ site: 'blog', page: `https://blog.example/nothing-${dialect}` });
      expect(
        server.parley.cache.get(pageHtmlKey('blog', `https://blog.example/nothing-${dialect}`)),
      ).toBeUndefined();
    });

    it('changes at once with a post, an approval and a deletion', async () => {
      const before = await html();
      const etag = before.headers.get('etag') ?? '';
      const versions = [await before.text()];
      const next = async () => {
        const res = await html({ 'if-none-match': etag });
        expect(res.status).toBe(200);
        const text = await res.text();
        expect(versions).not.toContain(text);
        versions.push(text);
        return text;
      };

      const posted = await write('A new post');
      expect(await next()).toContain('A new post');

      await server.buildSite({ settings: { moderation: { mode: 'all' } } });
      const held = await write('Waiting for a moderator');
      await server.buildSite();
      // Let the writes' events arrive (each drops the page again) before warming.
      await server.parley.events.flush();
      const waiting = await (await html()).text();
      expect(waiting).not.toContain('Waiting for a moderator');
      expect(cached()).toBeDefined();
      expect(await moderate(server.parley.db, 'blog', [held.id], 'approve')).toBe(1);
      expect(await next()).toContain('Waiting for a moderator');

      const removed = await fetch(`${server.url}/api/v1/comments/${posted.id}`, {
        method: 'DELETE',
        headers: { cookie: posted.cookie },
      });
      expect(removed.status).toBe(204);
      expect(await next()).not.toContain('A new post');
    });
  });
});

describe('the HTML fragment on two instances sharing Redis', () => {
  it('is dropped on the instance that did not make the change', async () => {
    const prefix = `parley-test:${process.pid}:${randomBytes(4).toString('hex')}:`;
    const a = await startTestServer('sqlite', {
      REDIS_URL,
      REDIS_PREFIX: prefix,
      AUTH_SECRET: randomBytes(32).toString('hex'),
    });
    const b = createApp(a.parley.config);
    const bUrl = (await b.start()).url;
    const page = 'https://blog.example/shared';
    const onB = async () =>
      (
        await fetch(`${bUrl}/api/v1/pages/html?${new URLSearchParams({ site: 'blog', page })}`)
      ).text();
    const write = (body: string) =>
      fetch(`${a.url}/api/v1/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          site: 'blog',
          page,
          pageUrl: page,
          body,
          author: { name: 'Di', email: 'di@example.com' },
        }),
      });
    try {
      await a.buildSite();
      expect((await write('Said on A')).status).toBe(201);
      await expect.poll(onB, { timeout: 5_000 }).toContain('Said on A');
      // B keeps a copy once the first write's event has reached it too.
      await expect
        .poll(async () => (await onB()) && b.cache.get(pageHtmlKey('blog', page)) !== undefined, {
          timeout: 5_000,
        })
        .toBe(true);
      expect((await write('Then more on A')).status).toBe(201);
      // B's copy goes when A's event reaches it through Redis.
      await expect.poll(onB, { timeout: 5_000 }).toContain('Then more on A');
    } finally {
      await b.stop();
      await a.stop();
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
  });
});
