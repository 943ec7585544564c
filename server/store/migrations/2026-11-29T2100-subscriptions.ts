import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// Reply notifications (issue 12): who asked to be emailed about new replies
// to their comment, or about new comments on a page. A row is a promise to
// email only once it is confirmed (double opt-in); unsubscribing deletes it.
// `notified_comments` marks a published comment whose emails went out, so an
// approval, a spam/approve flip or a relay taking over a claim never sends
// the same reply twice.

// biome-ignore lint/suspicious/noExplicitAny: migrations predate today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('subscriptions')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('site_id', 'varchar(64)', (c) =>
      c.notNull().references('sites.id').onDelete('cascade'),
    )
    .addColumn('page_id', 'varchar(32)', (c) =>
      c.notNull().references('pages.id').onDelete('cascade'),
    )
    // Replies to this comment; null: every new comment on the page.
    .addColumn('comment_id', 'varchar(32)', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    // The signed-in subscriber (a reply by the same identity is not sent to them).
    .addColumn('identity_id', 'varchar(32)', (c) =>
      c.references('identities.id').onDelete('cascade'),
    )
    .addColumn('locale', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('confirmed_at', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('subscriptions_page')
    .on('subscriptions')
    .columns(['page_id', 'comment_id'])
    .execute();
  await db.schema
    .createIndex('subscriptions_email')
    .on('subscriptions')
    .columns(['site_id', 'email'])
    .execute();
  await db.schema
    .createTable('notified_comments')
    .addColumn('comment_id', 'varchar(32)', (c) =>
      c.primaryKey().references('comments.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notified_comments').execute();
  await db.schema.dropTable('subscriptions').execute();
}
