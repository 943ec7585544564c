/** Every query of reply notifications (server/subscriptions/). */
import type { SubscriptionRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';

export type NewSubscription = Omit<SubscriptionRow, 'confirmed_at'> & {
  confirmed_at?: string | null;
};

export async function insertSubscription(db: Db, row: NewSubscription): Promise<void> {
  await db.insertInto('subscriptions').values(row).execute();
}

/** The address's subscription to that comment's replies (or, comment null, to the page). */
export async function findSameSubscription(
  db: Db,
  key: { siteId: string; pageId: string; commentId: string | null; email: string },
): Promise<SubscriptionRow | undefined> {
  return db
    .selectFrom('subscriptions')
    .selectAll()
    .where('site_id', '=', key.siteId)
    .where('page_id', '=', key.pageId)
    .where('email', '=', key.email)
    .where((eb) =>
      key.commentId === null ? eb('comment_id', 'is', null) : eb('comment_id', '=', key.commentId),
    )
    .executeTakeFirst();
}

export async function findSubscriptions(
  db: Db,
  ids: readonly string[],
): Promise<SubscriptionRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('subscriptions').selectAll().where('id', 'in', ids).execute();
}

/**
 * Whether this signed-in reader has already confirmed this address on the
 * site once (then a new subscription needs no second email).
 */
export async function hasConfirmedForIdentity(
  db: Db,
  siteId: string,
  identityId: string,
  email: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('subscriptions')
    .select('id')
    .where('site_id', '=', siteId)
    .where('identity_id', '=', identityId)
    .where('email', '=', email)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function confirmSubscriptions(
  db: Db,
  ids: readonly string[],
  at: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('subscriptions')
    .set({ confirmed_at: at })
    .where('id', 'in', ids)
    .where('confirmed_at', 'is', null)
    .execute();
}

export async function deleteSubscription(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('subscriptions').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Confirmed subscriptions a new published comment on `pageId` concerns:
 * every one to the page, and those to its parent's replies.
 */
export async function listSubscribersOf(
  db: Db,
  pageId: string,
  parentId: string | null,
): Promise<SubscriptionRow[]> {
  return db
    .selectFrom('subscriptions')
    .selectAll()
    .where('page_id', '=', pageId)
    .where('confirmed_at', 'is not', null)
    .where((eb) =>
      parentId === null
        ? eb('comment_id', 'is', null)
        : eb.or([eb('comment_id', 'is', null), eb('comment_id', '=', parentId)]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * Marks a comment as notified; false when it already was (by another
 * instance, or before a moderator flipped it to spam and back).
 */
export async function markCommentNotified(db: Db, commentId: string, at: string): Promise<boolean> {
  const result = await db
    .insertInto('notified_comments')
    .values({ comment_id: commentId, created_at: at })
    .onConflict((oc) => oc.column('comment_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** A reader's subscriptions on a site, by address or by identity (their account is being deleted). */
export async function deleteReaderSubscriptions(
  db: Db,
  siteId: string,
  reader: { email: string } | { identityId: string },
): Promise<void> {
  await db
    .deleteFrom('subscriptions')
    .where('site_id', '=', siteId)
    .where((eb) =>
      'email' in reader
        ? eb('email', '=', reader.email.trim().toLowerCase())
        : eb('identity_id', '=', reader.identityId),
    )
    .execute();
}

/** A reader's subscriptions on a site with their pages, for their data export. */
export async function listReaderSubscriptions(
  db: Db,
  siteId: string,
  reader: { email: string } | { identityId: string },
) {
  return db
    .selectFrom('subscriptions')
    .innerJoin('pages', 'pages.id', 'subscriptions.page_id')
    .select([
      'subscriptions.comment_id',
      'subscriptions.email',
      'subscriptions.locale',
      'subscriptions.created_at',
      'subscriptions.confirmed_at',
      'pages.url as page_url',
      'pages.title as page_title',
    ])
    .where('subscriptions.site_id', '=', siteId)
    .where((eb) =>
      'email' in reader
        ? eb('subscriptions.email', '=', reader.email.trim().toLowerCase())
        : eb('subscriptions.identity_id', '=', reader.identityId),
    )
    .orderBy('subscriptions.created_at')
    .execute();
}
