import { type Kysely, sql } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// Every new comment was written to eight indexes (docs/performance.md,
// session 19): the biggest single cost of a guest POST, and each index's
// page one more page for the commit to write. Three wrote for nothing:
// - comments_page_status_created: no query reads it since the read path's
//   indexes (2026-11-29T2200-read-path); every query of a page and status is
//   served by comments_page_count, which starts with the same columns.
// - comments_root_replies held every top-level comment too (its root_id is
//   its own id, a random place in the index), yet only replies are ever read
//   through it: every query by root_id asks for `depth > 1`, written as a
//   literal (SQLite uses a partial index only when the query repeats its
//   condition; a bound parameter would re-prepare the statement at each run).
// - comments_parent held every top-level comment under NULL, which no lookup
//   by parent_id can match; `parent_id = ?` (the foreign key's check of a
//   deleted comment included) implies the condition on both dialects.

// biome-ignore lint/suspicious/noExplicitAny: migrations predate today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_page_status_created').execute();
  await db.schema.dropIndex('comments_root_replies').execute();
  await db.schema
    .createIndex('comments_root_replies')
    .on('comments')
    .columns(['root_id', 'status', 'created_at', 'id'])
    .where(sql<boolean>`${sql.ref('depth')} > 1`)
    .execute();
  await db.schema.dropIndex('comments_parent').execute();
  await db.schema
    .createIndex('comments_parent')
    .on('comments')
    .column('parent_id')
    .where('parent_id', 'is not', null)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_parent').execute();
  await db.schema.createIndex('comments_parent').on('comments').column('parent_id').execute();
  await db.schema.dropIndex('comments_root_replies').execute();
  await db.schema
    .createIndex('comments_root_replies')
    .on('comments')
    .columns(['root_id', 'status', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('comments_page_status_created')
    .on('comments')
    .columns(['page_id', 'status', 'created_at'])
    .execute();
}
