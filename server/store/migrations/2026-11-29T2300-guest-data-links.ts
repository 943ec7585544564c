import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// A guest's data rights by email (issue 12): the emailed link proving they
// own an address (purpose `link`: single use, an hour) and the short session
// it opens in their browser (purpose `session`). Only a SHA-256 of each
// secret is kept, so a leaked table opens nothing. Bound to one site.

// biome-ignore lint/suspicious/noExplicitAny: migrations predate today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('guest_data_links')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('purpose', 'varchar(16)', (c) => c.notNull())
    .addColumn('site_id', 'varchar(64)', (c) =>
      c.notNull().references('sites.id').onDelete('cascade'),
    )
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('guest_data_links_expiry')
    .on('guest_data_links')
    .column('expires_at')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('guest_data_links').execute();
}
