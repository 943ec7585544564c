import { describe, expect, it } from 'vitest';
import { presentComment } from '../../comments/comment.presenter.ts';
import { DIALECTS } from '../../test/test-server.ts';
import { migrateToLatest } from '../db.ts';
import { migrationStores, seedSiteAndPage } from './migration-stores.ts';

/** The newest migration main had before this one: a store made by that schema. */
const BEFORE = '2026-11-29T2350-duplicate-check';

// Comments kept after their author left were stored with the English name
// "Deleted user" (issue 11): they lose it for the empty name the API presents
// as `author.deleted`; a guest who typed that name, email and all, keeps it.
describe.each(DIALECTS)('the nobody-behind migration on %s', (dialect) => {
  const openStore = migrationStores(dialect);

  it('turns the stored English name of nobody into the mark, and leaves people alone', async () => {
    const db = await openStore();
    await migrateToLatest(db, BEFORE);
    const now = new Date().toISOString();
    await seedSiteAndPage(db, now);
    const comment = (
      id: string,
      name: string,
      email: string | null,
      more: { author_url?: string; ip?: string } = {},
    ) =>
      db
        .insertInto('comments')
        .values({
          id,
          site_id: 'old',
          page_id: 'p',
          parent_id: null,
          root_id: id,
          depth: 1,
          status: 'approved',
          body_source: 'b',
          body_html: '<p>b</p>',
          author_name: name,
          author_email: email,
          author_url: null,
          author_provider: 'guest',
          ip: null,
          user_agent: null,
          created_at: now,
          updated_at: now,
          identity_id: null,
          author_key_hash: null,
          author_avatar_url: null,
          avatar_key: '-',
          moderation_reasons: null,
          ...more,
        })
        .execute();
    await comment('gone', 'Deleted user', null);
    await comment('person', 'Deleted user', 'someone@example.com');
    await comment('ada', 'Ada', 'ada@example.com');
    // An imported WordPress guest who typed that name and no email (WordPress
    // allows it), with a website and an IP: a person, not the mark.
    await comment('wp-guest', 'Deleted user', null, {
      author_url: 'https://wp-guest.example/',
      ip: '203.0.113.9',
    });
    await comment('wp-ip', 'Deleted user', null, { ip: '203.0.113.10' });

    await migrateToLatest(db);
    const rows = await db.selectFrom('comments').selectAll().orderBy('id').execute();
    expect(rows.map((r) => [r.id, r.author_name])).toEqual([
      ['ada', 'Ada'],
      ['gone', ''],
      ['person', 'Deleted user'],
      ['wp-guest', 'Deleted user'],
      ['wp-ip', 'Deleted user'],
    ]);
    expect(rows.map((r) => presentComment(r).author.deleted)).toEqual([
      undefined,
      true,
      undefined,
      undefined,
      undefined,
    ]);
    expect(rows.find((r) => r.id === 'wp-guest')?.author_url).toBe('https://wp-guest.example/');
  });
});
