/**
 * `import` and `backup` as a site owner runs them: against a real SQLite
 * file, with the words and exit codes they print.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSite } from '../sites/site.service.ts';
import { createDb, type Db, migrateToLatest } from '../store/db.ts';
import { buildComment } from '../test/factories.ts';
import { runParley } from './test/run-parley.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-cli-io-'));
const ENV = { SQLITE_PATH: join(dir, 'store.sqlite') };
const WXR = join(import.meta.dirname, '../imports/test/wordpress.xml');

function parley(args: string[], env: Record<string, string> = ENV) {
  return runParley(args, env);
}

let db: Db;
beforeAll(async () => {
  db = createDb({ kind: 'sqlite', path: ENV.SQLITE_PATH });
  await migrateToLatest(db);
  for (const id of ['blog', 'dry']) {
    await saveSite(db, { id, name: id, origins: ['https://blog.example'] });
  }
});
afterAll(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run parley -- import', () => {
  it('imports with progress on stderr and a summary on stdout; again, adds nothing', async () => {
    const args = [
      'import',
      'wxr',
      WXR,
      '--site',
      'blog',
      '--map-url',
      'http://old.blog.example=https://blog.example',
    ];
    const first = await parley(args);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('The file holds 9 comments.');
    expect(first.stderr).toContain('Importing: 9/9 read, 9 stored');
    expect(first.stdout).toBe(
      [
        'Imported 9 comments in 1 batch.',
        'Already present (imported before): 0.',
        'Skipped pingbacks: 1.',
        'Skipped trackbacks: 1.',
        'Refused: 0.',
        '',
      ].join('\n'),
    );
    const again = await parley(args);
    expect(again.stdout).toContain('Imported 0 comments');
    expect(again.stdout).toContain('Already present (imported before): 9.');
  });

  it('in a dry run stores nothing, and points to --map-url for pages off the site', async () => {
    const r = await parley(['import', 'wxr', WXR, '--site', 'dry', '--dry-run', '--quiet']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Would import 9 comments.');
    expect(r.stdout).toContain(
      '9 comments are on pages outside the site’s origins'.replace('’', "'"),
    );
    expect(r.stdout).toContain('--map-url');
    expect(r.stdout).toContain('Dry run: nothing was stored.');
    const n = await db
      .selectFrom('comments')
      .select(db.fn.countAll().as('n'))
      .where('site_id', '=', 'dry')
      .executeTakeFirst();
    expect(Number(n?.n)).toBe(0);
  });

  it('says what is wrong, in the user’s words, with the documented exit codes', async () => {
    const broken = join(dir, 'broken.xml');
    writeFileSync(broken, '<rss><channel><item><link>https://blog.example/a</link>\n<wp:comment>');
    const cases: [string[], number, RegExp][] = [
      [
        ['import', 'blogger', WXR, '--site', 'blog'],
        2,
        /'blogger' is invalid.*wxr, disqus, parley, remark42, isso/s,
      ],
      [['import', 'wxr', WXR], 2, /required option '--site <id>'/],
      [['import', 'wxr', join(dir, 'nope.xml'), '--site', 'blog'], 1, /No file at .*nope\.xml/],
      [['import', 'wxr', WXR, '--site', 'nope'], 1, /No site with id "nope"/],
      [['import', 'wxr', broken, '--site', 'blog'], 1, /not well-formed XML.*line 2/],
      [['import', 'wxr', WXR, '--site', 'blog', '--map-url', 'old'], 2, /--map-url takes old=new/],
      [
        ['import', 'wxr', WXR, '--site', 'blog', '--max-size', '0'],
        2,
        /--max-size must be a whole number/,
      ],
    ];
    for (const [args, code, message] of cases) {
      const r = await parley(args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at |Something went wrong/);
    }
  });
});

describe('npm run parley -- export', () => {
  it('writes a private file and says it holds emails and IP addresses', async () => {
    const out = join(dir, 'blog.json');
    const r = await parley(['export', 'blog', '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote \d+ pages and 9 comments of site blog to /);
    expect(r.stdout).toContain('email and IP addresses');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { comments: { ip: string | null }[] };
    expect(json.comments.map((c) => c.ip)).toContain('203.0.113.1');
  });

  it('writes WXR to standard output, the notice on stderr; refuses what it can’t do', async () => {
    const r = await parley(['export', 'blog', '--format', 'wxr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8" \?>/);
    expect(r.stdout.trimEnd().endsWith('</rss>')).toBe(true);
    expect(r.stderr).toContain('email and IP addresses');
    expect((await parley(['export', 'nope'])).code).toBe(1);
    const existing = join(dir, 'blog.json');
    expect(await parley(['export', 'blog', '--out', existing])).toMatchObject({ code: 2 });
    expect((await parley(['export', 'blog', '--format', 'csv'])).code).toBe(2);
  });
});

describe('npm run parley -- backup', () => {
  it('copies the store consistently while it is being written, and says how to restore', async () => {
    const before = 20;
    for (let i = 0; i < before; i++) await buildComment(db, { site: 'blog', body: `before ${i}` });
    // Another connection keeps writing while the backup runs, as the server would.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await buildComment(db, { site: 'blog', body: `during ${written}` });
        written++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const target = join(dir, 'backup.sqlite');
    const r = await parley(['backup', target]);
    writing = false;
    await writer;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Backed up ${ENV.SQLITE_PATH} to ${target}`);
    expect(r.stdout).toContain('To restore: stop Parley, replace');
    expect(r.stdout).toContain('emails and IP addresses');
    // A backup is the store: it holds the secret kept there while AUTH_SECRET is unset.
    expect(r.stdout).toMatch(/AUTH_SECRET is unset\) the secret that\s+signs readers’ sessions/);

    const copy = new DatabaseSync(target, { readOnly: true });
    const check = copy.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
    const { n } = copy.prepare('SELECT count(*) AS n FROM comments').get() as { n: number };
    // Every comment has its page: no write caught halfway.
    const orphans = copy
      .prepare(
        'SELECT count(*) AS n FROM comments c LEFT JOIN pages p ON p.id = c.page_id WHERE p.id IS NULL',
      )
      .get() as { n: number };
    copy.close();
    expect(check.integrity_check).toBe('ok');
    expect(n).toBeGreaterThanOrEqual(before + 9);
    expect(orphans.n).toBe(0);
    expect(existsSync(`${target}.partial`)).toBe(false);
  });

  it('refuses to overwrite a file, and points PostgreSQL users to pg_dump', async () => {
    const existing = join(dir, 'exists.sqlite');
    writeFileSync(existing, 'keep me');
    const over = await parley(['backup', existing]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('exists already');
    const pg = await parley(['backup', join(dir, 'x.sqlite')], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    expect(pg.code).toBe(1);
    expect(pg.stderr).toContain('pg_dump');
  });
});
