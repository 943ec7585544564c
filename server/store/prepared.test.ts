import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
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
