/** The moderation queue's reads and bulk status changes over a site's comments. */
import { sql } from 'kysely';
import type { CommentStatus } from '../../contract/dashboard.ts';
import type { Db } from '../store/db.ts';

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function queueQuery(db: Db, siteId: string) {
  return (
    db
      .selectFrom('comments as c')
      .innerJoin('pages as p', 'p.id', 'c.page_id')
      .leftJoin('comments as parent', 'parent.id', 'c.parent_id')
      .select([
        'c.id',
        'c.status',
        'c.body_html',
        'c.body_source',
        'c.created_at',
        'c.author_name',
        'c.author_anonymous',
        'c.author_email',
        'c.author_url',
        'c.author_provider',
        'c.avatar_key',
        'c.ip',
        'c.moderation_reasons',
        'p.url as page_url',
        'p.title as page_title',
        'parent.id as parent_id',
        'parent.author_name as parent_author',
        'parent.author_anonymous as parent_author_anonymous',
        'parent.author_url as parent_author_url',
        'parent.author_provider as parent_author_provider',
        'parent.avatar_key as parent_avatar_key',
        'parent.body_source as parent_source',
      ])
      .where('c.site_id', '=', siteId)
      // A deleted comment's placeholder (kept for its replies) has nothing to moderate.
      .where('c.deleted_at', 'is', null)
  );
}

/** A comment with what the queue shows beside it: its page and the comment it replies to. */
export type QueueRow = Awaited<
  ReturnType<ReturnType<typeof queueQuery>['executeTakeFirstOrThrow']>
>;

/**
 * The queue's list (its plan is checked in thread.plans.test.ts): a held
 * status is read through comments_site_held, whose condition it repeats with
 * literals (2026-11-30T0900-dashboard-indexes). Published comments and "all"
 * are read through the site's rows of the table: an index of every comment by
 * site would cost every new comment one more write.
 */
export function queueListQuery(
  db: Db,
  siteId: string,
  filter: { status: CommentStatus | 'all'; q?: string | undefined; limit: number },
) {
  let query = queueQuery(db, siteId);
  if (filter.status !== 'all') query = query.where('c.status', '=', filter.status);
  if (filter.status !== 'all' && filter.status !== 'approved') {
    // Implied by the status above; the held index's own terms, written as it is.
    query = query.where(sql<boolean>`${sql.ref('c.status')} <> 'approved'`);
  }
  if (filter.q) {
    const pattern = likePattern(filter.q);
    query = query.where((eb) =>
      eb.or(
        ['c.body_source', 'c.author_name', 'c.author_email', 'c.ip'].map((column) =>
          eb(sql`lower(${sql.ref(column)})`, 'like', sql`${pattern} escape '\\'`),
        ),
      ),
    );
  }
  return query.orderBy('c.created_at', 'desc').limit(filter.limit);
}

/** A site's comments in one status (newest first), optionally matching text, author, email or IP. */
export async function selectQueue(
  db: Db,
  siteId: string,
  filter: { status: CommentStatus | 'all'; q?: string | undefined; limit: number },
): Promise<QueueRow[]> {
  return queueListQuery(db, siteId, filter).execute();
}

/**
 * The count by status (its plan is checked in thread.plans.test.ts), through
 * the site's pages and each page's comments_page_count, from the indexes
 * alone: a comment's site is always its page's (both are set from the page
 * when it is written, by a post or an import).
 */
export function countByStatusQuery(db: Db, siteId: string) {
  return db
    .selectFrom('pages as p')
    .innerJoin('comments as c', 'c.page_id', 'p.id')
    .select(['c.status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('p.site_id', '=', siteId)
    .where('c.deleted_at', 'is', null)
    .groupBy('c.status');
}

/** How many of the site's comments (not deleted ones' placeholders) are in each status. */
export async function countByStatus(
  db: Db,
  siteId: string,
): Promise<{ status: CommentStatus; n: number }[]> {
  const rows = await countByStatusQuery(db, siteId).execute();
  return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
}

/** One comment of the site as the queue shows it (undefined for another site's). */
export async function findQueueRow(
  db: Db,
  siteId: string,
  id: string,
): Promise<QueueRow | undefined> {
  return queueQuery(db, siteId).where('c.id', '=', id).executeTakeFirst();
}

/** Sets the status of those of `ids` that belong to the site; returns how many changed. */
export async function setCommentStatus(
  db: Db,
  siteId: string,
  ids: readonly string[],
  status: CommentStatus,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('comments')
    .set({ status, updated_at: new Date().toISOString() })
    .where('site_id', '=', siteId)
    .where('id', 'in', [...ids])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * The site's comments among `ids` not already in `status`, with what Akismet
 * was told about them when they were checked.
 */
export async function listForAkismetFeedback(
  db: Db,
  siteId: string,
  ids: readonly string[],
  status: CommentStatus,
) {
  return db
    .selectFrom('comments as c')
    .innerJoin('pages as p', 'p.id', 'c.page_id')
    .select([
      'c.id',
      'c.status',
      'c.moderation_reasons',
      'c.body_source',
      'c.author_name',
      'c.author_email',
      'c.author_url',
      'c.author_provider',
      'c.identity_id',
      'c.ip',
      'c.user_agent',
      'p.url as page_url',
      'p.title as page_title',
    ])
    .where('c.site_id', '=', siteId)
    .where('c.id', 'in', [...ids])
    .where('c.status', '!=', status)
    .execute();
}
