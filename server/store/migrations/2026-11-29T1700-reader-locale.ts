import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// The language the reader's widget spoke when they started signing in, so the
// sign-in pages (reached through the provider, which carries nothing of ours)
// speak it too. Null: the browser's Accept-Language decides.

// biome-ignore lint/suspicious/noExplicitAny: migrations predate today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('login_tickets').addColumn('locale', 'varchar(16)').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('login_tickets').dropColumn('locale').execute();
}
