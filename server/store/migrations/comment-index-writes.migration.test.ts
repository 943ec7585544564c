import { describe, expect, it } from 'vitest';
import { hasReplies } from '../../comments/comment.repository.ts';
import { listMoreReplies } from '../../comments/thread.repository.ts';
import { DIALECTS } from '../../test/test-server.ts';
import { migrateToLatest } from '../db.ts';
import { indexesOf, migrationStores, seedSiteAndPage } from './migration-stores.ts';

/** The newest migration main had before this one. */
const BEFORE = '2026-11-30T0800-stored-secrets';

// Threads stored before it read the same after it (through the indexes it
// narrows), and its down migration gives back the indexes it replaced.
describe.each(DIALECTS)('the comment-index-writes migration on %s', (dialect) => {
  const openStore = migrationStores(dialect);

  it('keeps replies only in the reply indexes, and undoes itself', async () => {
    const db = await openStore();
    await migrateToLatest(db, BEFORE);
    const now = new Date().toISOString();
    await seedSiteAndPage(db, now);
    const comment = (id: string, parent: string | null, root: string, depth: number) =>
      db
        .insertInto('comments')
        .values({
          id,
          site_id: 'old',
          page_id: 'p',
          parent_id: parent,
          root_id: root,
          depth,
          body_source: 'b',
          body_html: '<p>b</p>',
          author_name: 'A',
          author_email: 'a@example.com',
          author_url: null,
          author_provider: 'guest',
          status: 'approved',
          ip: null,
          user_agent: null,
          created_at: now,
          updated_at: now,
          identity_id: null,
          author_avatar_url: null,
          avatar_key: 'k',
          moderation_reasons: null,
        })
        .execute();
    await comment('t1', null, 't1', 1);
    await comment('r1', 't1', 't1', 2);

    await migrateToLatest(db);
    const after = await indexesOf(db, dialect, 'comments');
    expect(after.has('comments_page_status_created')).toBe(false);
    expect(after.get('comments_root_replies')).toMatch(/WHERE \(?"?depth"? > 1\)?/i);
    expect(after.get('comments_parent')).toMatch(/WHERE \(?"?parent_id"? IS NOT NULL\)?/i);
    expect((await listMoreReplies(db, 't1', null, 10)).map((r) => r.id)).toEqual(['r1']);
    expect(await hasReplies(db, 't1')).toBe(true);
    expect(await hasReplies(db, 'r1')).toBe(false);

    await migrateToLatest(db, BEFORE);
    const undone = await indexesOf(db, dialect, 'comments');
    expect(undone.get('comments_page_status_created')).toMatch(/page_id.*status.*created_at/);
    expect(undone.get('comments_root_replies')).not.toMatch(/WHERE/i);
    expect(undone.get('comments_parent')).not.toMatch(/WHERE/i);
  });
});
