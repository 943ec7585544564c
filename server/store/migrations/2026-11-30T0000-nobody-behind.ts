import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// A comment with nobody behind it (its author deleted their account or data,
// or was erased) was kept with the English name "Deleted user"; readers of
// every other language saw English (issue 11). Such a comment now keeps an
// empty name, which the API presents as `author.deleted` and each reader's
// words name. Only rows with nothing of a person left are changed, the whole
// shape NO_AUTHOR (comment.repository.ts) leaves: no email, link, picture,
// identity, author key, IP or browser, provider guest and no avatar ('-'). A
// guest who called themself "Deleted user" keeps that name: with an email, and
// also an imported one with only a website or an IP (WordPress allows no email).

/** NO_AUTHOR's columns, besides the name (avatar-source.ts NO_AVATAR is '-'). */
// biome-ignore lint/suspicious/noExplicitAny: an update on today's untyped Kysely<any>
function nobody(query: any) {
  return query
    .where('author_email', 'is', null)
    .where('author_url', 'is', null)
    .where('author_avatar_url', 'is', null)
    .where('author_provider', '=', 'guest')
    .where('identity_id', 'is', null)
    .where('author_key_hash', 'is', null)
    .where('avatar_key', '=', '-')
    .where('ip', 'is', null)
    .where('user_agent', 'is', null);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations predate today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await nobody(
    db.updateTable('comments').set({ author_name: '' }).where('author_name', '=', 'Deleted user'),
  ).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await nobody(
    db
      .updateTable('comments')
      .set({ author_name: 'Deleted user' })
      .where('author_name', '=', '')
      .where('deleted_at', 'is', null),
  ).execute();
}
