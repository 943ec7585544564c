import { type Kysely, sql } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// The duplicate check of every post (comment.repository.ts
// recentSameTextQuery) found the author's comments on the page by
// 2026-11-29T2350-duplicate-check's indexes, then read them one by one to
// compare their text: on the bench's page, where 13 authors had written
// thousands of comments, it was the slowest statement of a guest POST
// (docs/performance.md). These indexes add the text's first 64 characters,
// so the check reads only the comments that start like the new one. A prefix
// rather than a hash: substr is built into both dialects, so nothing else
// (an import, an edit, an SQLite shell) has to compute a column for every
// write. The query repeats the expression exactly (SQLite matches an
// expression index only by its text). Same leading columns as the indexes
// they replace, so every query those served, these serve.
const TEXT_PREFIX = sql`substr(body_source, 1, 64)`;

// biome-ignore lint/suspicious/noExplicitAny: migrations predate today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('comments_page_author_email_text')
    .on('comments')
    .columns(['author_email', 'page_id'])
    .expression(TEXT_PREFIX)
    .execute();
  // Signed-in authors are matched by identity; guests' comments have none.
  await db.schema
    .createIndex('comments_page_identity_text')
    .on('comments')
    .columns(['identity_id', 'page_id'])
    .expression(TEXT_PREFIX)
    .where('identity_id', 'is not', null)
    .execute();
  await db.schema.dropIndex('comments_page_identity').execute();
  await db.schema.dropIndex('comments_page_author_email').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('comments_page_author_email')
    .on('comments')
    .columns(['author_email', 'page_id'])
    .execute();
  await db.schema
    .createIndex('comments_page_identity')
    .on('comments')
    .columns(['identity_id', 'page_id'])
    .where('identity_id', 'is not', null)
    .execute();
  await db.schema.dropIndex('comments_page_identity_text').execute();
  await db.schema.dropIndex('comments_page_author_email_text').execute();
}
