/**
 * A comment imported without its author's name (issue 11): stored with an
 * empty name and the anonymous mark, never the English word "Anonymous";
 * the public API, the page fragment and the dashboard say `anonymous` (each
 * reader's words name it), and Parley's JSON export keeps the mark through a
 * round trip (an empty name there is otherwise nobody behind the comment).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardLogin, grantTeam } from '../test/dashboard.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

const PAGE = 'https://blog.example/hello/';

const WXR = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Old blog</title>
  <link>https://blog.example</link>
  <wp:wxr_version>1.2</wp:wxr_version>
  <item>
    <title>Hello</title>
    <link>${PAGE}</link>
    <wp:post_id>1</wp:post_id>
    <wp:post_type>post</wp:post_type>
    <wp:status>publish</wp:status>
    <wp:comment>
      <wp:comment_id>1</wp:comment_id>
      <wp:comment_author><![CDATA[]]></wp:comment_author>
      <wp:comment_author_email><![CDATA[shy@example.com]]></wp:comment_author_email>
      <wp:comment_date_gmt>2019-03-04 05:10:00</wp:comment_date_gmt>
      <wp:comment_content><![CDATA[No name given]]></wp:comment_content>
      <wp:comment_approved>1</wp:comment_approved>
      <wp:comment_type>comment</wp:comment_type>
      <wp:comment_parent>0</wp:comment_parent>
    </wp:comment>
    <wp:comment>
      <wp:comment_id>2</wp:comment_id>
      <wp:comment_author><![CDATA[Anonymous]]></wp:comment_author>
      <wp:comment_author_email><![CDATA[chose@example.com]]></wp:comment_author_email>
      <wp:comment_date_gmt>2019-03-04 05:11:00</wp:comment_date_gmt>
      <wp:comment_content><![CDATA[A name chosen]]></wp:comment_content>
      <wp:comment_approved>1</wp:comment_approved>
      <wp:comment_type>comment</wp:comment_type>
      <wp:comment_parent>0</wp:comment_parent>
    </wp:comment>
  </item>
</channel>
</rss>`;

type Author = { name: string; anonymous?: true; deleted?: true };
type Listed = { html: string; author: Author };

describe.each(DIALECTS)('a nameless imported author on %s', { timeout: 60_000 }, (dialect) => {
  let server: TestServer;
  let blogOwner: string;
  let otherOwner: string;

  const upload = (site: string, format: string, body: BodyInit, cookie: string) =>
    fetch(`${server.url}/admin/api/sites/${site}/import?format=${format}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', cookie },
      body,
    }).then((res) => res.text());
  const thread = async (site: string): Promise<Listed[]> =>
    (
      (await (
        await fetch(`${server.url}/api/v1/comments?site=${site}&page=${encodeURIComponent(PAGE)}`)
      ).json()) as { comments: Listed[] }
    ).comments;
  const byText = (list: Listed[], text: string) => list.find((c) => c.html.includes(text))?.author;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.buildSite();
    await server.buildSite({
      id: 'other',
      name: 'Autre',
      origins: ['https://blog.example'],
      settings: { language: 'fr' },
    });
    await grantTeam(server.parley.db, [
      ['owner@blog.example', 'blog', 'owner'],
      ['owner@other.example', 'other', 'owner'],
    ]);
    blogOwner = await dashboardLogin(server.url, 'owner@blog.example');
    otherOwner = await dashboardLogin(server.url, 'owner@other.example');
  });
  afterAll(() => server.stop());

  it('is stored without English, presented as anonymous everywhere, and kept by a round trip', async () => {
    expect(await upload('blog', 'wxr', WXR, blogOwner)).toContain('"imported":2');
    const names = await server.parley.db
      .selectFrom('comments')
      .select('author_name')
      .where('site_id', '=', 'blog')
      .orderBy('created_at')
      .execute();
    expect(names.map((r) => r.author_name)).toEqual(['', 'Anonymous']);

    const list = await thread('blog');
    expect(byText(list, 'No name given')).toMatchObject({ name: '', anonymous: true });
    expect(byText(list, 'No name given')).not.toHaveProperty('deleted');
    // Someone who wrote "Anonymous" as their name keeps it, as a name.
    expect(byText(list, 'A name chosen')).toMatchObject({ name: 'Anonymous' });
    expect(byText(list, 'A name chosen')).not.toHaveProperty('anonymous');

    const queue = (await (
      await fetch(`${server.url}/admin/api/sites/blog/comments?status=all`, {
        headers: { cookie: blogOwner },
      })
    ).json()) as { comments: { source: string; author: Author }[] };
    const held = queue.comments.find((c) => c.source === 'No name given');
    expect(held?.author).toMatchObject({ name: '', anonymous: true, email: 'shy@example.com' });
    expect(held?.author).not.toHaveProperty('deleted');

    // Parley's own export, read back by another site: still anonymous, not nobody.
    const exported = await (
      await fetch(`${server.url}/admin/api/sites/blog/export?format=json`, {
        headers: { cookie: blogOwner },
      })
    ).text();
    expect(await upload('other', 'parley', exported, otherOwner)).toContain('"imported":2');
    const back = byText(await thread('other'), 'No name given');
    expect(back).toMatchObject({ name: '', anonymous: true });
    expect(back).not.toHaveProperty('deleted');
    // The French site's page fragment names them in French.
    const fragment = await fetch(
      `${server.url}/api/v1/pages/html?${new URLSearchParams({ site: 'other', page: PAGE })}`,
    );
    expect(await fragment.text()).toContain('<span itemprop="name">Anonyme</span>');
  });
});
