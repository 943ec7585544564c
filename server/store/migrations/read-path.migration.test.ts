import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/test-server.ts';
import { migrateToLatest } from '../db.ts';
import { migrationStores, seedSiteAndPage } from './migration-stores.ts';

/** The newest migration main had before this one: a store made by that schema. */
const BEFORE = '2026-11-29T2100-subscriptions';

// Threads written before the read path knew each reply's top-level comment
// get it, however deep they nest, and keep what they had (their pictures
// included). The store starts as main's latest migration left it (with an
// unpublished outbox row and an avatar key), on each dialect.
describe.each(DIALECTS)('the read-path migration on %s', (dialect) => {
  const openStore = migrationStores(dialect);

  it('gives every comment its top-level comment, and leaves the rest as it was', async () => {
    const db = await openStore();
    await migrateToLatest(db, BEFORE);
    const now = new Date().toISOString();
    await seedSiteAndPage(db, now);
    const comment = (id: string, parent: string | null, depth: number, avatar: string | null) =>
      db
        .insertInto('comments')
        .values({
          id,
          site_id: 'old',
          page_id: 'p',
          parent_id: parent,
          depth,
          body_source: 'b',
          body_html: '<p>b</p>',
          author_name: 'A',
          author_email: `${id}@Example.com`,
          author_url: null,
          author_provider: 'guest',
          ip: null,
          user_agent: null,
          created_at: now,
          updated_at: now,
          identity_id: null,
          author_avatar_url: avatar,
          avatar_key: `key-${id}`,
          moderation_reasons: null,
          // biome-ignore lint/suspicious/noExplicitAny: the table before this migration had no root_id
        } as any)
        .execute();
    await comment('t1', null, 1, null);
    await comment('r1', 't1', 2, 'https://cdn.example/me.png');
    await comment('r2', 'r1', 3, null);
    await comment('r3', 'r2', 4, null);
    await comment('t2', null, 1, null);
    await db
      .insertInto('events')
      .values({
        type: 'comment.created',
        site_id: 'old',
        page_key: 'k',
        payload: '{}',
        created_at: now,
      })
      .execute();

    await migrateToLatest(db);
    const rows = await db
      .selectFrom('comments')
      .select(['id', 'root_id', 'author_avatar_url', 'avatar_key'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      {
        id: 'r1',
        root_id: 't1',
        author_avatar_url: 'https://cdn.example/me.png',
        avatar_key: 'key-r1',
      },
      { id: 'r2', root_id: 't1', author_avatar_url: null, avatar_key: 'key-r2' },
      { id: 'r3', root_id: 't1', author_avatar_url: null, avatar_key: 'key-r3' },
      { id: 't1', root_id: 't1', author_avatar_url: null, avatar_key: 'key-t1' },
      { id: 't2', root_id: 't2', author_avatar_url: null, avatar_key: 'key-t2' },
    ]);
    // The outbox is untouched: what was waiting to be published still is.
    const waiting = await db.selectFrom('events').select(['type', 'published_at']).execute();
    expect(waiting).toEqual([{ type: 'comment.created', published_at: null }]);
    // New comments need root_id from now on (the app writes it); old rows all have one.
    const missing = await db
      .selectFrom('comments')
      .select('id')
      .where('root_id', 'is', null)
      .execute();
    expect(missing).toEqual([]);
  });
});
