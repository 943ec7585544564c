import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// The read path of big threads (issue 10): a page of top-level comments and
// their replies is read by index, never by loading the whole thread.
// Migrations take Kysely<any>, not today's Database type (see the first one).
// Pictures need nothing here: each comment's avatar key is stored when it is
// written (2026-11-29T2000-avatars), so nothing is computed per read.

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function up(db: Kysely<any>): Promise<void> {
  // The top-level comment a reply belongs to (its own id for a top-level
  // one), so a page's replies are one index range per top-level comment.
  await db.schema.alterTable('comments').addColumn('root_id', 'varchar(32)').execute();
  await db
    .updateTable('comments')
    .set((eb) => ({ root_id: eb.ref('id') }))
    .where('parent_id', 'is', null)
    .execute();
  // Replies nest at most 10 deep (SiteSettings.maxDepth); one level per round.
  for (let round = 0; round < 12; round++) {
    const result = await db
      .updateTable('comments')
      .set((eb) => ({
        root_id: eb
          .selectFrom('comments as parent')
          .select('parent.root_id')
          .whereRef('parent.id', '=', 'comments.parent_id'),
      }))
      .where('root_id', 'is', null)
      .where((eb) =>
        eb(
          'parent_id',
          'in',
          eb
            .selectFrom('comments as parent')
            .select('parent.id')
            .where('parent.root_id', 'is not', null),
        ),
      )
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) break;
  }

  // A page of top-level comments, published, in time order (both directions).
  await db.schema
    .createIndex('comments_page_top')
    .on('comments')
    .columns(['page_id', 'depth', 'status', 'created_at', 'id'])
    .execute();
  // The replies under one top-level comment, in time order.
  await db.schema
    .createIndex('comments_root_replies')
    .on('comments')
    .columns(['root_id', 'status', 'created_at', 'id'])
    .execute();
  // A page's published count, from the index alone.
  await db.schema
    .createIndex('comments_page_count')
    .on('comments')
    .columns(['page_id', 'status', 'deleted_at'])
    .execute();
  // Whether a comment has replies (placeholders of deleted ones, deletion).
  await db.schema.createIndex('comments_parent').on('comments').column('parent_id').execute();
  // A reader's own comments on a page (held ones, the edit window).
  await db.schema
    .createIndex('comments_author_key_page')
    .on('comments')
    .columns(['author_key_hash', 'page_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'comments_author_key_page',
    'comments_parent',
    'comments_page_count',
    'comments_root_replies',
    'comments_page_top',
  ]) {
    await db.schema.dropIndex(name).execute();
  }
  await db.schema.alterTable('comments').dropColumn('root_id').execute();
}
