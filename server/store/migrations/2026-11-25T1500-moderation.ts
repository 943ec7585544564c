import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// Migrations take Kysely<any>, not today's Database type (see the first one).

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('admins')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('site_members')
    .addColumn('admin_id', 'varchar(32)', (c) =>
      c.notNull().references('admins.id').onDelete('cascade'),
    )
    .addColumn('site_id', 'varchar(64)', (c) =>
      c.notNull().references('sites.id').onDelete('cascade'),
    )
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addPrimaryKeyConstraint('site_members_pk', ['admin_id', 'site_id'])
    .execute();

  await db.schema
    .createTable('admin_sessions')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('admin_id', 'varchar(32)', (c) =>
      c.notNull().references('admins.id').onDelete('cascade'),
    )
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  // Why a comment was held or marked spam, for the moderator (JSON array).
  await db.schema.alterTable('comments').addColumn('moderation_reasons', 'text').execute();
  // SHA-256 of the key a guest's browser keeps (a partitioned cookie), so the
  // guest sees their own held comments and can edit them.
  await db.schema.alterTable('comments').addColumn('author_key_hash', 'varchar(64)').execute();
  await db.schema.alterTable('comments').addColumn('edited_at', 'varchar(32)').execute();
  // Set when the author deleted a comment that has replies: it stays as a placeholder.
  await db.schema.alterTable('comments').addColumn('deleted_at', 'varchar(32)').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').dropColumn('deleted_at').execute();
  await db.schema.alterTable('comments').dropColumn('edited_at').execute();
  await db.schema.alterTable('comments').dropColumn('author_key_hash').execute();
  await db.schema.alterTable('comments').dropColumn('moderation_reasons').execute();
  await db.schema.dropTable('admin_sessions').execute();
  await db.schema.dropTable('site_members').execute();
  await db.schema.dropTable('admins').execute();
}
