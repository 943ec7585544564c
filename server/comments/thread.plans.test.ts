/**
 * Every query of the thread's read path runs on an index, on both dialects
 * (issue 10: "indexes for every query on the read path"), and so does the
 * duplicate check of every post. The plans are read
 * with EXPLAIN, so a change that loses an index fails here, not in production.
 */
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countByStatusQuery, queueListQuery } from '../admin/queue.repository.ts';
import { moveRepliesQuery } from '../imports/import.repository.ts';
import { authorLeafCommentsDeletion } from '../privacy/reader-data.repository.ts';
import type { Db } from '../store/db.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { recentSameTextQuery, repliesQuery } from './comment.repository.ts';
import {
  countRepliesAfterQuery,
  firstRepliesQuery,
  moreRepliesQuery,
  ownCommentsQuery,
  placeholdersWithRepliesQuery,
  publishedCountQuery,
  topLevelQuery,
} from './thread.repository.ts';

const AT = { createdAt: '2026-11-29T12:00:00.000Z', id: 'abcdefghijkl' };

/** The plan as text: SQLite's EXPLAIN QUERY PLAN details, PostgreSQL's EXPLAIN lines. */
async function planOf(db: Db, dialect: string, query: CompiledQuery): Promise<string> {
  const params = query.parameters as unknown[];
  if (dialect === 'sqlite') {
    // The statement as it runs, with its parameters bound.
    const { rows } = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, params),
    );
    return rows.map((r) => r.detail).join('\n');
  }
  // An empty table is cheapest to scan whole; ask what the planner does
  // when scanning is expensive, as it is on a real site.
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(tx);
    const { rows } = await sql<{
      'QUERY PLAN': string;
    }>`EXPLAIN ${sql.raw(query.sql.replace(/\$(\d+)/g, (_m, i) => literal(params[Number(i) - 1])))}`.execute(
      tx,
    );
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

/**
 * PostgreSQL's generic plan of the statement: the plan for any value of its
 * parameters, so a partial index is used only where the statement's own
 * literals imply its condition.
 */
