import { describe, expect, it } from 'vitest';
import { presentComment } from '../../comments/comment.presenter.ts';
import { DIALECTS } from '../../test/test-server.ts';
import { migrateToLatest } from '../db.ts';
import { migrationStores, seedSiteAndPage } from './migration-stores.ts';

/** The newest migration main had before this one: a store made by that schema. */
const BEFORE = '2026-11-30T0000-nobody-behind';

// Comments imported without a name were stored with the English name
// "Anonymous" (issue 11): those another platform's import wrote lose it for
// the empty name and mark the API presents as `author.anonymous`; a guest who
// typed that name here, or read back from a Parley export, keeps it.
describe.each(DIALECTS)('the anonymous-authors migration on %s', (dialect) => {
  const openStore = migrationStores(dialect);

  it('turns imported nameless authors into the mark, and leaves chosen names alone', async () => {
    const db = await openStore();
    await migrateToLatest(db, BEFORE);
    const now = new Date().toISOString();
    await seedSiteAndPage(db, now);
    const comment = async (id: string, name: string, importedFrom: string | null) => {
      await db
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
          author_email: 'someone@example.com',
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
        })
        .execute();
      if (importedFrom) {
        await db
          .insertInto('import_keys')
          .values({
            site_id: 'old',
            source: importedFrom,
            source_id: id,
            comment_id: id,
            parent_source_id: null,
          })
          .execute();
      }
    };
    await comment('a-disqus', 'Anonymous', 'disqus');
    await comment('b-wxr', 'Anonymous', 'wxr');
    await comment('c-parley', 'Anonymous', 'parley');
    await comment('d-here', 'Anonymous', null);
    await comment('e-ada', 'Ada', 'wxr');

    await migrateToLatest(db);
    const rows = await db.selectFrom('comments').selectAll().orderBy('id').execute();
    expect(rows.map((r) => [r.id, r.author_name, Number(r.author_anonymous)])).toEqual([
      ['a-disqus', '', 1],
      ['b-wxr', '', 1],
      ['c-parley', 'Anonymous', 0],
      ['d-here', 'Anonymous', 0],
      ['e-ada', 'Ada', 0],
    ]);
    expect(rows.map((r) => presentComment(r).author)).toMatchObject([
      { name: '', anonymous: true },
      { name: '', anonymous: true },
      { name: 'Anonymous' },
      { name: 'Anonymous' },
      { name: 'Ada' },
    ]);
    expect(rows.some((r) => presentComment(r).author.deleted)).toBe(false);
  });
});
