/**
 * Readers' data rights on one site (issue 12): everything Parley holds about
 * them as JSON, and deleting their account, their comments kept as
 * "Deleted user" or removed, as they choose. Per site: another site's data
 * is another site's, and the export and the answer say so.
 */
import type {
  CommentsOnDeletion,
  DeleteAccountResult,
  ReaderDataExport,
} from '../../contract/reader-data.schema.ts';
import { deleteAvatars } from '../avatars/avatar.repository.ts';
import { type AuthorMatch, blankComment } from '../comments/comment.repository.ts';
import { AppError } from '../errors.ts';
import { recordEvent } from '../events/record.ts';
import { writeTransaction } from '../events/transaction.ts';
import type { Site } from '../sites/site.schema.ts';
import { requireSite } from '../sites/site.service.ts';
import type { IdentityRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import {
  deleteReaderSubscriptions,
  listReaderSubscriptions,
} from '../subscriptions/subscription.repository.ts';
import {
  anonymiseAuthorComments,
  deleteAuthorLeafComments,
  deleteIdentity,
  identityStillUsed,
  listAuthorComments,
  listAuthorPages,
  revokeIdentitySessions,
} from './reader-data.repository.ts';

/** A reader as the data-rights flows know them: signed in, or a guest who proved their email. */
export type Reader =
  | { identity: IdentityRow }
  | {
      email: string;
      /** Their picture's key on this site (avatar-source.ts), erased with them. */
      avatarKey?: string;
    };

const matchOf = (reader: Reader): AuthorMatch =>
  'identity' in reader ? { identityId: reader.identity.id } : { email: reader.email };

/** Everything Parley holds about the reader on this site. */
export async function exportReaderData(
  db: Db,
  siteId: string,
  reader: Reader,
): Promise<ReaderDataExport> {
  const site = await requireSite(db, siteId);
  const rows = await listAuthorComments(db, site.id, matchOf(reader));
  const subscriptions = await listReaderSubscriptions(
    db,
    site.id,
    'identity' in reader ? { identityId: reader.identity.id } : { email: reader.email },
  );
  return {
    site: { id: site.id, name: site.name },
    exportedAt: new Date().toISOString(),
    identity:
      'identity' in reader
        ? {
            provider: reader.identity.provider,
            providerUserId: reader.identity.provider_user_id,
            name: reader.identity.display_name,
            username: reader.identity.username,
            email: reader.identity.email,
            profileUrl: reader.identity.profile_url,
            pictureUrl: reader.identity.avatar_url,
            firstSeenAt: reader.identity.created_at,
          }
        : { email: reader.email.toLowerCase() },
    comments: rows.map((row) => ({
      id: row.id,
      parentId: row.parent_id,
      page: { url: row.page_url, title: row.page_title },
      status: row.status,
      createdAt: row.created_at,
      editedAt: row.edited_at,
      text: row.body_source,
      html: row.body_html,
      authorName: row.author_name,
      authorUrl: row.author_url,
    })),
    subscriptions: subscriptions.map((row) => ({
      page: { url: row.page_url, title: row.page_title },
      commentId: row.comment_id,
      email: row.email,
      locale: row.locale,
      createdAt: row.created_at,
      confirmedAt: row.confirmed_at,
    })),
    notes: [
      `This export covers the site "${site.name}" only; other sites using the same Parley server keep their own.`,
      `Each comment's IP address and browser (user agent) are kept for ${site.settings.requestDataRetentionDays} days against spam, then erased.`,
      'Signed-in readers also have sessions (hashed tokens) until they log out or 30 days pass.',
    ],
  };
}

/**
 * Refuses a reader's choice the site's policy doesn't allow (its
 * `readerDeletion` setting). Owners erasing an author are not held to it.
 */
export function checkDeletionPolicy(site: Site, comments: CommentsOnDeletion): void {
  const policy = site.settings.readerDeletion;
  if (policy === 'choice' || policy === comments) return;
  throw new AppError(
    400,
    'invalid_body',
    policy === 'anonymise'
      ? 'This site keeps the comments of deleted accounts, as “Deleted user”'
      : 'This site removes the comments of deleted accounts',
    'comments',
  );
}

/**
 * Deletes the reader's account on this site: their comments anonymised or
 * removed (a removed one that has replies stays as a "deleted" placeholder,
 * so the replies keep their place), their sessions here revoked, and their
 * identity (name, picture, email) deleted once nothing on any site uses it.
 * Each page it touches is announced on the event stream.
 */
export async function deleteReaderAccount(
  db: Db,
  siteId: string,
  reader: Reader,
  comments: CommentsOnDeletion,
): Promise<DeleteAccountResult> {
  const site = await requireSite(db, siteId);
  const match = matchOf(reader);
  const now = new Date().toISOString();
  const affected = await writeTransaction(db, async (tx) => {
    // Their name and words leave every thread they wrote in: announce each
    // page in the same transaction, so caches and open widgets on every
    // instance reload it (issue 10), and none is missed if we crash after.
    for (const page of await listAuthorPages(tx, site.id, match)) {
      await recordEvent(tx, { type: 'page.changed', siteId: site.id, pageKey: page.page_key });
    }
    let count = 0;
    if (comments === 'anonymise') {
      count = await anonymiseAuthorComments(tx, site.id, match, now);
    } else {
      // Leaves first, repeatedly: removing a reply can free its parent.
      for (let removed = -1; removed !== 0; ) {
        removed = await deleteAuthorLeafComments(tx, site.id, match);
        count += removed;
      }
      for (const row of await listAuthorComments(tx, site.id, match)) {
        await blankComment(tx, row.id, now);
        count++;
      }
    }
    if ('email' in reader && reader.avatarKey) await deleteAvatars(tx, [reader.avatarKey]);
    // Reply notifications stop too: no more email to an address being forgotten.
    await deleteReaderSubscriptions(
      tx,
      site.id,
      'identity' in reader ? { identityId: reader.identity.id } : { email: reader.email },
    );
    if ('identity' in reader) {
      await revokeIdentitySessions(tx, reader.identity.id, site.id, now);
      if (!(await identityStillUsed(tx, reader.identity.id))) {
        await deleteIdentity(tx, reader.identity.id);
        if (reader.identity.avatar_key) await deleteAvatars(tx, [reader.identity.avatar_key]);
      }
    }
    return count;
  });
  return { site: site.id, comments, affected };
}
