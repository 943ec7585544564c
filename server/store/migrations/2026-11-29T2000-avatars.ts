import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// Pictures are served from Parley's own origin (issue 12): `avatars` holds
// what each public key stands for and the fetched image; comments and
// identities point at a key. Existing rows get their keys at start-up
// (server/avatars/avatar-backfill.ts): the key needs the server's secret,
// which a migration doesn't have.

// biome-ignore lint/suspicious/noExplicitAny: migrations predate today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('avatars')
    .addColumn('key', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('site_id', 'varchar(64)')
    .addColumn('source_url', 'text')
    .addColumn('initials', 'varchar(16)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(32)')
    // base64: one column type on every dialect; pictures are capped at 256 KB.
    .addColumn('body', 'text')
    .addColumn('fetched_at', 'varchar(32)')
    .addColumn('failed_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('comments').addColumn('avatar_key', 'varchar(32)').execute();
  await db.schema.alterTable('identities').addColumn('avatar_key', 'varchar(32)').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('identities').dropColumn('avatar_key').execute();
  await db.schema.alterTable('comments').dropColumn('avatar_key').execute();
  await db.schema.dropTable('avatars').execute();
}
