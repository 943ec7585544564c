import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { recordEvent } from './record.ts';
import { writeFewRows, writeTransaction } from './transaction.ts';

describe.each(DIALECTS)('writes of a few rows on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.buildSite();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const pageKeysFrom = async (db: Db, prefix: string) =>
    (await db.selectFrom('events').select('page_key').orderBy('id').execute())
      .map((r) => r.page_key)
      .filter((k) => k?.startsWith(prefix));
  /** Where SQLite keeps temporary data now (0 default, 2 memory); null on PostgreSQL. */
  const tempStore = async (db: Db) =>
    dialect === 'sqlite'
      ? Number(Object.values((await sql`pragma temp_store`.execute(db)).rows[0] as object)[0])
      : null;

  it('commit each on its own, grouped or alone: one that fails loses none of the others', async () => {
    const db = server.parley.db;
    const keys = ['few-0', 'few-1', 'few-2', 'few-3'];
    const results = await Promise.allSettled(
      keys.map((pageKey, i) =>
        writeFewRows(db, async (tx) => {
          await recordEvent(tx, { type: 'page.changed', siteId: 'blog', pageKey });
          if (i === 2) throw new Error('write 2 failed');
          return pageKey;
        }),
      ),
    );
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual([
      'few-0',
      'few-1',
      'Error: write 2 failed',
      'few-3',
    ]);
    await expect(
      writeFewRows(db, async (tx) => {
        await recordEvent(tx, { type: 'page.changed', siteId: 'blog', pageKey: 'few-alone' });
        throw new Error('alone failed');
      }),
    ).rejects.toThrow('alone failed');
    expect((await pageKeysFrom(db, 'few-')).sort()).toEqual(['few-0', 'few-1', 'few-3']);
  });

  it('keep SQLite’s journals in memory only while they run, and never beside a large write', async () => {
    const db = server.parley.db;
    const during: (number | null)[] = [];
    const seen = (tx: Db) => async () => {
      during.push(await tempStore(tx));
    };
    // A group of few-row writes, a write alone, then a group with a large write among them.
    await Promise.all([1, 2, 3].map(() => writeFewRows(db, (tx) => seen(tx)())));
    await writeFewRows(db, (tx) => seen(tx)());
    await Promise.all([
      writeFewRows(db, (tx) => seen(tx)()),
      writeTransaction(db, (tx) => seen(tx)()),
    ]);
    const memory = dialect === 'sqlite' ? 2 : null;
    const file = dialect === 'sqlite' ? 0 : null;
    expect(during).toEqual([memory, memory, memory, memory, file, file]);
    expect(await tempStore(db)).toBe(file);
  });
});
