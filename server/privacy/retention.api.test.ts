/**
 * IP addresses and user agents are erased after each site's retention period
 * (default 60 days), by the periodic job; the comments themselves stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyEvent } from '../events/event.types.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { eraseExpiredRequestData } from './retention.ts';

const DAY = 24 * 3600_000;
// The test's clock runs ten years ahead. The server's own retention job runs
// at start-up on the real clock, concurrently with the test's inserts: rows
// aged against the real clock could be erased by it first (seen once on
// PostgreSQL under load). Aged against this clock they are all in its future.
const NOW = Date.now() + 3650 * DAY;

describe.each(DIALECTS)('request data retention on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.buildSite();
    await server.buildSite({
      id: 'short',
      origins: ['https://short.example'],
      settings: { requestDataRetentionDays: 7 },
    });
  });
  afterAll(() => server?.stop());

  async function commentAged(site: string, days: number): Promise<string> {
    const db = server.parley.db;
    const created = new Date(NOW - days * DAY).toISOString();
    const id = `${site}-${days}-${dialect}`.slice(0, 32);
    await db
      .insertInto('pages')
      .values({
        id,
        site_id: site,
        page_key: id,
        url: `https://${site}.example/p`,
        title: 'P',
        created_at: created,
      })
      .execute();
    await db
      .insertInto('comments')
      .values({
        id,
        site_id: site,
        page_id: id,
        parent_id: null,
        root_id: id,
        depth: 1,
        body_source: 'Kept',
        body_html: '<p>Kept</p>',
        author_name: 'Ada',
        author_email: 'ada@example.com',
        author_url: null,
        author_provider: 'guest',
        ip: '203.0.113.9',
        user_agent: 'Mozilla/5.0',
        created_at: created,
        updated_at: created,
        identity_id: null,
        author_avatar_url: null,
        moderation_reasons: null,
      })
      .execute();
    return id;
  }

  const row = (id: string) =>
    server.parley.db
      .selectFrom('comments')
      .select(['ip', 'user_agent', 'body_source'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('erases them past the site’s period (60 days by default, 7 where set), keeps younger ones and the comments', async () => {
    const old = await commentAged('blog', 61);
    const young = await commentAged('blog', 59);
    const shortOld = await commentAged('short', 8);
    const shortYoung = await commentAged('short', 6);

    await server.parley.events.flush();
    const heard: ParleyEvent[] = [];
    const off = server.parley.events.subscribe((event) => heard.push(event));
    expect(await eraseExpiredRequestData(server.parley.db, NOW)).toBe(2);
    // Announced like any write, so no cache on any instance keeps them (issue 10).
    await server.parley.events.flush();
    expect(heard.map((e) => [e.type, e.siteId, 'pageKey' in e && e.pageKey]).sort()).toEqual([
      ['page.changed', 'blog', old],
      ['page.changed', 'short', shortOld],
    ]);
    heard.length = 0;
    expect(await row(old)).toEqual({ ip: null, user_agent: null, body_source: 'Kept' });
    expect(await row(shortOld)).toEqual({ ip: null, user_agent: null, body_source: 'Kept' });
    expect(await row(young)).toEqual({
      ip: '203.0.113.9',
      user_agent: 'Mozilla/5.0',
      body_source: 'Kept',
    });
    expect((await row(shortYoung)).ip).toBe('203.0.113.9');
    // Nothing left to do: a second run (another instance) changes nothing.
    expect(await eraseExpiredRequestData(server.parley.db, NOW)).toBe(0);
    await server.parley.events.flush();
    off();
    expect(heard).toEqual([]);
  });

  it('forgets guests’ data links and page sessions a day after they expired', async () => {
    const db = server.parley.db;
    const row = (hash: string, expiresAgoMs: number) => ({
      token_hash: `${hash}-${dialect}`,
      purpose: 'link' as const,
      site_id: 'blog',
      email: 'ada@example.com',
      created_at: new Date().toISOString(),
      expires_at: new Date(Date.now() - expiresAgoMs).toISOString(),
      used_at: null,
    });
    await db
      .insertInto('guest_data_links')
      .values([row('old', 2 * DAY), row('recent', 3600_000)])
      .execute();
    await eraseExpiredRequestData(db);
    const left = await db
      .selectFrom('guest_data_links')
      .select('token_hash')
      .where('token_hash', 'like', `%-${dialect}`)
      .execute();
    expect(left.map((r) => r.token_hash)).toEqual([`recent-${dialect}`]);
  });

  it('refuses a retention that is not a whole number of days from 1 to 3650', async () => {
    const { SiteSettings } = await import('../../contract/site-settings.schema.ts');
    for (const bad of [0, -1, 1.5, 3651]) {
      expect(SiteSettings.safeParse({ requestDataRetentionDays: bad }).success).toBe(false);
    }
    expect(SiteSettings.parse({}).requestDataRetentionDays).toBe(60);
  });
});
