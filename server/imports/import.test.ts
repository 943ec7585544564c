/**
 * Imports from real-shaped exports of each format, on every dialect: what
 * lands in the store, what the widget then shows, what is refused, and that
 * importing again adds nothing.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicPage } from '../comments/thread.service.ts';
import { AppError } from '../errors.ts';
import { requireSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { type ImportProgress, importComments } from './import.service.ts';
import { writeIssoDatabase } from './test/isso-fixture.ts';

const FIXTURES = join(import.meta.dirname, 'test');
const WXR = join(FIXTURES, 'wordpress.xml');
const DISQUS = join(FIXTURES, 'disqus.xml');
const REMARK42 = join(FIXTURES, 'remark42.jsonl');
const tmp = mkdtempSync(join(tmpdir(), 'parley-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tmpFile(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

/** Every comment of a site with its page, oldest first. */
async function stored(db: Db, siteId: string) {
  return db
    .selectFrom('comments')
    .innerJoin('pages', 'pages.id', 'comments.page_id')
    .select([
      'comments.id',
      'comments.parent_id',
      'comments.depth',
      'comments.status',
      'comments.created_at',
      'comments.deleted_at',
      'comments.author_name',
      'comments.author_email',
      'comments.author_url',
      'comments.ip',
      'comments.body_source',
      'comments.body_html',
      'pages.page_key',
      'pages.title',
    ])
    .where('comments.site_id', '=', siteId)
    .orderBy('comments.created_at')
    .execute();
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe.each(DIALECTS)('import on %s', (dialect) => {
  let server: TestServer;
  let db: Db;
  const site = async (id: string, origins = ['https://blog.example']) => {
    await server.buildSite({ id, name: id, origins });
    return id;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    db = server.parley.db;
  });
  afterAll(() => server.stop());

  describe('WordPress (WXR)', () => {
    it('keeps threads, statuses, GMT dates and authors; skips pingbacks and trackbacks', async () => {
      const siteId = await site('wp');
      const progress: ImportProgress[] = [];
      const summary = await importComments(db, {
        siteId,
        format: 'wxr',
        path: WXR,
        batchSize: 2,
        mapUrls: [{ from: 'http://old.blog.example', to: 'https://blog.example' }],
        onProgress: (p) => progress.push(p),
      });
      expect(summary).toMatchObject({
        imported: 9,
        alreadyPresent: 0,
        skipped: { pingbacks: 1, trackbacks: 1 },
        refused: { count: 0 },
        offOrigin: 0,
        batches: 5,
      });
      expect(progress.at(-1)).toMatchObject({ phase: 'importing', read: 9, total: 9, batches: 5 });

      const rows = await stored(db, siteId);
      const by = (name: string) => rows.find((r) => r.author_name === name);
      const first = by('A WordPress Commenter');
      expect(first).toMatchObject({
        created_at: '2019-03-04T05:10:00.000Z',
        author_email: 'wapuu@wordpress.example',
        author_url: 'https://wordpress.org/',
        ip: '203.0.113.1',
        status: 'approved',
        depth: 1,
        page_key: 'https://blog.example/2019/03/hello-world/',
        title: 'Hello world!',
      });
      expect(first?.body_html).toContain(
        '<a href="https://gravatar.example" rel="nofollow ugc noopener noreferrer" target="_blank">Gravatar</a>',
      );
      expect(first?.body_html).toContain('<strong>Bold</strong> &amp; <em>fine</em>');
      expect(by('Bob')).toMatchObject({ parent_id: first?.id, depth: 2 });
      expect(by('Carol')).toMatchObject({ parent_id: by('Bob')?.id, depth: 3, author_url: null });
      expect(by('Dave')?.status).toBe('pending');
      expect(by('Cheap pills')?.status).toBe('spam');
      // No GMT date (0000-00-00): the local one is all WordPress kept.
      expect(by('Eve')).toMatchObject({ status: 'trash', created_at: '2019-03-09T13:00:00.000Z' });
      // Listed before its parent, hung under it once the parent came.
      expect(by('Frank')).toMatchObject({ parent_id: by('Grace')?.id, depth: 2 });

      // What a reader of the page sees in the widget: the published ones, threaded.
      const thread = await publicPage(
        db,
        await requireSite(db, siteId),
        'https://blog.example/2019/03/hello-world/',
        { sort: 'oldest' },
      );
      expect(thread.comments.map((c) => c.author.name)).toEqual([
        'A WordPress Commenter',
        'Bob',
        'Carol',
        'Mallory <script>alert(1)</script>',
      ]);
    });

    it('renders hostile HTML with Parley’s renderer: no script, handler, frame or javascript: link survives', async () => {
      const rows = await stored(db, 'wp');
      const html = rows.find((r) => r.author_name.startsWith('Mallory'))?.body_html ?? '';
      expect(html).not.toMatch(
        /<script|onerror|onclick|onmouseover|<iframe|<img|<style|javascript:|alert\('xss'\)|display:none/i,
      );
      expect(html).toContain('Look  here');
      expect(html).toContain('click me');
      expect(html).toContain(
        '<a href="https://ok.example/page" rel="nofollow ugc noopener noreferrer" target="_blank">a fine link</a>',
      );
      expect(html).toContain('<blockquote>');
      expect(html).toContain('<strong>text</strong>');
    });

    it('adds nothing when the same file is imported again', async () => {
      const before = await stored(db, 'wp');
      const summary = await importComments(db, {
        siteId: 'wp',
        format: 'wxr',
        path: WXR,
        mapUrls: [{ from: 'http://old.blog.example', to: 'https://blog.example' }],
      });
      expect(summary).toMatchObject({ imported: 0, alreadyPresent: 9 });
      expect(await stored(db, 'wp')).toEqual(before);
    });

    it('stores nothing in a dry run, and says which pages are off the site’s origins', async () => {
      const siteId = await site('wp-dry');
      const summary = await importComments(db, { siteId, format: 'wxr', path: WXR, dryRun: true });
      expect(summary).toMatchObject({ dryRun: true, imported: 9, offOrigin: 9 });
      expect(await stored(db, siteId)).toEqual([]);
    });
  });

  it('Disqus: threads, deleted posts as placeholders, spam kept as spam', async () => {
    const siteId = await site('dq');
    const summary = await importComments(db, { siteId, format: 'disqus', path: DISQUS });
    expect(summary).toMatchObject({ imported: 4, refused: { count: 0 } });
    const rows = await stored(db, siteId);
    expect(rows).toHaveLength(4);
    const [ann, deleted, cat, pills] = rows;
    expect(ann).toMatchObject({
      author_name: 'Ann',
      author_email: 'ann@example.com',
      ip: '203.0.113.20',
      page_key: 'https://blog.example/posts/hello/',
      title: 'Hello, Disqus',
      created_at: '2015-01-03T10:00:00.000Z',
    });
    expect(ann?.body_html).toBe('<p>First!<br />\nSecond line &amp; more.</p>');
    // Deleted in Disqus: only its place in the thread, nothing of its text or author.
    expect(deleted).toMatchObject({
      parent_id: ann?.id,
      body_source: '',
      author_name: '',
      author_email: null,
      ip: null,
    });
    expect(deleted?.deleted_at).not.toBeNull();
    expect(cat).toMatchObject({
      parent_id: deleted?.id,
      author_name: 'Guest Cat',
      author_email: null,
    });
    expect(pills?.status).toBe('spam');
    const thread = await publicPage(
      db,
      await requireSite(db, siteId),
      'https://blog.example/posts/hello/',
      { sort: 'oldest' },
    );
    expect(thread.comments.map((c) => c.author.name)).toEqual(['Ann', '', 'Guest Cat']);
    // A thread without posts makes no page.
    const pages = await db
      .selectFrom('pages')
      .select('page_key')
      .where('site_id', '=', siteId)
      .execute();
    expect(pages).toEqual([{ page_key: 'https://blog.example/posts/hello/' }]);
  });

  it('Remark42: a gzipped backup, Markdown from `orig`, deleted comments as placeholders', async () => {
    const siteId = await site('r42');
    const gz = tmpFile('backup-remark-20210601.gz', gzipSync(readFileSync(REMARK42)));
    const summary = await importComments(db, { siteId, format: 'remark42', path: gz });
    expect(summary).toMatchObject({ imported: 3 });
    const [rita, sam, gone] = await stored(db, siteId);
    expect(rita).toMatchObject({
      author_name: 'Rita',
      ip: null,
      created_at: '2021-05-01T10:00:00.123Z',
      title: 'Remark post',
    });
    expect(rita?.body_html).toBe('<p>From <strong>Remark42</strong>.</p>');
    expect(sam).toMatchObject({ parent_id: rita?.id, body_source: 'reply *markdown*' });
    expect(sam?.body_html).toBe('<p>reply <em>markdown</em></p>');
    expect(gone).toMatchObject({ parent_id: sam?.id, author_name: '' });
    expect(gone?.deleted_at).not.toBeNull();
  });

  it('Isso: its SQLite database, paths placed on the site’s origin, moderation and deletions kept', async () => {
    const siteId = await site('isso');
    const path = join(tmp, `isso-${dialect}.db`);
    writeIssoDatabase(path);
    const summary = await importComments(db, { siteId, format: 'isso', path });
    expect(summary).toMatchObject({ imported: 4, offOrigin: 0 });
    const [ivy, jon, gone, kim] = await stored(db, siteId);
    expect(ivy).toMatchObject({
      page_key: 'https://blog.example/isso/post/',
      title: 'An Isso post',
      author_url: 'https://ivy.example',
      created_at: '2020-09-13T12:26:40.500Z',
    });
    expect(ivy?.body_html).toBe('<p>Hello from <strong>Isso</strong></p>');
    expect(jon).toMatchObject({ status: 'pending', parent_id: ivy?.id });
    expect(gone?.deleted_at).not.toBeNull();
    expect(kim).toMatchObject({ parent_id: gone?.id, depth: 2 });
  });

  describe('refuses, changing nothing', () => {
    it('a truncated file, naming where it broke', async () => {
      const siteId = await site('broken');
      const text = readFileSync(WXR, 'utf8');
      const path = tmpFile('truncated.xml', text.slice(0, Math.floor(text.length * 0.8)));
      const err = await failure(importComments(db, { siteId, format: 'wxr', path, batchSize: 1 }));
      expect(err).toMatchObject({ status: 422, code: 'malformed_import' });
      expect(err.message).toMatch(/not well-formed XML.*line \d+, column \d+/);
      expect(await stored(db, siteId)).toEqual([]);
    });

    it('an XML bomb (entities in a DOCTYPE), before expanding anything', async () => {
      const lol = Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
      ).join('\n');
      const bomb = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 "lol">\n${lol}\n]>\n<rss><channel><item><link>https://blog.example/x</link><wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>&lol9;</wp:comment_content></wp:comment></item></channel></rss>`;
      const err = await failure(
        importComments(db, { siteId: 'broken', format: 'wxr', path: tmpFile('bomb.xml', bomb) }),
      );
      expect(err).toMatchObject({ code: 'malformed_import' });
      expect(err.message).toMatch(/DOCTYPE/);
      expect(await stored(db, 'broken')).toEqual([]);
    });

    it('a file of another format, an unknown format, a file over the size limit, a bad gzip', async () => {
      const wrongKind = await failure(
        importComments(db, { siteId: 'broken', format: 'disqus', path: WXR }),
      );
      expect(wrongKind.message).toMatch(/not a Disqus export/);
      const notXml = await failure(
        importComments(db, { siteId: 'broken', format: 'wxr', path: REMARK42 }),
      );
      expect(notXml.code).toBe('malformed_import');
      const unknown = await failure(
        importComments(db, { siteId: 'broken', format: 'blogger', path: WXR }),
      );
      expect(unknown).toMatchObject({ status: 400, code: 'unknown_import_format' });
      const big = await failure(
        importComments(db, { siteId: 'broken', format: 'wxr', path: WXR, maxBytes: 1024 }),
      );
      expect(big).toMatchObject({ status: 413, code: 'import_too_large' });
      // Small compressed, large decompressed: the limit counts what comes out.
      const gzBomb = tmpFile('bomb.gz', gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x20)));
      const expanded = await failure(
        importComments(db, {
          siteId: 'broken',
          format: 'remark42',
          path: gzBomb,
          maxBytes: 1024 * 1024,
        }),
      );
      expect(expanded.code).toBe('import_too_large');
      const badGz = tmpFile('bad.gz', Buffer.from([0x1f, 0x8b, 1, 2, 3, 4]));
      expect(
        (await failure(importComments(db, { siteId: 'broken', format: 'remark42', path: badGz })))
          .code,
      ).toBe('malformed_import');
      const notIsso = await failure(
        importComments(db, { siteId: 'broken', format: 'isso', path: WXR }),
      );
      expect(notIsso.message).toMatch(/not an Isso database/);
      const unknownSite = await failure(
        importComments(db, { siteId: 'nope', format: 'wxr', path: WXR }),
      );
      expect(unknownSite.code).toBe('unknown_site');
      expect(await stored(db, 'broken')).toEqual([]);
    });
  });

  it('resumes after a stop: the batches stored stay, the rest come on the next run', async () => {
    const siteId = await site('resume');
    // The first half of the posts, as if the import had stopped after them.
    const text = readFileSync(WXR, 'utf8');
    const firstItem = text.slice(0, text.indexOf('<item>', text.indexOf('<item>') + 1));
    const partial = tmpFile('first-post.xml', `${firstItem}</channel></rss>`);
    expect((await importComments(db, { siteId, format: 'wxr', path: partial })).imported).toBe(7);
    const whole = join(tmp, 'whole.xml');
    copyFileSync(WXR, whole);
    expect(await importComments(db, { siteId, format: 'wxr', path: whole })).toMatchObject({
      imported: 2,
      alreadyPresent: 7,
    });
  });
});
