import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, migrateToLatest } from '../db.ts';

// Rows written before verdicts were stored as data get the decision their text
// and status imply, so Akismet feedback keeps working on comments held earlier.
describe('the site-version migration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-migration-'));
  const db = createDb({ kind: 'sqlite', path: join(dir, 'parley.sqlite') });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps old reasons and adds each one’s decision; sites start at version 0', async () => {
    await migrateToLatest(db, '2026-11-28T1000-ticket-binding');
    const now = new Date().toISOString();
    await db
      .insertInto('sites')
      // biome-ignore lint/suspicious/noExplicitAny: the table before this migration had no version
      .values({ id: 'old', name: 'Old', origins: '[]', settings: '{}', created_at: now } as any)
      .execute();
    await db
      .insertInto('pages')
      .values({
        id: 'p',
        site_id: 'old',
        page_key: 'k',
        url: 'https://o.example/',
        title: 'T',
        created_at: now,
      })
      .execute();
    const comment = (id: string, status: 'spam' | 'pending', reasons: object[]) =>
      db
        .insertInto('comments')
        .values({
          id,
          site_id: 'old',
          page_id: 'p',
          parent_id: null,
          depth: 1,
          body_source: 'b',
          body_html: '<p>b</p>',
          author_name: 'A',
          author_email: 'a@example.com',
          author_url: null,
          author_provider: 'guest',
          status,
          ip: null,
          user_agent: null,
          created_at: now,
          updated_at: now,
          identity_id: null,
          author_avatar_url: null,
          moderation_reasons: JSON.stringify(reasons),
          // biome-ignore lint/suspicious/noExplicitAny: the table before the read-path migration had no root_id
        } as any)
        .execute();
    await comment('s', 'spam', [{ check: 'akismet', reason: 'Akismet: spam' }]);
    await comment('h', 'pending', [
      { check: 'akismet', reason: 'Akismet unavailable: timeout' },
      { check: 'links', reason: '3 links' },
    ]);
    await comment('b', 'spam', [{ check: 'blocklist', reason: 'word: casino' }]);

    await migrateToLatest(db);
    const reasons = Object.fromEntries(
      (await db.selectFrom('comments').select(['id', 'moderation_reasons']).execute()).map((r) => [
        r.id,
        JSON.parse(r.moderation_reasons ?? '[]'),
      ]),
    );
    expect(reasons).toEqual({
      s: [{ check: 'akismet', decision: 'spam', reason: 'Akismet: spam' }],
      h: [
        { check: 'akismet', decision: 'hold', reason: 'Akismet unavailable: timeout' },
        { check: 'links', decision: 'hold', reason: '3 links' },
      ],
      b: [{ check: 'blocklist', decision: 'spam', reason: 'word: casino' }],
    });
    const site = await db.selectFrom('sites').select('version').executeTakeFirstOrThrow();
    expect(site.version).toBe(0);
  });
});
