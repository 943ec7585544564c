/**
 * Every query of the thread's read path runs on an index, on both dialects
 * (issue 10: "indexes for every query on the read path"), and so does the
 * duplicate check of every post. The plans are read
 * with EXPLAIN, so a change that loses an index fails here, not in production.
 */
import { type CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { recentSameTextQuery } from './comment.repository.ts';
import {
  firstRepliesQuery,
  moreRepliesQuery,
  ownCommentsQuery,
  publishedCountQuery,
  topLevelQuery,
} from './thread.repository.ts';

const AT = { createdAt: '2026-11-29T12:00:00.000Z', id: 'abcdefghijkl' };

/** The plan as text: SQLite's EXPLAIN QUERY PLAN details, PostgreSQL's EXPLAIN lines. */
async function planOf(db: Db, dialect: string, query: CompiledQuery): Promise<string> {
  const params = query.parameters as unknown[];
  if (dialect === 'sqlite') {
    const { rows } = await sql<{
      detail: string;
    }>`EXPLAIN QUERY PLAN ${sql.raw(query.sql.replace(/\?/g, () => literal(params.shift())))}`.execute(
      db,
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

  it.each(cases)('%s uses its index', async (_name, build, index, { sorted }) => {
    const plan = await planOf(db, dialect, build());
    expect(plan).toMatch(index);
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
});
