import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// A login ticket is bound to the browser that started it (issue 8 §1): the
// SHA-256 of the binding secret that browser holds in a first-party cookie.

// biome-ignore lint/suspicious/noExplicitAny: migrations predate today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('login_tickets').addColumn('binding_hash', 'varchar(64)').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('login_tickets').dropColumn('binding_hash').execute();
}
