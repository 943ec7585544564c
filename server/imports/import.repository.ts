/**
 * The imports' SQL: import keys (idempotency and parent lookup) and the
 * comment rows they point at.
 */
import { REPLY_DEPTH } from '../comments/thread.repository.ts';
import type { CommentRow, NewComment } from '../store/database.ts';
import type { Db } from '../store/db.ts';

/** The subset of `sourceIds` already imported into the site from this source. */
export async function findImportedIds(
  db: Db,
  siteId: string,
  source: string,
  sourceIds: string[],
): Promise<Set<string>> {
  if (sourceIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('import_keys')
    .select('source_id')
    .where('site_id', '=', siteId)
    .where('source', '=', source)
    .where('source_id', 'in', sourceIds)
    .execute();
  return new Set(rows.map((r) => r.source_id));
}

/** The stored comment a source id was imported as (undefined if never, or since removed). */
export async function findImportedComment(
  db: Db,
  siteId: string,
  source: string,
  sourceId: string,
): Promise<Pick<CommentRow, 'id' | 'page_id' | 'depth' | 'parent_id' | 'root_id'> | undefined> {
  return db
    .selectFrom('import_keys')
    .innerJoin('comments', 'comments.id', 'import_keys.comment_id')
    .select([
      'comments.id',
      'comments.page_id',
      'comments.depth',
      'comments.parent_id',
      'comments.root_id',
    ])
    .where('import_keys.site_id', '=', siteId)
    .where('import_keys.source', '=', source)
    .where('import_keys.source_id', '=', sourceId)
    .executeTakeFirst();
}

export async function findCommentPlace(
  db: Db,
  id: string,
): Promise<
  | (Pick<CommentRow, 'id' | 'page_id' | 'depth' | 'parent_id' | 'root_id'> & { page_key: string })
  | undefined
> {
  return db
    .selectFrom('comments')
    .innerJoin('pages', 'pages.id', 'comments.page_id')
    .select([
      'comments.id',
      'comments.page_id',
      'comments.depth',
      'comments.parent_id',
      'comments.root_id',
      'pages.page_key',
    ])
    .where('comments.id', '=', id)
    .executeTakeFirst();
}

/** Stores an imported comment and the key that makes importing it again a no-op. */
export async function insertImportedComment(
  db: Db,
  comment: NewComment,
  key: { source: string; sourceId: string; waitingForParent: string | null },
): Promise<void> {
  await db.insertInto('comments').values(comment).execute();
  await db
    .insertInto('import_keys')
    .values({
      site_id: comment.site_id,
      source: key.source,
      source_id: key.sourceId,
      comment_id: comment.id,
      parent_source_id: key.waitingForParent,
    })
    .execute();
}

/** Replies imported before their parent, a page of them at a time. */
export async function listWaitingReplies(
  db: Db,
  siteId: string,
  source: string,
  limit: number,
  afterSourceId: string,
): Promise<{ sourceId: string; commentId: string; parentSourceId: string }[]> {
  const rows = await db
    .selectFrom('import_keys')
    .select(['source_id', 'comment_id', 'parent_source_id'])
    .where('site_id', '=', siteId)
    .where('source', '=', source)
    .where('parent_source_id', 'is not', null)
    .where('source_id', '>', afterSourceId)
    .orderBy('source_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    sourceId: r.source_id,
    commentId: r.comment_id,
    parentSourceId: r.parent_source_id as string,
  }));
}

/**
 * Moves the replies under `commentId` into the thread of `rootId`. Found
 * through comments_root_replies, which holds replies only: its condition
 * repeated as a literal (see thread.repository.ts). Its plan is checked in
 * thread.plans.test.ts.
 */
export function moveRepliesQuery(db: Db, commentId: string, rootId: string) {
  return db
    .updateTable('comments')
    .set({ root_id: rootId })
    .where('root_id', '=', commentId)
    .where('depth', '>', REPLY_DEPTH);
}

/** Hangs a reply under the parent it waited for (or leaves it top-level) and stops waiting. */
export async function settleWaitingReply(
  db: Db,
  key: { siteId: string; source: string; sourceId: string },
  place: { commentId: string; parentId: string | null; depth: number; rootId: string } | null,
): Promise<void> {
  if (place) {
    // It was top-level while it waited: it and the replies under it join its parent's thread.
    await db
      .updateTable('comments')
      .set({ parent_id: place.parentId, depth: place.depth, root_id: place.rootId })
      .where('id', '=', place.commentId)
      .execute();
    await moveRepliesQuery(db, place.commentId, place.rootId).execute();
  }
  await db
    .updateTable('import_keys')
    .set({ parent_source_id: null })
    .where('site_id', '=', key.siteId)
    .where('source', '=', key.source)
    .where('source_id', '=', key.sourceId)
    .execute();
}
