/**
 * GET /api/v1/pages/html: the published thread as HTML a site includes in
 * its own page, for search engines and readers without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

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
    expect(await res.text()).toContain('No comments yet.');
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
});
