import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// Secrets the installation makes for itself and must keep across restarts.
// Today one row, `auth`: the secret used when AUTH_SECRET is unset
// (auth/auth-secret.service.ts). It was random per process, so every restart
// signed readers out, changed guests' avatars and broke the links already
// emailed, and the CLI keyed avatars under a secret of its own. Kept in the
// store as Isso keeps its session key: every process on the store agrees,
// and `parley copy` and backups carry it with the data it signed. The value
// is never hashed: it is the key itself (docs/security.md says what a dump
// of this table gives away).

// biome-ignore lint/suspicious/noExplicitAny: migrations predate today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('secrets')
    .addColumn('name', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('value', 'varchar(128)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('secrets').execute();
}
