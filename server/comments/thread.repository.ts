/**
 * The read path of a thread (issue 10): one page of top-level comments, the
 * first replies under each, more replies of one comment, a page's published
 * count, a reader's own comments. Every query is an index range (see the
 * read-path migration and thread.plans.test.ts): its cost follows the page
 * asked for, not the size of the thread or of the site.
 */
import { type ExpressionBuilder, sql } from 'kysely';
import type { CommentRow, Database } from '../store/database.ts';
import type { Db } from '../store/db.ts';

/** What a public listing reads of a comment: never its source, IP or browser. */
const LISTED = [
  'c.id',
  'c.parent_id',
  'c.root_id',
  'c.created_at',
  'c.body_html',
  'c.author_name',
  'c.author_anonymous',
  'c.author_url',
  'c.avatar_key',
  'c.author_provider',
  'c.status',
  'c.edited_at',
  'c.deleted_at',
  'c.author_key_hash',
] as const;

export type ListedRow = Pick<
  CommentRow,
  | 'id'
  | 'parent_id'
  | 'root_id'
  | 'created_at'
  | 'body_html'
  | 'author_name'
  | 'author_anonymous'
  | 'author_url'
  | 'avatar_key'
  | 'author_provider'
  | 'status'
  | 'edited_at'
  | 'deleted_at'
  | 'author_key_hash'
>;

/** A reply row with its place under its top-level comment and how many there are. */
export type ReplyRow = ListedRow & { rn: number; of: number };

/** A position in time order: (created_at, id), the keyset of every listing. */
export interface Position {
  createdAt: string;
  id: string;
}

export type Sort = 'oldest' | 'newest';

// Replies are deeper than 1. Written as a literal, never a parameter:
// comments_root_replies holds replies only (its condition is `depth > 1`,
// 2026-11-30T0830-comment-index-writes), and SQLite uses a partial index only
// for a query that repeats its condition (a parameter's value would make it
// re-prepare the statement at every run).
export const REPLY_DEPTH = sql.lit(1);

// The comments table under the alias every read-path query uses.
type Eb = ExpressionBuilder<Database & { c: Database['comments'] }, 'c'>;

function after(eb: Eb, sort: Sort, from: Position) {
  return eb(
    eb.refTuple('c.created_at', 'c.id'),
    sort === 'oldest' ? '>' : '<',
    eb.tuple(from.createdAt, from.id),
  );
}

/** The query of one page of a page's published top-level comments (`limit + 1` rows: one tells there is more). */
export function topLevelQuery(
  db: Db,
  pageId: string,
  sort: Sort,
  from: Position | null,
  limit: number,
) {
  const dir = sort === 'oldest' ? 'asc' : 'desc';
  return db
    .selectFrom('comments as c')
    .select(LISTED)
    .where('c.page_id', '=', pageId)
    .where('c.depth', '=', 1)
    .where('c.status', '=', 'approved')
    .$if(from !== null, (q) => q.where((eb) => after(eb, sort, from as Position)))
    .orderBy('c.created_at', dir)
    .orderBy('c.id', dir)
    .limit(limit + 1);
}

export function listTopLevel(
  db: Db,
  pageId: string,
  sort: Sort,
  from: Position | null,
  limit: number,
): Promise<ListedRow[]> {
  return topLevelQuery(db, pageId, sort, from, limit).execute();
}

/**
 * The query of the first `limit` published replies under each of `rootIds`,
 * oldest first, each with its rank and its thread's reply count (`of`), so
 * "Show N more replies" needs no query of its own.
 */
export function firstRepliesQuery(db: Db, rootIds: readonly string[], limit: number) {
  const ranked = db
    .selectFrom('comments as c')
    .select(LISTED)
    .select((eb) => [
      eb.fn
        .agg<number>('row_number')
        .over((ob) => ob.partitionBy('c.root_id').orderBy('c.created_at').orderBy('c.id'))
        .as('rn'),
      eb.fn
        .countAll<number>()
        .over((ob) => ob.partitionBy('c.root_id'))
        .as('of'),
    ])
    .where('c.root_id', 'in', [...rootIds])
    .where('c.status', '=', 'approved')
    .where('c.depth', '>', REPLY_DEPTH);
  return db
    .selectFrom(ranked.as('r'))
    .selectAll()
    .where('r.rn', '<=', limit)
    .orderBy('r.root_id')
    .orderBy('r.rn');
}

export async function listFirstReplies(
  db: Db,
  rootIds: readonly string[],
  limit: number,
): Promise<ReplyRow[]> {
  if (rootIds.length === 0) return [];
  const rows = await firstRepliesQuery(db, rootIds, limit).execute();
  // PostgreSQL's count and row_number are bigints, which pg hands over as text.
  return rows.map((r) => ({ ...r, rn: Number(r.rn), of: Number(r.of) }));
}

