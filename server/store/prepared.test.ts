import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '../events/transaction.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';

describe.each(DIALECTS)('queries compiled once on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.buildSite({ id: 'blog', name: 'Blog' });
    await server.buildSite({ id: 'notes', name: 'Notes' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const byId = prepared((db, v: { id: string; name?: string }) => {
    let query = db.selectFrom('sites').select('id').where('id', '=', v.id);
    if (v.name !== undefined) query = query.where('name', '=', v.name);
    return query.orderBy('id');
  });

  it('runs with each call’s own values, never the first call’s', async () => {
    const db = server.parley.db;
    expect(await byId(db, { id: 'blog' })).toEqual([{ id: 'blog' }]);
    expect(await byId(db, { id: 'notes' })).toEqual([{ id: 'notes' }]);
    expect(await byId(db, { id: "blog' OR '1'='1" })).toEqual([]);
  });

  it('leaves out an undefined value as Kysely does (another SQL, compiled on its own)', async () => {
    const db = server.parley.db;
    expect(await byId(db, { id: 'blog', name: 'Notes' })).toEqual([]);
    expect(await byId(db, { id: 'blog', name: 'Blog' })).toEqual([{ id: 'blog' }]);
    expect(await byId(db, { id: 'blog', name: undefined })).toEqual([{ id: 'blog' }]);
  });

  it('runs in a transaction, on its connection', async () => {
    const rows = await server.parley.db.transaction().execute((tx) => byId(tx, { id: 'notes' }));
    expect(rows).toEqual([{ id: 'notes' }]);
  });

  const site = (id: string) => ({
    id,
    name: id,
    origins: '[]',
    settings: '{}',
    created_at: new Date().toISOString(),
  });

  it('sees a write’s own changes inside it, whichever way they were written, and none once it failed', async () => {
    const db = server.parley.db;
    await expect(
      writeTransaction(db, async (tx) => {
        await tx.insertInto('sites').values(site('undone')).execute();
        expect(await byId(tx, { id: 'undone' })).toEqual([{ id: 'undone' }]);
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await byId(db, { id: 'undone' })).toEqual([]);
  });

  it('never reads another transaction’s uncommitted rows from outside it', async () => {
    const db = server.parley.db;
    let outside: Promise<{ id: string }[]> | undefined;
    await expect(
      db.transaction().execute(async (tx) => {
        await tx.insertInto('sites').values(site('uncommitted')).execute();
        // On SQLite's one connection this read waits for the transaction to end.
        outside = byId(db, { id: 'uncommitted' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await outside).toEqual([]);
  });

  it('refuses to run on a write’s transaction once it committed, alone or in a group', async () => {
    const db = server.parley.db;
    const leaked: Db[] = [];
    await writeTransaction(db, async (tx) => {
      leaked.push(tx);
    });
    // Two writes in the same turn of the event loop (one commit on SQLite).
    await Promise.all(
      [1, 2].map(() =>
        writeTransaction(db, async (tx) => {
          leaked.push(tx);
        }),
      ),
    );
    for (const tx of leaked) {
      await expect(byId(tx, { id: 'blog' })).rejects.toThrow(/already committed/);
    }
  });

  it('refuses a query that changes a value on its way into the SQL', async () => {
    const cut = prepared((db, v: { id: string }) =>
      db.selectFrom('sites').select('id').where('id', '=', v.id.slice(1)),
    );
    await expect(cut(server.parley.db, { id: 'blog' })).rejects.toThrow(/prepared query/);
    const prefixed = prepared((db, v: { id: string }) =>
      db.selectFrom('sites').select('id').where('id', '=', `x${v.id}`),
    );
    await expect(prefixed(server.parley.db, { id: 'blog' })).rejects.toThrow(/prepared query/);
  });
});
