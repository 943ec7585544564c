import type { CommentRow, NewComment } from '../store/database.ts';
import type { Db } from '../store/db.ts';

/**
 * A page's comments as one viewer may see them, oldest first: the published
 * ones, and their own held ones (pending or spam) when `viewerKeyHash` is set.
 */
export async function listVisibleComments(
  db: Db,
  pageId: string,
  viewerKeyHash: string | null,
): Promise<CommentRow[]> {
  return db
    .selectFrom('comments')
    .selectAll()
    .where('page_id', '=', pageId)
    .where((eb) =>
      viewerKeyHash
        ? eb.or([
            eb('status', '=', 'approved'),
            eb.and([
              eb('status', 'in', ['pending', 'spam']),
              eb('author_key_hash', '=', viewerKeyHash),
            ]),
          ])
        : eb('status', '=', 'approved'),
    )
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