/** The query of the published replies under one top-level comment after a position (`limit + 1` rows). */
export function moreRepliesQuery(db: Db, rootId: string, from: Position | null, limit: number) {
  return db
    .selectFrom('comments as c')
    .select(LISTED)
    .where('c.root_id', '=', rootId)
    .where('c.status', '=', 'approved')
    .where('c.depth', '>', REPLY_DEPTH)
    .$if(from !== null, (q) => q.where((eb) => after(eb, 'oldest', from as Position)))
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(limit + 1);
}

export function listMoreReplies(
  db: Db,
  rootId: string,
  from: Position | null,
  limit: number,
): Promise<ListedRow[]> {
  return moreRepliesQuery(db, rootId, from, limit).execute();
}

/** The query counting the published replies under a top-level comment after a position. */
export function countRepliesAfterQuery(db: Db, rootId: string, from: Position) {
  return db
    .selectFrom('comments as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.root_id', '=', rootId)
    .where('c.status', '=', 'approved')
    .where('c.depth', '>', REPLY_DEPTH)
    .where((eb) => after(eb, 'oldest', from));
}

/** How many published replies under a top-level comment come after a position. */
export async function countRepliesAfter(db: Db, rootId: string, from: Position): Promise<number> {
  const row = await countRepliesAfterQuery(db, rootId, from).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The query of placeholdersWithReplies (its plan is checked in thread.plans.test.ts). */
export function placeholdersWithRepliesQuery(db: Db, ids: readonly string[], topLevel: boolean) {
  const under = db.selectFrom('comments as c').where('c.status', '=', 'approved');
  return topLevel
    ? under
        .select('c.root_id as id')
        .where('c.root_id', 'in', [...ids])
        .where('c.depth', '>', REPLY_DEPTH)
        .where('c.deleted_at', 'is', null)
        .distinct()
    : under
        .select('c.parent_id as id')
        .where('c.parent_id', 'in', [...ids])
        .distinct();
}

/**
 * Which of these deleted comments' placeholders still have something
 * published under them: for top-level ones any reply in their thread, for
 * replies a direct reply. A placeholder without is not listed. Placeholders
 * are rare, so this runs only when a page holds some.
 */
export async function placeholdersWithReplies(
  db: Db,
  ids: readonly string[],
  topLevel: boolean,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await placeholdersWithRepliesQuery(db, ids, topLevel).execute();
  return new Set(rows.map((r) => r.id ?? ''));
}

/** The query counting a page's published comments (not held ones, nor placeholders). */
export function publishedCountQuery(db: Db, pageId: string) {
  return db
    .selectFrom('comments as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.page_id', '=', pageId)
    .where('c.status', '=', 'approved')
    .where('c.deleted_at', 'is', null);
}

export async function countPublished(db: Db, pageId: string): Promise<number> {
  const row = await publishedCountQuery(db, pageId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A top-level comment of a page, any status (to check a "more replies" request). */
export async function findTopLevel(
  db: Db,
  pageId: string,
  id: string,
): Promise<Pick<CommentRow, 'id' | 'status'> | undefined> {
  return db
    .selectFrom('comments as c')
    .select(['c.id', 'c.status'])
    .where('c.id', '=', id)
    .where('c.page_id', '=', pageId)
    .where('c.depth', '=', 1)
    .executeTakeFirst();
}

/** Own comment rows carry the source: their author may edit them. */
export type OwnRow = ListedRow & Pick<CommentRow, 'body_source' | 'depth'>;

/**
 * The query of one reader's comments on a page that differ for them from
 * what everyone sees: held ones (pending, spam), and published ones they may
 * still edit (created after `editableSince`).
 */
export function ownCommentsQuery(db: Db, pageId: string, keyHash: string, editableSince: string) {
  return db
    .selectFrom('comments as c')
    .select(LISTED)
    .select(['c.body_source', 'c.depth'])
    .where('c.author_key_hash', '=', keyHash)
    .where('c.page_id', '=', pageId)
    .where('c.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('c.status', 'in', ['pending', 'spam']),
        eb.and([eb('c.status', '=', 'approved'), eb('c.created_at', '>', editableSince)]),
      ]),
    )
    .orderBy('c.created_at')
    .orderBy('c.id');
}

export function listOwnComments(
  db: Db,
  pageId: string,
  keyHash: string,
  editableSince: string,
): Promise<OwnRow[]> {
  return ownCommentsQuery(db, pageId, keyHash, editableSince).execute();
}

/** Published comments per page key of a site, for those of `pageKeys` that have a page. */
export async function countPublishedByPageKey(
  db: Db,
  siteId: string,
  pageKeys: readonly string[],
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('pages as p')
    .innerJoin('comments as c', 'c.page_id', 'p.id')
    .select((eb) => ['p.page_key', eb.fn.countAll<number>().as('n')])
    .where('p.site_id', '=', siteId)
    .where('p.page_key', 'in', [...pageKeys])
    .where('c.status', '=', 'approved')
    .where('c.deleted_at', 'is', null)
    .groupBy('p.page_key')
    .execute();
  return new Map(rows.map((r) => [r.page_key, Number(r.n)]));
}
