/**
 * Avatars as readers' browsers see them: every picture comes from Parley's
 * origin, nothing in a public response is derived from an email alone, and
 * a picture that can't be fetched never stands in the way.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInReader } from '../test/factories.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { backfillAvatarKeys } from './avatar-backfill.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const EMAIL = 'ada@example.com';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

describe.each(DIALECTS)('avatars on %s', (dialect) => {
  let server: TestServer;
  let cdn: Server;
  let cdnUrl: string;
  const cdnHits: string[] = [];

  beforeAll(async () => {
    cdn = createServer((req, res) => {
      cdnHits.push(req.url ?? '');
      if (req.url === '/ada.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
    cdnUrl = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
    // The provider's CDN is on loopback here: open exactly it, as the demo does.
    server = await startTestServer(dialect, { AVATAR_PROXY_ALLOW: '127.0.0.1' });
    await server.buildSite();
    await server.buildSite({ id: 'other', origins: ['https://other.example'] });
  });
  afterAll(async () => {
    await server?.stop();
    await new Promise((resolve) => cdn?.close(resolve));
  });

  let posted = 0;
  const post = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const site = (body.site as string | undefined) ?? 'blog';
    const res = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        site,
        page: `https://${site}.example/p`,
        pageUrl: `https://${site}.example/p`,
        pageTitle: 'P',
        body: `Hello ${++posted}`,
        ...body,
      }),
    });
    expect(res.status).toBe(201);
    return {
      text: await res.clone().text(),
      json: (await res.json()) as { comment: { author: { avatarUrl: string } } },
    };
  };

  it('gives a guest a picture drawn by Parley, keyed so no one can check it against an email', async () => {
    const { text, json } = await post({ author: { name: 'Ada Lovelace', email: EMAIL } });
    const path = json.comment.author.avatarUrl;
    expect(path).toMatch(/^\/avatars\/[0-9a-f]{32}$/);
    for (const hash of [sha256(EMAIL), md5(EMAIL)]) expect(text).not.toContain(hash);
    expect(text).not.toContain('gravatar');

    const image = await fetch(`${server.url}${path}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(image.headers.get('content-security-policy')).toContain("default-src 'none'");
    const svg = await image.text();
    expect(svg).toContain('>AL</text>');
    expect(svg).not.toMatch(/<script|on\w+=/i);

    // The same guest on another site: an unrelated key (no linking across sites).
    const elsewhere = await post({ site: 'other', author: { name: 'Ada Lovelace', email: EMAIL } });
    expect(elsewhere.json.comment.author.avatarUrl).not.toBe(path);
    // And the same guest again on this site: the same picture.
    const again = await post({ author: { name: 'Ada Lovelace', email: ' ADA@example.com' } });
    expect(again.json.comment.author.avatarUrl).toBe(path);
  });

  it('draws initials safely whatever the name holds', async () => {
    const { json } = await post({
      author: { name: '<img src=x onerror=alert(1)> "&', email: 'x@example.com' },
    });
    const svg = await (await fetch(`${server.url}${json.comment.author.avatarUrl}`)).text();
    expect(svg).not.toContain('<img');
    expect(svg).toMatch(/>&lt;&quot;<\/text>/);
  });

  it('serves a signed-in reader’s provider picture from Parley, fetched once', async () => {
    const { token } = await signInReader(server.parley.db, server.parley.config.authSecret, {
      siteId: 'blog',
      providerUserId: `ada-${dialect}`,
      displayName: 'Ada',
      avatarUrl: `${cdnUrl}/ada.png`,
    });
    const { text, json } = await post({}, { authorization: `Bearer ${token}` });
    expect(text).not.toContain(cdnUrl);
    const url = `${server.url}${json.comment.author.avatarUrl}`;
    const first = await fetch(url);
    expect(first.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await first.arrayBuffer())).toEqual(PNG);
    const second = await fetch(url);
    expect(second.status).toBe(200);
    expect(cdnHits.filter((u) => u === '/ada.png')).toHaveLength(1);
  });

  it('signs in and comments when the picture points at an internal address; shows a drawn one', async () => {
    const { token } = await signInReader(server.parley.db, server.parley.config.authSecret, {
      siteId: 'blog',
      providerUserId: `mallory-${dialect}`,
      displayName: 'Mallory',
      avatarUrl: 'http://169.254.169.254/latest/meta-data/iam/',
    });
    const { json } = await post({}, { authorization: `Bearer ${token}` });
    const image = await fetch(`${server.url}${json.comment.author.avatarUrl}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await image.text()).toContain('>M</text>');
  });

  it('proxies Gravatar only where the site turns it on, and still draws one when it can’t reach it', async () => {
    await server.buildSite({
      id: 'grav',
      origins: ['https://grav.example'],
      settings: { gravatar: true },
    });
    const { text, json } = await post({
      site: 'grav',
      author: { name: 'Bo', email: 'bo@example.com' },
    });
    expect(text).not.toContain(sha256('bo@example.com'));
    const image = await fetch(`${server.url}${json.comment.author.avatarUrl}`);
    // This machine can't reach Gravatar: the reader still gets a picture, cached briefly.
    expect(image.status).toBe(200);
    expect(image.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('answers 404 for an unknown or malformed key', async () => {
    for (const key of ['0'.repeat(32), '..%2f..%2fetc', 'ZZ']) {
      const res = await fetch(`${server.url}/avatars/${key}`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
  });

  it('moves rows written before keys existed onto Parley-served pictures (migration)', async () => {
    const db = server.parley.db;
    const now = new Date().toISOString();
    await db
      .insertInto('pages')
      .values({
        id: `old-${dialect}`,
        site_id: 'blog',
        page_key: 'old',
        url: 'https://blog.example/old',
        title: 'Old',
        created_at: now,
      })
      .execute();
    const base = {
      site_id: 'blog',
      page_id: `old-${dialect}`,
      parent_id: null,
      depth: 1,
      body_source: 'x',
      body_html: '<p>x</p>',
      author_url: null,
      status: 'approved' as const,
      ip: null,
      user_agent: null,
      created_at: now,
      updated_at: now,
      identity_id: null,
      moderation_reasons: null,
    };
    await db
      .insertInto('comments')
      .values([
        {
          ...base,
          id: `g-${dialect}`,
          root_id: `g-${dialect}`,
          author_name: 'Old Guest',
          author_email: 'old@example.com',
          author_provider: 'guest',
          author_avatar_url: null,
        },
        {
          ...base,
          id: `w-${dialect}`,
          root_id: `w-${dialect}`,
          author_name: 'Old WordPress',
          author_email: null,
          author_provider: 'wordpress',
          author_avatar_url: `https://0.gravatar.com/avatar/${md5('wp@example.com')}?s=96`,
        },
      ])
      .execute();
    await backfillAvatarKeys(db, server.parley.config.authSecret);
    const res = await fetch(`${server.url}/api/v1/comments?site=blog&page=old`);
    const text = await res.text();
    expect(text).not.toMatch(/gravatar|[0-9a-f]{64}/);
    const { comments } = JSON.parse(text) as { comments: { author: { avatarUrl: string } }[] };
    expect(comments.map((c) => c.author.avatarUrl)).toEqual([
      expect.stringMatching(/^\/avatars\/[0-9a-f]{32}$/),
      expect.stringMatching(/^\/avatars\/[0-9a-f]{32}$/),
    ]);
    expect(await backfillAvatarKeys(db, server.parley.config.authSecret)).toBe(0);
  });
});
