/**
 * The exports' SQL: a site's pages and comments, a page at a time (keyset
 * pagination), so an export of any size streams.
 */
import type { CommentRow, PageRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';

/** Pages of the site after `afterKey` (by page key), `limit` at a time. */
export async function listPagesAfter(
  db: Db,
  siteId: string,
  afterKey: string | null,
  limit: number,
): Promise<PageRow[]> {
  let query = db.selectFrom('pages').selectAll().where('site_id', '=', siteId);
  if (afterKey !== null) query = query.where('page_key', '>', afterKey);
  return query.orderBy('page_key').limit(limit).execute();
}

/** Every comment of one page, oldest first (parents before their replies). */
export async function listPageComments(db: Db, pageId: string): Promise<CommentRow[]> {
  return db
    .selectFrom('comments')
    .selectAll()
    .where('page_id', '=', pageId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
