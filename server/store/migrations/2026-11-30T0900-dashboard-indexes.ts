import { type Kysely, sql } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// The dashboard read the whole comments table: its queue and its tabs'
// counts filter by site, and no index of comments starts with site_id
// (docs/performance.md, session 19). An index on site_id would be one more
// write for every new comment, and a guest's post is the one benchmark we
// still miss, so this indexes only what a published comment never is:
// - comments_site_held: the queue's held views (pending, the default tab;
//   spam; trash), newest first. A published comment, and a deleted one's
//   placeholder, are not in it. The queries repeat the condition as written
//   here, with literals (SQLite uses a partial index only when the query
//   holds its terms; PostgreSQL's generic plan only when they are not
//   parameters). The counts read the site's pages' comments_page_count.
// - subscriptions_comment: the subscriptions to replies to a comment, which
//   each deleted comment's foreign key (ON DELETE CASCADE) looked for by
//   reading every subscription. Page subscriptions (no comment) are not in it;
//   `comment_id = ?` implies the condition on both dialects.

// biome-ignore lint/suspicious/noExplicitAny: migrations predate today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('comments_site_held')
    .on('comments')
    .columns(['site_id', 'status', 'created_at'])
    .where(sql<boolean>`${sql.ref('status')} <> 'approved'`)
    .where(sql<boolean>`${sql.ref('deleted_at')} is null`)
    .execute();
  await db.schema
    .createIndex('subscriptions_comment')
    .on('subscriptions')
    .column('comment_id')
    .where('comment_id', 'is not', null)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('subscriptions_comment').execute();
  await db.schema.dropIndex('comments_site_held').execute();
}
