/**
 * Exports as a site owner would use them: what the files hold (and never
 * hold), and the round trips: JSON → import into a fresh site → JSON again
 * gives the same content; WXR → import → the same threads and texts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importComments } from '../imports/import.service.ts';
import { anonymiseAuthorComments } from '../privacy/reader-data.repository.ts';
import { saveSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { type ExportFormat, exportSite } from './export.service.ts';
import type { ExportedComment, ExportedPage } from './parley-export.schema.ts';

const WXR = join(import.meta.dirname, '../imports/test/wordpress.xml');
const DISQUS = join(import.meta.dirname, '../imports/test/disqus.xml');
const tmp = mkdtempSync(join(tmpdir(), 'parley-export-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function exportText(db: Db, siteId: string, format: ExportFormat): Promise<string> {
  let text = '';
  await exportSite(db, siteId, format, (chunk) => {
    text += chunk;
  });
  return text;
}

interface JsonExport {
  site: { id: string; settings: { moderation: { akismetKey: unknown } } };
  pages: ExportedPage[];
  comments: ExportedComment[];
}

/**
 * The content of an export with Parley's ids replaced by their place in the
 * thread (the same comments get new ids in another site), and without the
 * moments that differ by nature (export time, the page row's creation).
 */
function content(json: JsonExport) {
  const path = new Map<string, string>();
  const ordered = json.comments.map((c) => {
    const parent = c.parentId ? path.get(c.parentId) : '';
    const here = `${parent}/${c.createdAt}`;
    path.set(c.id, here);
    return here;
  });
  return {
    pages: json.pages.map(({ key, url, title }) => ({ key, url, title })),
    comments: json.comments.map(({ id: _id, parentId: _p, ...rest }, i) => ({
      at: ordered[i],
      ...rest,
    })),
  };
}

