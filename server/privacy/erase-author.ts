import type { DeleteAccountResult, EraseAuthorBody } from '../../contract/reader-data.schema.ts';
import { guestAvatar } from '../avatars/avatar-source.ts';
import { AppError } from '../errors.ts';
import { findIdentity } from '../identities/identity.repository.ts';
import type { Db } from '../store/db.ts';
import { listAuthorComments } from './reader-data.repository.ts';
import { deleteReaderAccount } from './reader-data.service.ts';

/**
 * An owner's erasure of one author on their site: by email (their guest
 * comments, and a signed-in reader's who has that email), or by identity.
 * The same deletion a reader can ask for themselves.
 */
export async function eraseAuthor(
  db: Db,
  avatarSecret: string,
  siteId: string,
  body: EraseAuthorBody,
): Promise<DeleteAccountResult> {
  if (body.identityId !== undefined) {
    const identity = await findIdentity(db, body.identityId);
    // Only a reader of this site: an owner can't reach another site's readers.
    const here = identity && (await listAuthorComments(db, siteId, { identityId: identity.id }));
    if (!identity || !here?.length) {
      throw new AppError(404, 'author_unknown', 'No reader with that identity on this site');
    }
    return deleteReaderAccount(db, siteId, { identity }, body.comments);
  }
  const email = (body.email ?? '').toLowerCase();
  const avatarKey = guestAvatar(avatarSecret, siteId, email, '').key;
  return deleteReaderAccount(db, siteId, { email, avatarKey }, body.comments);
}
