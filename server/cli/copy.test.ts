import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantSiteRole } from '../admin/admin.service.ts';
import { saveSite } from '../sites/site.service.ts';
import { listTables } from '../store/copy.repository.ts';
import { createDb, type Db, migrateToLatest } from '../store/db.ts';
import { buildComment, signInReader } from '../test/factories.ts';
import { freshPostgres } from '../test/test-server.ts';
import { runParley } from './test/run-parley.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-copy-'));
const SOURCE = join(dir, 'source.sqlite');

function parley(args: string[]) {
  return runParley(args, { SQLITE_PATH: join(dir, 'unused.sqlite') });
}

/** Every row of every table, keyed by table, in a stable order and comparable form. */
async function contents(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of await listTables(db)) {
    // biome-ignore lint/suspicious/noExplicitAny: every table, whatever its columns
    const rows = await (db as any).selectFrom(table.name).selectAll().execute();
    out[table.name] = rows
      .map((r: Record<string, unknown>) =>
        JSON.stringify(
          Object.fromEntries(
            Object.entries(r)
              .sort(([a], [b]) => a.localeCompare(b))
              // PostgreSQL and SQLite agree on text and numbers; bigints come back as strings.
              .map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v]),
          ),
        ),
      )
      .sort();
  }
  return out;
}

async function withStore<T>(store: Parameters<typeof createDb>[0], work: (db: Db) => Promise<T>) {
  const db = createDb(store);
  try {
    await migrateToLatest(db);
    return await work(db);
  } finally {
    await db.destroy();
  }
}

describe('npm run parley -- copy', () => {
  let expected: Record<string, unknown[]>;

  beforeAll(async () => {
    await withStore({ kind: 'sqlite', path: SOURCE }, async (db) => {
      await saveSite(db, {
        id: 'blog',
        name: 'My blog',
        origins: ['https://blog.example'],
        settings: { maxDepth: 4, moderation: { mode: 'first-time', linkLimit: 3 } },
      });
      await saveSite(db, { id: 'shop', origins: ['https://shop.example'] });
      await grantSiteRole(db, {
        email: 'owner@blog.example',
        password: 'correct horse battery staple',
        siteId: 'blog',
        role: 'owner',
      });
      await signInReader(db, 'x'.repeat(32), {
        siteId: 'blog',
        providerUserId: '7',
        displayName: 'Ada',
      });
      const parent = await buildComment(db, { site: 'blog', pageKey: 'post', body: 'Parent' });
      await buildComment(db, { site: 'shop', status: 'pending', body: 'Held' });
      const page = await db
        .selectFrom('comments')
        .select(['page_id'])
        .where('id', '=', parent)
        .executeTakeFirstOrThrow();
      // A reply whose id sorts before its parent's: copying in key order would
      // break the reply's reference, so parents must go in first.
      const now = new Date().toISOString();
      await db
        .insertInto('comments')
        .values({
          id: '0000reply',
          root_id: parent,
          site_id: 'blog',
          page_id: page.page_id,
          parent_id: parent,
          depth: 2,
          body_source: 'A reply',
          body_html: '<p>A reply</p>',
          author_name: 'Bob',
          author_email: 'bob@example.com',
          author_url: null,
          author_provider: 'guest',
          status: 'approved',
          ip: '198.51.100.1',
          user_agent: 'Test/1',
          created_at: now,
          updated_at: now,
          identity_id: null,
          author_avatar_url: null,
          moderation_reasons: null,
        })
        .execute();
      expected = await contents(db);
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies SQLite into an empty SQLite store, every row of every table', async () => {
    const target = join(dir, 'copy.sqlite');
    const r = await parley(['copy', '--from', `sqlite:${SOURCE}`, '--to', `sqlite:${target}`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Copying sqlite:.*source\.sqlite to sqlite:.*copy\.sqlite…/);
    expect(r.stdout).toMatch(/ {2}comments +3\n/);
    expect(r.stdout).toMatch(/Copied \d+ rows in \d+ tables\. Point SQLITE_PATH at the new store/);
    expect(Object.keys(expected)).toEqual(
      expect.arrayContaining(['sites', 'pages', 'comments', 'identities', 'sessions', 'admins']),
    );
    expect(await withStore({ kind: 'sqlite', path: target }, contents)).toEqual(expected);
  });

  it('refuses a target that already holds data, and changes neither store', async () => {
    const target = join(dir, 'copy.sqlite');
    const r = await parley(['copy', '--from', `sqlite:${SOURCE}`, '--to', `sqlite:${target}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already holds data .*copy into an empty database/);
    expect(await withStore({ kind: 'sqlite', path: target }, contents)).toEqual(expected);
    expect(await withStore({ kind: 'sqlite', path: SOURCE }, contents)).toEqual(expected);
  });

  it('says what is wrong with the stores it is given', async () => {
    const missing = join(dir, 'nope.sqlite');
    const cases: [string[], number, RegExp][] = [
      [
        ['--from', 'mysql://x', '--to', `sqlite:${join(dir, 'a.sqlite')}`],
        2,
        /--from must be sqlite:<file> or a postgres/,
      ],
      [
        ['--from', `sqlite:${missing}`, '--to', `sqlite:${join(dir, 'b.sqlite')}`],
        1,
        /No SQLite store at/,
      ],
      [['--from', `sqlite:${SOURCE}`, '--to', `sqlite:${SOURCE}`], 2, /name the same store/],
      [['--from', `sqlite:${SOURCE}`], 2, /--to/],
    ];
    for (const [args, code, message] of cases) {
      const r = await parley(['copy', ...args]);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(missing)).toBe(false);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'copies SQLite to PostgreSQL and back without losing a row, and hides the password',
    async () => {
      const pg = await freshPostgres();
      try {
        const url = new URL(pg.url);
        url.password = 'secret-pw';
        const r = await parley(['copy', '--from', `sqlite:${SOURCE}`, '--to', pg.url]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(/Point DATABASE_URL at the new store/);
        expect(await withStore({ kind: 'postgres', url: pg.url }, contents)).toEqual(expected);
        const back = join(dir, 'back.sqlite');
        const again = await parley(['copy', '--from', pg.url, '--to', `sqlite:${back}`]);
        expect(again.code).toBe(0);
        expect(await withStore({ kind: 'sqlite', path: back }, contents)).toEqual(expected);
        const masked = await parley([
          'copy',
          '--from',
          url.href,
          '--to',
          `sqlite:${join(dir, 'c.sqlite')}`,
        ]);
        expect(masked.stdout + masked.stderr).not.toContain('secret-pw');
      } finally {
        await pg.drop();
      }
    },
  );
});
