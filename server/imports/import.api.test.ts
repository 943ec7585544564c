/**
 * The dashboard's import upload and export download over real HTTP: owners
 * only, NDJSON progress then a summary, and hostile uploads (wrong content
 * type, too large, a file name aiming elsewhere, cross-site) refused in the
 * usual error shape, with nothing stored.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../contract/errors.ts';
import type { ImportStreamLine } from '../../contract/imports.ts';
import { dashboardLogin, grantTeam } from '../test/dashboard.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

const WXR = readFileSync(join(import.meta.dirname, 'test/wordpress.xml'));
/** Small, so the test of the limit sends little. */
const UPLOAD_MAX_BYTES = 1024 * 1024;
const MAP = encodeURIComponent('http://old.blog.example=https://blog.example');

describe.each(DIALECTS)('dashboard import and export on %s', { timeout: 60_000 }, (dialect) => {
  let server: TestServer;
  const cookies: Record<'owner' | 'moderator' | 'otherOwner', string> = {
    owner: '',
    moderator: '',
    otherOwner: '',
  };

  const login = (email: string) => dashboardLogin(server.url, email);

  const upload = (
    query: string,
    body: BodyInit,
    headers: Record<string, string> = {},
    cookie = cookies.owner,
  ) =>
    fetch(`${server.url}/admin/api/sites/blog/import?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', cookie, ...headers },
      body,
    });

  const countComments = async () =>
    Number(
      (
        await server.parley.db
          .selectFrom('comments')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function errorOf(res: Response) {
    const body = (await res.json()) as ApiErrorBody;
    const { code, message, detail } = body.error;
    return { status: res.status, code, message, detail };
  }

  beforeAll(async () => {
    server = await startTestServer(dialect, { IMPORT_UPLOAD_MAX_MB: '1' });
    await server.buildSite();
    await server.buildSite({ id: 'other', name: 'Other', origins: ['https://other.example'] });
    const db = server.parley.db;
    await grantTeam(db, [
      ['owner@blog.example', 'blog', 'owner'],
      ['mod@blog.example', 'blog', 'moderator'],
      ['owner@other.example', 'other', 'owner'],
    ]);
    cookies.owner = await login('owner@blog.example');
    cookies.moderator = await login('mod@blog.example');
    cookies.otherOwner = await login('owner@other.example');
  });
  afterAll(() => server.stop());

  it('says why comments were refused and what was skipped as codes, not English', async () => {
    const wxr = WXR.toString('utf8')
      .replace(
        '<wp:comment_approved><![CDATA[1]]></wp:comment_approved>',
        '<wp:comment_approved><![CDATA[limbo]]></wp:comment_approved>',
      )
      // Comment 2's dates, local and GMT: WordPress's "no date".
      .replace('2019-03-05 10:00:00', '0000-00-00 00:00:00')
      .replace('2019-03-05 08:00:00', '0000-00-00 00:00:00');
    const res = await upload(`format=wxr&dryRun=true&mapUrl=${MAP}`, wxr);
    expect(res.status).toBe(200);
    const last = JSON.parse((await res.text()).trim().split('\n').at(-1) ?? '') as ImportStreamLine;
    if (last.type !== 'summary') throw new Error(JSON.stringify(last));
    expect(last.summary.skipped).toEqual({ pingbacks: 1, trackbacks: 1 });
    expect(last.summary.refused.count).toBe(2);
    expect(last.summary.refused.examples).toEqual([
      { sourceId: expect.any(String), code: 'unknownStatus', params: { status: 'limbo' } },
      { sourceId: expect.any(String), code: 'noDate', params: {} },
    ]);
  });

  it('says what is wrong with a refused file as a code with parameters', async () => {
    const detailOf = async (res: Response) => {
      expect(res.status).toBe(422);
      return ((await res.json()) as { error: { code: string; detail?: unknown } }).error;
    };
    expect(await detailOf(await upload('format=wxr', '<rss><channel><item>'))).toMatchObject({
      code: 'malformed_import',
      detail: { code: 'badXml', params: { line: expect.any(Number), column: expect.any(Number) } },
    });
    const bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><rss>&a;</rss>';
    expect((await detailOf(await upload('format=wxr', bomb))).detail).toEqual({
      code: 'doctype',
      params: { line: expect.any(Number), column: expect.any(Number) },
    });
    expect((await detailOf(await upload('format=disqus', WXR))).detail).toEqual({
      code: 'notFormat',
      params: { format: 'disqus' },
    });
  });

  it('streams progress as NDJSON, then the summary; the widget shows the comments', async () => {
    const res = await upload(`format=wxr&mapUrl=${MAP}`, WXR);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ImportStreamLine);
    expect(lines.at(0)).toMatchObject({
      type: 'progress',
      progress: { phase: 'importing', total: 9 },
    });
    expect(lines.at(-1)).toMatchObject({
      type: 'summary',
      summary: { imported: 9, alreadyPresent: 0, skipped: { pingbacks: 1, trackbacks: 1 } },
    });
    const thread = await fetch(
      `${server.url}/api/v1/comments?site=blog&page=${encodeURIComponent('https://blog.example/2019/03/hello-world/')}`,
    );
    const body = (await thread.json()) as {
      comments: { author: { name: string; avatarUrl: string } }[];
    };
    expect(body.comments.map((c) => c.author.name)).toContain('A WordPress Commenter');
    // Each has its picture served by Parley at once, not after a restart (issue 12).
    for (const { author } of body.comments) expect(author.avatarUrl).toMatch(/^\/avatars\/\w+/);
    // Again: nothing new.
    const again = await upload(`format=wxr&mapUrl=${MAP}`, WXR);
    expect((await again.text()).trim().split('\n').at(-1)).toContain('"alreadyPresent":9');
  });

  it('lets only the site’s owners import or export', async () => {
    const before = await countComments();
    expect(await errorOf(await upload('format=wxr', WXR, {}, cookies.moderator))).toMatchObject({
      status: 403,
      code: 'forbidden',
    });
    // Another site's owner: the site is not theirs to know about.
    expect((await upload('format=wxr', WXR, {}, cookies.otherOwner)).status).toBe(404);
    expect((await upload('format=wxr', WXR, {}, '')).status).toBe(401);
    for (const cookie of [cookies.moderator, cookies.otherOwner, '']) {
      const res = await fetch(`${server.url}/admin/api/sites/blog/export?format=json`, {
        headers: { cookie },
      });
      expect([401, 403, 404]).toContain(res.status);
      expect(await res.text()).not.toContain('@example.com');
    }
    expect(await countComments()).toBe(before);
  });

  it('refuses hostile uploads in the usual error shape, storing nothing', async () => {
    const before = await countComments();
    const cases: [Response, number, string][] = [
      [
        await upload('format=wxr', WXR, { 'content-type': 'multipart/form-data; boundary=x' }),
        415,
        'unsupported_media_type',
      ],
      [
        await upload('format=wxr', WXR, { 'content-type': 'application/json' }),
        415,
        'unsupported_media_type',
      ],
      [
        await upload('format=wxr', WXR, { 'content-type': 'text/html' }),
        415,
        'unsupported_media_type',
      ],
      [await upload('format=blogger', WXR), 400, 'invalid_body'],
      [await upload('', WXR), 400, 'invalid_body'],
      [await upload('format=wxr&mapUrl=nonsense', WXR), 400, 'invalid_body'],
      [await upload('format=wxr', new Uint8Array()), 400, 'invalid_body'],
      [await upload('format=wxr', '<rss><channel><item>'), 422, 'malformed_import'],
      [
        await upload(
          'format=wxr',
          '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><rss>&a;</rss>',
        ),
        422,
        'malformed_import',
      ],
      [await upload('format=isso', WXR), 422, 'malformed_import'],
      // From another origin (a page trying to post with the owner's cookie).
      [await upload('format=wxr', WXR, { origin: 'https://evil.example' }), 403, 'forbidden'],
    ];
    for (const [res, status, code] of cases) {
      expect(await errorOf(res)).toMatchObject({ status, code });
    }
    expect(await countComments()).toBe(before);
  });

  it('sends a refused address mapping as data, for the dashboard’s words', async () => {
    expect(await errorOf(await upload('format=wxr&mapUrl=nonsense', WXR))).toMatchObject({
      status: 400,
      code: 'invalid_body',
      detail: { code: 'badMapping', params: { mapping: 'nonsense' } },
    });
  });

  it('refuses an upload over the limit, declared or not', async () => {
    const declared = await fetch(`${server.url}/admin/api/sites/blog/import?format=wxr`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        cookie: cookies.owner,
        'content-length': String(UPLOAD_MAX_BYTES + 1),
      },
      body: 'x',
    }).catch((err: unknown) => err);
    // fetch refuses a content-length that doesn't match its body; the server's check is for clients that lie less.
    if (declared instanceof Response) expect(declared.status).toBe(413);
    // A streamed body with no length, past the limit.
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > UPLOAD_MAX_BYTES) controller.close();
        else {
          sent += chunk.length;
          controller.enqueue(chunk);
        }
      },
    });
    const res = await fetch(`${server.url}/admin/api/sites/blog/import?format=wxr`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', cookie: cookies.owner },
      body,
      duplex: 'half',
    } as RequestInit).catch((err: unknown) => err);
    // The server answers 413 and closes; a client still sending may see the close instead.
    if (res instanceof Response)
      // The limit goes as data too, for the dashboard to say in the owner's language.
      expect(await errorOf(res)).toMatchObject({
        status: 413,
        code: 'import_too_large',
        detail: { code: 'tooLarge', params: { limitMb: 1 } },
      });
    expect(sent).toBeLessThanOrEqual(UPLOAD_MAX_BYTES + 128 * 1024);
  });

  it('never uses the client’s file name: a path in it writes nothing there', async () => {
    const target = join(tmpdir(), `parley-traversal-${dialect}.xml`);
    const res = await upload(`format=wxr&mapUrl=${MAP}`, WXR, {
      'content-disposition': `attachment; filename="../../../../../..${target}"`,
      'x-file-name': `../../../../../..${target}`,
    });
    expect(res.status).toBe(200);
    await res.text();
    expect(existsSync(target)).toBe(false);
  });

  it('downloads the export as an attachment, in JSON or WXR', async () => {
    const json = await fetch(`${server.url}/admin/api/sites/blog/export?format=json`, {
      headers: { cookie: cookies.owner },
    });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(json.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?parley-blog-\d{4}-\d{2}-\d{2}\.json"?$/,
    );
    expect(json.headers.get('cache-control')).toBe('no-store');
    const parsed = (await json.json()) as { comments: unknown[] };
    expect(parsed.comments).toHaveLength(9);
    const wxr = await fetch(`${server.url}/admin/api/sites/blog/export?format=wxr`, {
      headers: { cookie: cookies.owner },
    });
    expect(wxr.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(await wxr.text()).toContain('<wp:wxr_version>1.2</wp:wxr_version>');
    const bad = await fetch(`${server.url}/admin/api/sites/blog/export?format=csv`, {
      headers: { cookie: cookies.owner },
    });
    expect(await errorOf(bad)).toMatchObject({ status: 400, code: 'invalid_body' });
  });
});
