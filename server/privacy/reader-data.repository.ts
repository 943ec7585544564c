import { type AuthorMatch, NO_AUTHOR } from '../comments/comment.repository.ts';
import type { Db } from '../store/db.ts';

function matching(author: AuthorMatch) {
  return 'identityId' in author
    ? ({ column: 'comments.identity_id', value: author.identityId } as const)
    : ({ column: 'comments.author_email', value: author.email.toLowerCase() } as const);
}

/** Every comment of one author on one site (any status), with its page, oldest first. */
export async function listAuthorComments(db: Db, siteId: string, author: AuthorMatch) {
  const match = matching(author);
  return db
    .selectFrom('comments')
    .innerJoin('pages', 'pages.id', 'comments.page_id')
    .select([
      'comments.id',
      'comments.parent_id',
      'comments.status',
      'comments.created_at',
      'comments.edited_at',
      'comments.body_source',
      'comments.body_html',
      'comments.author_name',
      'comments.author_url',
      'pages.url as page_url',
      'pages.title as page_title',
    ])
    .where('comments.site_id', '=', siteId)
    .where(match.column, '=', match.value)
    .where('comments.deleted_at', 'is', null)
    .orderBy('comments.created_at')
    .orderBy('comments.id')
    .execute();
}

/**
 * The pages of a site holding any of the author's comments (deleted ones
 * included): what a deletion must announce, found before it writes.
 */
export async function listAuthorPages(
  db: Db,
  siteId: string,
  author: AuthorMatch,
): Promise<{ page_key: string }[]> {
  const match = matching(author);
  return db
    .selectFrom('comments')
    .innerJoin('pages', 'pages.id', 'comments.page_id')
    .select('pages.page_key')
    .distinct()
    .where('comments.site_id', '=', siteId)
    .where(match.column, '=', match.value)
    .execute();
}

/** Keeps the author's comments on a site with nobody behind them, nothing of them left. */
export async function anonymiseAuthorComments(
  db: Db,
  siteId: string,
  author: AuthorMatch,
  now: string,
): Promise<number> {
  const match = matching(author);
  const result = await db
    .updateTable('comments')
    .set({ ...NO_AUTHOR, updated_at: now })
    .where('site_id', '=', siteId)
    .where(match.column, '=', match.value)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The deletion of deleteAuthorLeafComments (its plan is checked in thread.plans.test.ts). */
export function authorLeafCommentsDeletion(db: Db, siteId: string, author: AuthorMatch) {
  const match = matching(author);
  return db
    .deleteFrom('comments')
    .where('site_id', '=', siteId)
    .where(match.column, '=', match.value)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('comments as reply')
            .select('reply.id')
            .whereRef('reply.parent_id', '=', 'comments.id'),
        ),
      ),
    );
}

/** Deletes the author's comments on a site that nothing replies to; returns how many. */
export async function deleteAuthorLeafComments(
  db: Db,
  siteId: string,
  author: AuthorMatch,
): Promise<number> {
  const result = await authorLeafCommentsDeletion(db, siteId, author).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Revokes the identity's sessions on one site. */
export async function revokeIdentitySessions(
  db: Db,
  identityId: string,
  siteId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('identity_id', '=', identityId)
    .where('site_id', '=', siteId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Whether the identity still has comments or sessions anywhere (another site). */
export async function identityStillUsed(db: Db, identityId: string): Promise<boolean> {
  const comment = await db
    .selectFrom('comments')
    .select('id')
    .where('identity_id', '=', identityId)
    .executeTakeFirst();
  if (comment) return true;
  const session = await db
    .selectFrom('sessions')
    .select('id')
    .where('identity_id', '=', identityId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return session !== undefined;
}

/** Deletes an identity and everything hanging off it (sessions, tickets). */
export async function deleteIdentity(db: Db, identityId: string): Promise<void> {
  await db.deleteFrom('sessions').where('identity_id', '=', identityId).execute();
  await db.deleteFrom('login_tickets').where('identity_id', '=', identityId).execute();
  await db.deleteFrom('identities').where('id', '=', identityId).execute();
}
