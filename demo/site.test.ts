import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSite } from '../server/sites/site.repository.ts';
import { saveSite } from '../server/sites/site.service.ts';
import { createDb, type Db, migrateToLatest } from '../server/store/db.ts';
import { loadDemoConfig } from './config.ts';
import { ensureDemoSite } from './site.ts';

describe('the demo’s site', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-demo-site-'));
  let db: Db;
  beforeAll(async () => {
    db = createDb({ kind: 'sqlite', path: join(dir, 'demo.sqlite') });
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is created on the first start with the demo’s settings', async () => {
    const site = await ensureDemoSite(db, loadDemoConfig({ DEMO_MIN_FORM_SECONDS: '0' }));
    expect(site).toMatchObject({
      id: 'demo',
      name: 'Parley demo blog',
      origins: ['http://localhost:8081'],
    });
    expect(site.settings.moderation).toMatchObject({ mode: 'none', minFormSeconds: 0 });
  });

  it('keeps what its owner changed when the demo starts again', async () => {
    // The owner turns moderation on and renames it in the dashboard (or with sites add).
    const current = await findSite(db, 'demo');
    await saveSite(db, {
      id: 'demo',
      name: 'My test blog',
      origins: current?.origins ?? [],
      settings: { moderation: { mode: 'first-time', linkLimit: 1 } },
    });
    await ensureDemoSite(db, loadDemoConfig({}));
    const restarted = await findSite(db, 'demo');
    expect(restarted?.name).toBe('My test blog');
    expect(restarted?.settings.moderation).toMatchObject({
      mode: 'first-time',
      linkLimit: 1,
      minFormSeconds: 0,
    });
  });

  it('adds the blog’s origin when DEMO_URL changed, and keeps the rest', async () => {
    const moved = await ensureDemoSite(db, loadDemoConfig({ DEMO_URL: 'http://127.0.0.1:21001' }));
    expect(moved.origins).toEqual(['http://localhost:8081', 'http://127.0.0.1:21001']);
    expect(moved.settings.moderation.mode).toBe('first-time');
    expect(moved.name).toBe('My test blog');
  });
});
