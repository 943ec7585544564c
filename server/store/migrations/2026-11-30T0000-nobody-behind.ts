import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// A comment with nobody behind it (its author deleted their account or data,
// or was erased) was kept with the English name "Deleted user"; readers of
// every other language saw English (issue 11). Such a comment now keeps an
// empty name, which the API presents as `author.deleted` and each reader's
// words name. Only rows with nothing of a person left are changed: a guest
// who called themself "Deleted user" still has their email.

// biome-ignore lint/suspicious/noExplicitAny: migrations predate today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('comments')
    .set({ author_name: '' })
    .where('author_name', '=', 'Deleted user')
    .where('author_email', 'is', null)
    .where('identity_id', 'is', null)
    .where('author_key_hash', 'is', null)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('comments')
    .set({ author_name: 'Deleted user' })
    .where('author_name', '=', '')
    .where('deleted_at', 'is', null)
    .execute();
}
