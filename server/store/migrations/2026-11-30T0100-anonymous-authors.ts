import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// A comment imported from another platform without an author's name was
// stored with the English name "Anonymous"; readers of every other language
// saw English (issue 11, like "Deleted user"). Such a comment now keeps an
// empty name and `author_anonymous = 1`, which the API presents as
// `author.anonymous` and each reader's words name. Unlike nobody-behind, a
// person may still be behind it (an email, an IP), so it is a mark of its own.
// Only rows an import wrote (import_keys) from another platform's file are
// changed: a guest who typed "Anonymous" here (or in a Parley export read back)
// keeps the name they chose.

// biome-ignore lint/suspicious/noExplicitAny: migrations predate today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('comments')
    .addColumn('author_anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .updateTable('comments')
    .set({ author_name: '', author_anonymous: 1 })
    .where('author_name', '=', 'Anonymous')
    .where(
      'id',
      'in',
      db.selectFrom('import_keys').select('comment_id').where('source', '!=', 'parley'),
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('comments')
    .set({ author_name: 'Anonymous' })
    .where('author_anonymous', '=', 1)
    .execute();
  await db.schema.alterTable('comments').dropColumn('author_anonymous').execute();
}