describe.each(DIALECTS)('export on %s', (dialect) => {
  let server: TestServer;
  let db: Db;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    db = server.parley.db;
    await server.buildSite({ id: 'source', name: 'Source', origins: ['https://blog.example'] });
    await saveSite(db, {
      id: 'source',
      name: 'Source',
      origins: ['https://blog.example'],
      settings: { moderation: { akismetKey: 'secret-akismet-key' } },
    });
    const map = [{ from: 'http://old.blog.example', to: 'https://blog.example' }];
    await importComments(db, { siteId: 'source', format: 'wxr', path: WXR, mapUrls: map });
    await importComments(db, { siteId: 'source', format: 'disqus', path: DISQUS });
  });
  afterAll(() => server.stop());

  it('JSON: pages, comments with thread, status, dates, authors and settings; no secrets', async () => {
    const text = await exportText(db, 'source', 'json');
    const json = JSON.parse(text) as JsonExport;
    expect(json).toMatchObject({ parley: 'export', version: 1, site: { id: 'source' } });
    expect(json.pages.map((p) => p.key)).toEqual([
      'https://blog.example/2019/03/hello-world/',
      'https://blog.example/2019/04/second/',
      'https://blog.example/posts/hello/',
    ]);
    expect(json.comments).toHaveLength(13);
    const bob = json.comments.find(
      (c) => c.author && (c.author as { name: string }).name === 'Bob',
    );
    expect(bob).toMatchObject({
      status: 'approved',
      createdAt: '2019-03-05T08:00:00.000Z',
      author: { name: 'Bob', email: 'bob@example.com' },
      ip: '198.51.100.2',
      source: 'A reply to the first one.',
    });
    expect(json.comments.find((c) => c.id === bob?.parentId)).toBeDefined();
    expect(json.site.settings.moderation.akismetKey).toBeNull();
    expect(text).not.toContain('secret-akismet-key');
    expect(text).not.toMatch(/password|token|hash/i);
  });

  it('JSON round trip: export, import into a fresh site, export again: the same content', async () => {
    const first = await exportText(db, 'source', 'json');
    const file = join(tmp, `round-${dialect}.json`);
    writeFileSync(file, first);
    await server.buildSite({ id: 'copy', name: 'Copy', origins: ['https://blog.example'] });
    const summary = await importComments(db, { siteId: 'copy', format: 'parley', path: file });
    expect(summary).toMatchObject({ imported: 13, refused: { count: 0 } });
    const second = await exportText(db, 'copy', 'json');
    expect(content(JSON.parse(second))).toEqual(content(JSON.parse(first)));
    // Importing it again adds nothing.
    expect(
      await importComments(db, { siteId: 'copy', format: 'parley', path: file }),
    ).toMatchObject({
      imported: 0,
      alreadyPresent: 13,
    });
  });

  it('WXR: well-formed WXR 1.2 that Parley imports back to the same threads and texts', async () => {
    const text = await exportText(db, 'source', 'wxr');
    // Well-formed, and WordPress's elements where its importer looks.
    const parser = new SaxesParser();
    parser.write(text).close();
    expect(text).toContain('<wp:wxr_version>1.2</wp:wxr_version>');
    expect(text).toContain('xmlns:wp="http://wordpress.org/export/1.2/"');
    expect(text).toContain('<wp:comment_approved><![CDATA[spam]]></wp:comment_approved>');
    const file = join(tmp, `round-${dialect}.xml`);
    writeFileSync(file, text);
    await server.buildSite({ id: 'wxr-copy', name: 'W', origins: ['https://blog.example'] });
    const summary = await importComments(db, { siteId: 'wxr-copy', format: 'wxr', path: file });
    expect(summary).toMatchObject({ imported: 13, refused: { count: 0 }, skipped: {} });
    const strip = (json: JsonExport) => {
      const c = content(json);
      // WXR has no place for these: the author's provider, avatar, browser, edit time.
      return {
        pages: c.pages,
        comments: c.comments.map(
          ({ userAgent: _u, editedAt: _e, updatedAt: _up, author, ...rest }) => ({
            ...rest,
            author: { ...author, provider: undefined, avatarUrl: undefined },
          }),
        ),
      };
    };
    const before = strip(JSON.parse(await exportText(db, 'source', 'json')));
    const after = strip(JSON.parse(await exportText(db, 'wxr-copy', 'json')));
    expect(after.pages).toEqual(before.pages);
    expect(after.comments.map((c) => [c.at, c.status, c.html, c.deletedAt])).toEqual(
      before.comments.map((c) => [c.at, c.status, c.html, c.deletedAt]),
    );
    expect(after).toEqual(before);
  });
  it('a comment with nobody behind it: JSON keeps the mark through a round trip, WXR says "Deleted user"', async () => {
    await server.buildSite({ id: 'left', name: 'Left', origins: ['https://left.example'] });
    const page = 'https://left.example/post';
    const res = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site: 'left',
        page,
        pageUrl: page,
        pageTitle: 'Post',
        body: 'Gone but kept',
        author: { name: 'Lou Left', email: 'lou@example.com' },
      }),
    });
    expect(res.status).toBe(201);
    await anonymiseAuthorComments(
      db,
      'left',
      { email: 'lou@example.com' },
      new Date().toISOString(),
    );

    const json = await exportText(db, 'left', 'json');
    expect((JSON.parse(json) as JsonExport).comments.map((c) => c.author)).toEqual([
      { name: '', email: null, url: null, provider: 'guest', avatarUrl: null },
    ]);
    const wxr = await exportText(db, 'left', 'wxr');
    expect(wxr).toContain('<wp:comment_author><![CDATA[Deleted user]]></wp:comment_author>');
    expect(wxr).not.toContain('Lou');

    const file = join(tmp, `left-${dialect}.json`);
    writeFileSync(file, json);
    await server.buildSite({ id: 'left-copy', name: 'Left', origins: ['https://left.example'] });
    await importComments(db, {
      siteId: 'left-copy',
      format: 'parley',
      path: file,
      avatarSecret: server.parley.config.authSecret,
    });
    const copy = JSON.parse(await exportText(db, 'left-copy', 'json')) as JsonExport;
    expect(copy.comments.map((c) => (c.author as { name: string }).name)).toEqual(['']);
    // Read back, still nobody as the API says it (NO_AUTHOR's whole shape, not
    // only the empty name: no picture drawn for it by the import's avatar pass).
    const listed = await fetch(
      `${server.url}/api/v1/comments?${new URLSearchParams({ site: 'left-copy', page })}`,
    );
    const { comments } = (await listed.json()) as { comments: { author: unknown }[] };
    expect(comments.map((c) => c.author)).toEqual([
      { name: '', deleted: true, url: null, avatarUrl: '', provider: 'guest' },
    ]);
  });
});
