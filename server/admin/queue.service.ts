/**
 * What moderators see and do: comments of one site by status, with the
 * pipeline's reasons, their page and parent, and bulk status changes.
 */
import { sql } from 'kysely';
import {
  type CommentStatus,
  type ModerationAction,
  type QueueItem,
  RESULT_OF,
} from '../../contract/dashboard.ts';
import { AppError } from '../errors.ts';

export type { ModerationAction, QueueItem };

import type { Db } from '../store/db.ts';

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function queueQuery(db: Db, siteId: string) {
  return db
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
      'c.author_email',
      'c.author_url',
      'c.author_provider',
      'c.ip',
      'c.moderation_reasons',
      'p.url as page_url',
      'p.title as page_title',
      'parent.id as parent_id',
      'parent.author_name as parent_author',
      'parent.body_source as parent_source',
    ])
    .where('c.site_id', '=', siteId);
}

type QueueRow = Awaited<ReturnType<ReturnType<typeof queueQuery>['executeTakeFirstOrThrow']>>;

function presentQueueItem(r: QueueRow): QueueItem {
  return {
    id: r.id,
    status: r.status,
    html: r.body_html,
    source: r.body_source,
    createdAt: r.created_at,
    author: {
      name: r.author_name,
      email: r.author_email,
      url: r.author_url,
      provider: r.author_provider,
      ip: r.ip,
    },
    page: { url: r.page_url, title: r.page_title },
    parent: r.parent_id
      ? {
          id: r.parent_id,
          authorName: r.parent_author ?? '',
          excerpt: (r.parent_source ?? '').slice(0, 200),
        }
      : null,
    reasons: r.moderation_reasons ? (JSON.parse(r.moderation_reasons) as QueueItem['reasons']) : [],
  };
}

/** A site's comments in one status (newest first), optionally matching text, author, email or IP. */
export async function listQueue(
  db: Db,
  siteId: string,
  filter: { status: CommentStatus | 'all'; q?: string | undefined; limit: number },
): Promise<QueueItem[]> {
  let query = queueQuery(db, siteId);
  if (filter.status !== 'all') query = query.where('c.status', '=', filter.status);
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
  const rows = await query.orderBy('c.created_at', 'desc').limit(filter.limit).execute();
  return rows.map(presentQueueItem);
}

/** One comment of the site as the queue shows it, or 404 (also for another site's comment). */
export async function findQueueItem(db: Db, siteId: string, id: string): Promise<QueueItem> {
  const row = await queueQuery(db, siteId).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError(404, 'not_found', 'No comment with that id on this site');
  return presentQueueItem(row);
}

/** Applies one action to many comments of the site; ids of other sites are ignored. */
export async function moderate(
  db: Db,
  siteId: string,
  ids: string[],
  action: ModerationAction,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('comments')
    .set({ status: RESULT_OF[action], updated_at: new Date().toISOString() })
    .where('site_id', '=', siteId)
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
