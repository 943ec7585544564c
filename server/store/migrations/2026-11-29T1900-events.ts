import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// The outbox of comment changes (server/events/): a write records its event
// in the same transaction, and a relay publishes it after the commit, so a
// crash in between delays an announcement but never loses it.

// biome-ignore lint/suspicious/noExplicitAny: migrations predate today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  // Ids only grow (resume cursors and the relay's order rely on it): SQLite's
  // AUTOINCREMENT never reuses one, PostgreSQL's bigserial neither.
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('events')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('page_key', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    // Which relay is publishing it, and since when (a claim older than the
    // lease is taken over: its relay died).
    .addColumn('claimed_by', 'varchar(64)')
    .addColumn('claimed_at', 'varchar(32)')
    .addColumn('published_at', 'varchar(32)')
    .execute();
  // The relay looks for unpublished rows; retention deletes old published ones.
  await db.schema.createIndex('events_published_at').on('events').column('published_at').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('events').execute();
}
