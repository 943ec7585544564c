import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { requireSite, saveSite } from './site.service.ts';

describe.each(DIALECTS)('saving a site on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.buildSite({ id: 'race', origins: ['https://race.example'] });
  });
  afterAll(() => server?.stop());

  it('keeps every writer’s change when they all read the same version and write at once', async () => {
    const db = server.parley.db;
    const before = await requireSite(db, 'race');
    // Each call reads the site, then writes: started together, every one reads
    // the same version, so all but one must merge again into the newer copy.
    await Promise.all([
      saveSite(db, { id: 'race', name: 'Renamed' }),
      saveSite(db, { id: 'race', settings: { maxDepth: 7 } }),
      saveSite(db, { id: 'race', settings: { editWindowMinutes: 42 } }),
      saveSite(db, { id: 'race', settings: { moderation: { linkLimit: 9 } } }),
      saveSite(db, { id: 'race', settings: { moderation: { mode: 'all' } } }),
      saveSite(db, { id: 'race', origins: ['https://race.example', 'https://www.race.example'] }),
    ]);
    const after = await requireSite(db, 'race');
    expect(after.name).toBe('Renamed');
    expect(after.origins).toEqual(['https://race.example', 'https://www.race.example']);
    expect(after.settings.maxDepth).toBe(7);
    expect(after.settings.editWindowMinutes).toBe(42);
    expect(after.settings.moderation.linkLimit).toBe(9);
    expect(after.settings.moderation.mode).toBe('all');
    expect(after.version).toBe(before.version + 6);
  });

  it('refuses a change made from a stale version, and keeps what is stored', async () => {
    const db = server.parley.db;
    const current = await requireSite(db, 'race');
    await expect(
      saveSite(db, { id: 'race', settings: { maxDepth: 2 } }, current.version - 1),
    ).rejects.toMatchObject({ status: 409, code: 'settings_changed' });
    expect(await requireSite(db, 'race')).toEqual(current);
  });

  it('reads a site parsed once, shared frozen, and never a stale copy', async () => {
    const db = server.parley.db;
    await saveSite(db, { id: 'memo', origins: ['https://memo.example'] });
    const first = await requireSite(db, 'memo');
    // The same row: the same parse, which no caller can change for the others.
    expect(await requireSite(db, 'memo')).toBe(first);
    expect(Object.isFrozen(first.settings.moderation)).toBe(true);
    await saveSite(db, { id: 'memo', settings: { maxDepth: 2 } });
    expect((await requireSite(db, 'memo')).settings.maxDepth).toBe(2);
    // Written behind the server's back (another process, a restore), even at the same version.
    const { version } = await requireSite(db, 'memo');
    await db
      .updateTable('sites')
      .set({ settings: JSON.stringify({ maxDepth: 5 }), name: 'Elsewhere' })
      .where('id', '=', 'memo')
      .execute();
    expect(await requireSite(db, 'memo')).toMatchObject({
      name: 'Elsewhere',
      version,
      settings: { maxDepth: 5 },
    });
  });

  it('refuses to create a site without an origin, and names a new one after its id', async () => {
    const db = server.parley.db;
    await expect(saveSite(db, { id: 'nowhere' })).rejects.toMatchObject({
      status: 400,
      field: 'origins',
    });
    const created = await saveSite(db, { id: 'fresh', origins: ['https://fresh.example'] });
    expect(created).toMatchObject({ name: 'fresh', version: 1 });
  });
});
