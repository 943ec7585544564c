import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// Where each imported comment came from (issue 12): the format and its id
// there, so importing the same file again adds nothing, and a reply can find
// its parent in the store rather than in a map of the whole file. The key
// stays when a moderator removes the comment, so a re-import doesn't bring
// it back. `parent_source_id` is kept only while a reply waits for a parent
// that comes later in the file.

// biome-ignore lint/suspicious/noExplicitAny: migrations predate today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_keys')
    .addColumn('site_id', 'varchar(64)', (c) =>
      c.notNull().references('sites.id').onDelete('cascade'),
    )
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('source_id', 'varchar(255)', (c) => c.notNull())
    .addColumn('comment_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('parent_source_id', 'varchar(255)')
    .addPrimaryKeyConstraint('import_keys_pk', ['site_id', 'source', 'source_id'])
    .execute();
  await db.schema
    .createIndex('import_keys_waiting')
    .on('import_keys')
    .columns(['site_id', 'source', 'parent_source_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_keys').execute();
}
