import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// Migrations take Kysely<any>, not today's Database type (see the first one).

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('identities')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('provider', 'varchar(16)', (c) => c.notNull())
    .addColumn('provider_user_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('avatar_url', 'text')
    .addColumn('profile_url', 'text')
    .addColumn('email', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('identities_provider_user_unique', ['provider', 'provider_user_id'])
    .execute();

  await db.schema
    .createTable('login_tickets')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('site_id', 'varchar(64)', (c) =>
      c.notNull().references('sites.id').onDelete('cascade'),
    )
    .addColumn('provider', 'varchar(16)', (c) => c.notNull())
    .addColumn('challenge', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('change_account', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('return_url', 'text')
    .addColumn('handshake', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('identity_id', 'varchar(32)', (c) =>
      c.references('identities.id').onDelete('cascade'),
    )
    .addColumn('code_hash', 'varchar(64)')
    .addColumn('failure', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('identity_id', 'varchar(32)', (c) =>
      c.notNull().references('identities.id').onDelete('cascade'),
    )
    .addColumn('site_id', 'varchar(64)', (c) =>
      c.notNull().references('sites.id').onDelete('cascade'),
    )
    .addColumn('refresh_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('previous_refresh_hash', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('refreshed_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('sessions_refresh_hash')
    .on('sessions')
    .column('refresh_hash')
    .execute();

  await db.schema
    .createTable('deletion_requests')
    .addColumn('code', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('provider', 'varchar(16)', (c) => c.notNull())
    .addColumn('provider_user_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('comments_anonymised', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('comments')
    .addColumn('identity_id', 'varchar(32)', (c) =>
      c.references('identities.id').onDelete('set null'),
    )
    .execute();
  await db.schema.alterTable('comments').addColumn('author_avatar_url', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').dropColumn('author_avatar_url').execute();
  await db.schema.alterTable('comments').dropColumn('identity_id').execute();
  await db.schema.dropTable('deletion_requests').execute();
  await db.schema.dropTable('sessions').execute();
  await db.schema.dropTable('login_tickets').execute();
  await db.schema.dropTable('identities').execute();
}
