import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// The duplicate check of every post ("did this author post this text on this
// page in the last 7 days", comment.repository.ts hasRecentSameText) read
// every comment of the page through the page's other indexes: on a page with
// thousands of comments that was the slowest statement of a guest POST
// (docs/performance.md). These find the author's own comments on the page;
// the author first, so no query of a page alone takes them for its own.

// biome-ignore lint/suspicious/noExplicitAny: migrations predate today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('comments_page_author_email')
    .on('comments')
    .columns(['author_email', 'page_id'])
    .execute();
  // Signed-in authors are matched by identity; guests' comments have none.
  await db.schema
    .createIndex('comments_page_identity')
    .on('comments')
    .columns(['identity_id', 'page_id'])
    .where('identity_id', 'is not', null)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_page_identity').execute();
  await db.schema.dropIndex('comments_page_author_email').execute();
}
