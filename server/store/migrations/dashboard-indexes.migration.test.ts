import { describe, expect, it } from 'vitest';
import { countByStatus, selectQueue } from '../../admin/queue.repository.ts';
import { DIALECTS } from '../../test/test-server.ts';
import { migrateToLatest } from '../db.ts';
import { indexesOf, migrationStores, seedSiteAndPage } from './migration-stores.ts';

/** The newest migration main had before this one. */
const BEFORE = '2026-11-30T0830-comment-index-writes';

// Comments stored before it are in its held index after it (the queue and
// its counts read the same), a deleted comment still takes its reply
// subscriptions with it, and its down migration drops what it added.
describe.each(DIALECTS)('the dashboard-indexes migration on %s', (dialect) => {
  const openStore = migrationStores(dialect);

  it('indexes held comments and reply subscriptions, and undoes itself', async () => {
    const db = await openStore();
    await migrateToLatest(db, BEFORE);
    const now = new Date().toISOString();
    await seedSiteAndPage(db, now);
    const comment = (id: string, status: 'approved' | 'pending' | 'spam', minute: number) =>
      db
        .insertInto('comments')
        .values({
          id,
          site_id: 'old',
          page_id: 'p',
          parent_id: null,
          root_id: id,
          depth: 1,
          body_source: 'b',
          body_html: '<p>b</p>',
          author_name: 'A',
          author_email: 'a@example.com',
          author_url: null,
          author_provider: 'guest',
          status,
          ip: '192.0.2.1',
          user_agent: null,
          created_at: `2026-11-30T08:${String(minute).padStart(2, '0')}:00.000Z`,
          updated_at: now,
          identity_id: null,
          author_avatar_url: null,
          avatar_key: 'k',
          moderation_reasons: null,
        })
        .execute();
    await comment('a1', 'approved', 1);
    await comment('h1', 'pending', 2);
    await comment('h2', 'pending', 3);
    await comment('s1', 'spam', 4);
    await db
      .insertInto('subscriptions')
      .values({
        id: 'sub1',
        site_id: 'old',
        page_id: 'p',
        comment_id: 'a1',
        email: 'a@example.com',
        identity_id: null,
        locale: 'en',
        created_at: now,
        confirmed_at: now,
      })
      .execute();

    await migrateToLatest(db);
    const comments = await indexesOf(db, dialect, 'comments');
    expect(comments.get('comments_site_held')).toMatch(
      /site_id.*status.*created_at.*WHERE.*status"?\)?(::text)? <> 'approved'.*deleted_at"? IS NULL/i,
    );
    expect((await indexesOf(db, dialect, 'subscriptions')).get('subscriptions_comment')).toMatch(
      /comment_id.*WHERE \(?"?comment_id"? IS NOT NULL\)?/i,
    );
    const ids = async (status: 'pending' | 'spam' | 'approved' | 'all') =>
      (await selectQueue(db, 'old', { status, limit: 10 })).map((r) => r.id);
    expect(await ids('pending')).toEqual(['h2', 'h1']);
    expect(await ids('spam')).toEqual(['s1']);
    expect(await ids('approved')).toEqual(['a1']);
    expect(await ids('all')).toEqual(['s1', 'h2', 'h1', 'a1']);
    const counts = Object.fromEntries(
      (await countByStatus(db, 'old')).map(({ status, n }) => [status, n]),
    );
    expect(counts).toEqual({ approved: 1, pending: 2, spam: 1 });
    await db.deleteFrom('comments').where('id', '=', 'a1').execute();
    expect(await db.selectFrom('subscriptions').select('id').execute()).toEqual([]);

    await migrateToLatest(db, BEFORE);
    expect((await indexesOf(db, dialect, 'comments')).has('comments_site_held')).toBe(false);
    expect((await indexesOf(db, dialect, 'subscriptions')).has('subscriptions_comment')).toBe(
      false,
    );
  });

  it('leaves nothing half done when it fails', async () => {
    const db = await openStore();
    await migrateToLatest(db, BEFORE);
    // Its second index is already there (made by hand): it fails after its first.
    await db.schema.createIndex('subscriptions_comment').on('subscriptions').column('id').execute();
    await expect(migrateToLatest(db)).rejects.toThrow(/2026-11-30T0900-dashboard-indexes/);
    expect((await indexesOf(db, dialect, 'comments')).has('comments_site_held')).toBe(false);
    const ran = await db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    expect(ran.map((r) => (r as { name: string }).name)).not.toContain(
      '2026-11-30T0900-dashboard-indexes',
    );
  });
});