async function genericPlanOf(db: Db, query: CompiledQuery): Promise<string> {
  const params = query.parameters as unknown[];
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(tx);
    await sql`SET LOCAL plan_cache_mode = force_generic_plan`.execute(tx);
    await sql`PREPARE parley_plan AS ${sql.raw(query.sql)}`.execute(tx);
    const args = params.length ? `(${params.map(literal).join(', ')})` : '';
    const { rows } = await sql<{
      'QUERY PLAN': string;
    }>`EXPLAIN EXECUTE parley_plan${sql.raw(args)}`.execute(tx);
    await sql`DEALLOCATE parley_plan`.execute(tx);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

function literal(value: unknown): string {
  return typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
}

describe.each(DIALECTS)('read-path query plans on %s', (dialect) => {
  let server: TestServer;
  let db: Db;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    db = server.parley.db;
  });
  afterAll(() => server.stop());

  const cases: [string, () => CompiledQuery, RegExp, { sorted: boolean }][] = [
    [
      'first page, oldest',
      () => topLevelQuery(db, 'p1', 'oldest', null, 50).compile(),
      /comments_page_top/,
      { sorted: true },
    ],
    [
      'next page, newest',
      () => topLevelQuery(db, 'p1', 'newest', AT, 50).compile(),
      /comments_page_top/,
      { sorted: true },
    ],
    [
      'inline replies',
      () => firstRepliesQuery(db, ['a', 'b', 'c'], 100).compile(),
      /comments_root_replies/,
      { sorted: false },
    ],
    [
      'more replies',
      () => moreRepliesQuery(db, 'a', AT, 100).compile(),
      /comments_root_replies/,
      { sorted: true },
    ],
    [
      'published count',
      () => publishedCountQuery(db, 'p1').compile(),
      // PostgreSQL may count through the page index as well: both start at page_id.
      /comments_page_(count|top)/,
      { sorted: false },
    ],
    [
      'own comments',
      () => ownCommentsQuery(db, 'p1', 'k'.repeat(64), AT.createdAt).compile(),
      /comments_author_key_page/,
      { sorted: false },
    ],
  ];

  const post = { pageId: 'p1', body: 'Thanks!', since: AT.createdAt };
  cases.push(
    [
      'duplicate check of a guest’s post',
      () => recentSameTextQuery(db, { ...post, author: { email: 'r@example.com' } }).compile(),
      // Through the text's prefix too (SQLite names it <expr>), not only the author and page.
      /comments_page_author_email_text.*(<expr>=\?|\n\s*Index Cond: .*substr\(body_source, 1, 64\) = )/,
      { sorted: false },
    ],
    [
      'duplicate check of a signed-in reader’s post',
      () => recentSameTextQuery(db, { ...post, author: { identityId: 'i1' } }).compile(),
      /comments_page_identity_text.*(<expr>=\?|\n\s*Index Cond: .*substr\(body_source, 1, 64\) = )/,
      { sorted: false },
    ],
  );

  // Replies are found through comments_root_replies and comments_parent,
  // which hold replies only (2026-11-30T0830-comment-index-writes).
  cases.push(
    [
      'replies after a position (how many more)',
      () => countRepliesAfterQuery(db, 'a', AT).compile(),
      /comments_root_replies/,
      { sorted: false },
    ],
    [
      'whether deleted top-level comments have replies',
      () => placeholdersWithRepliesQuery(db, ['a', 'b'], true).compile(),
      /comments_root_replies/,
      { sorted: false },
    ],
    [
      'whether deleted replies have replies',
      // One id: for a list, PostgreSQL's planner picks a page index on the
      // test's empty table (it did before comments_parent was partial too);
      // on a table with rows it takes comments_parent for a list as well.
      () => placeholdersWithRepliesQuery(db, ['a'], false).compile(),
      /comments_parent/,
      { sorted: false },
    ],
    [
      'whether a comment has replies',
      () => repliesQuery(db, 'a').compile(),
      /comments_parent/,
      { sorted: false },
    ],
    [
      'an imported reply’s own replies moving to its parent’s thread',
      () => moveRepliesQuery(db, 'a', 'r').compile(),
      /comments_root_replies/,
      { sorted: false },
    ],
    [
      'a guest’s comments that nothing replies to (erasure)',
      () => authorLeafCommentsDeletion(db, 's1', { email: 'r@example.com' }).compile(),
      // The replies of each, by parent (the author's comments by their own index).
      /comments_parent/,
      { sorted: false },
    ],
  );

  it.each(cases)('%s uses its index', async (_name, build, index, { sorted }) => {
    const query = build();
    const plan = await planOf(db, dialect, query);
    expect(plan).toMatch(index);
    // SQLite plans a parameter in the partial index's condition by its value,
    // so the plan above can't tell, but it prepares the statement again at
    // every run (~5 µs): the condition must be a literal.
    if (index.source.includes('comments_root_replies')) expect(query.sql).toMatch(/"depth" > 1\b/);
    // The same for every partial index's condition on comments (status <>
    // 'approved', depth > 1): no parameter in a term it could imply.
    if (dialect === 'sqlite') expect(query.sql).not.toMatch(/"(status|depth)" (!=|<>|>) \?/);
    if (process.env.SHOW_PLANS) console.log(plan);
    if (dialect === 'sqlite') {
      // No full scan of the comments table anywhere in the plan.
      expect(plan).not.toMatch(/^SCAN (c|comments)\b(?! USING)/m);
      if (sorted) expect(plan).not.toContain('TEMP B-TREE');
    } else {
      expect(plan).not.toMatch(/Seq Scan on comments/);
      if (sorted) expect(plan).not.toMatch(/^\s*(->\s*)?Sort\b/m);
    }
  });

  it('finds the replies of a deleted comment by index (its foreign key’s check)', async () => {
    let plan: string;
    if (dialect === 'sqlite') {
      // SQLite's plan of a deletion shows the check of the rows referring to it.
      const { rows } = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw('EXPLAIN QUERY PLAN DELETE FROM comments WHERE id = ?', ['a']),
      );
      plan = rows.map((r) => r.detail).join('\n');
      expect(plan).toMatch(
        /^SEARCH comments USING (COVERING )?INDEX comments_parent \(parent_id=\?\)$/m,
      );
      expect(plan).not.toMatch(/^SCAN comments\b/m);
    } else {
      // PostgreSQL's check is its own query (ri_triggers.c), planned once for
      // any id: its generic plan.
      plan = await db.transaction().execute(async (tx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(tx);
        await sql`SET LOCAL plan_cache_mode = force_generic_plan`.execute(tx);
        await sql`PREPARE parley_fk_check(varchar) AS SELECT 1 FROM ONLY comments x WHERE $1 OPERATOR(pg_catalog.=) parent_id FOR KEY SHARE OF x`.execute(
          tx,
        );
        const { rows } = await sql<{
          'QUERY PLAN': string;
        }>`EXPLAIN EXECUTE parley_fk_check('a')`.execute(tx);
        await sql`DEALLOCATE parley_fk_check`.execute(tx);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toMatch(/comments_parent/);
      expect(plan).not.toMatch(/Seq Scan on comments/);
    }
  });

  // The dashboard (2026-11-30T0900-dashboard-indexes): its held views and
  // counts by index, none written by a published comment. PostgreSQL's
  // generic plans (a parameter can't imply a partial index's condition).
  const dashboardCases: [string, () => CompiledQuery, RegExp, { sorted: boolean }][] = [
    [
      'the queue’s held comments, newest first',
      () => queueListQuery(db, 's1', { status: 'pending', limit: 50 }).compile(),
      /comments_site_held/,
      { sorted: true },
    ],
    [
      'the queue’s spam, searched',
      () => queueListQuery(db, 's1', { status: 'spam', q: 'Viagra', limit: 50 }).compile(),
      /comments_site_held/,
      { sorted: true },
    ],
    [
      'the queue’s counts by status',
      () => countByStatusQuery(db, 's1').compile(),
      // PostgreSQL may count through the page index as well: both start at page_id.
      /comments_page_(count|top)/,
      { sorted: false },
    ],
  ];

  it.each(dashboardCases)('%s uses its index', async (_name, build, index, { sorted }) => {
    const query = build();
    const plan =
      dialect === 'sqlite' ? await planOf(db, dialect, query) : await genericPlanOf(db, query);
    if (process.env.SHOW_PLANS) console.log(plan);
    expect(plan).toMatch(index);
    // The held index's condition, as the index writes it: a literal, not a parameter.
    if (index.source.includes('comments_site_held'))
      expect(query.sql).toMatch(/"status" <> 'approved'/);
    if (dialect === 'sqlite') {
      expect(plan).not.toMatch(/^SCAN (c|comments)\b(?! USING)/m);
      if (sorted) expect(plan).not.toContain('TEMP B-TREE');
    } else {
      expect(plan).not.toMatch(/Seq Scan on comments/);
      if (sorted) expect(plan).not.toMatch(/^\s*(->\s*)?Sort\b/m);
    }
  });

  it('finds the subscriptions to a deleted comment’s replies by index (its cascade)', async () => {
    let plan: string;
    if (dialect === 'sqlite') {
      const { rows } = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw('EXPLAIN QUERY PLAN DELETE FROM comments WHERE id = ?', ['a']),
      );
      plan = rows.map((r) => r.detail).join('\n');
      expect(plan).toMatch(
        /^SEARCH subscriptions USING (COVERING )?INDEX subscriptions_comment \(comment_id=\?\)$/m,
      );
      expect(plan).not.toMatch(/^SCAN subscriptions\b/m);
    } else {
      // PostgreSQL's cascade is its own statement (ri_triggers.c), planned once for any id.
      plan = await genericPlanOf(
        db,
        CompiledQuery.raw(
          'DELETE FROM ONLY subscriptions WHERE $1 OPERATOR(pg_catalog.=) comment_id',
          ['a'],
        ),
      );
      expect(plan).toMatch(/subscriptions_comment/);
      expect(plan).not.toMatch(/Seq Scan on subscriptions/);
    }
    if (process.env.SHOW_PLANS) console.log(plan);
  });
});
