import type { CommentRow, NewComment } from '../store/database.ts';
import type { Db } from '../store/db.ts';

/** Published comments of a page, oldest first. */
export async function listApprovedComments(db: Db, pageId: string): Promise<CommentRow[]> {
  return db
    .selectFrom('comments')
    .selectAll()
    .where('page_id', '=', pageId)
    .where('status', '=', 'approved')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findComment(db: Db, id: string): Promise<CommentRow | undefined> {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertComment(db: Db, comment: NewComment): Promise<CommentRow> {
  await db.insertInto('comments').values(comment).execute();
  const row = await findComment(db, comment.id);
  if (!row) throw new Error('comment vanished right after it was written');
  return row;
}
