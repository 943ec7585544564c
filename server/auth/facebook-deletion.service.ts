/**
 * Facebook's data deletion callback
 * (https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback):
 * Facebook POSTs a `signed_request` naming an app-scoped user id; we delete
 * what we hold about that person and answer with a status URL and a
 * confirmation code.
 */

import { createHmac, timingSafeEqual } from 'node:crypto';
import { deleteAvatars } from '../avatars/avatar.repository.ts';
import { anonymiseIdentityComments, listPagesCommentedBy } from '../comments/comment.repository.ts';
import { AppError } from '../errors.ts';
import { recordEvent } from '../events/record.ts';
import { writeTransaction } from '../events/transaction.ts';
import type { Db } from '../store/db.ts';
import { randomSecret } from './crypto.ts';

/** A signed request older than this is refused (a replay, or a stuck queue). */
export const SIGNED_REQUEST_MAX_AGE_S = 60 * 60;
/** Tolerated clock skew for an `issued_at` in the future. */
export const SIGNED_REQUEST_MAX_SKEW_S = 5 * 60;

export interface SignedRequestPayload {
  userId: string;
  issuedAt: number;
}

function invalid(message: string): AppError {
  return new AppError(400, 'invalid_signed_request', message);
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/**
 * Verifies `<signature>.<payload>`: base64url HMAC-SHA256 of the payload
 * (as sent, still encoded) keyed with the app secret, compared in constant
 * time; then the payload's algorithm and age. Throws 400 invalid_signed_request.
 */
export function verifySignedRequest(
  signedRequest: string,
  appSecret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): SignedRequestPayload {
  const parts = signedRequest.split('.');
  const [signature, payload] = parts;
  if (
    parts.length !== 2 ||
    !signature ||
    !payload ||
    !BASE64URL.test(signature) ||
    !BASE64URL.test(payload)
  ) {
    throw invalid('signed_request must be <signature>.<payload> in base64url');
  }
  const expected = createHmac('sha256', appSecret).update(payload).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalid('The signature does not match');
  }
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
  } catch {
    throw invalid('The payload is not JSON');
  }
  if (typeof data !== 'object' || data === null) throw invalid('The payload is not an object');
  if (typeof data.algorithm !== 'string' || data.algorithm.toUpperCase() !== 'HMAC-SHA256') {
    throw invalid('Only HMAC-SHA256 signed requests are accepted');
  }
  const issuedAt = data.issued_at;
  if (typeof issuedAt !== 'number' || !Number.isFinite(issuedAt)) {
    throw invalid('issued_at is missing');
  }
  if (issuedAt < nowSeconds - SIGNED_REQUEST_MAX_AGE_S) throw invalid('The request has expired');
  if (issuedAt > nowSeconds + SIGNED_REQUEST_MAX_SKEW_S) {
    throw invalid('The request was issued in the future');
  }
  const userId = data.user_id;
  if ((typeof userId !== 'string' && typeof userId !== 'number') || String(userId) === '') {
    throw invalid('user_id is missing');
  }
  return { userId: String(userId), issuedAt };
}

export interface DeletionRecord {
  code: string;
  commentsAnonymised: number;
  createdAt: string;
}

/**
 * Deletes what Parley holds about a Facebook user: their comments are kept
 * but anonymised ("Deleted user", no link, avatar or email, no longer tied to
 * the identity), their sessions and sign-in tickets and the identity itself
 * (name, picture, id) are deleted. The record of the request keeps only the
 * app-scoped id, the count and the date, so its status page can answer.
 */
export async function deleteFacebookData(db: Db, userId: string): Promise<DeletionRecord> {
  return writeTransaction(db, async (tx) => {
    const identity = await tx
      .selectFrom('identities')
      .select(['id', 'avatar_key'])
      .where('provider', '=', 'facebook')
      .where('provider_user_id', '=', userId)
      .executeTakeFirst();
    let commentsAnonymised = 0;
    if (identity) {
      // Their name leaves every thread they wrote in: announce each page.
      for (const page of await listPagesCommentedBy(tx, identity.id)) {
        await recordEvent(tx, {
          type: 'page.changed',
          siteId: page.site_id,
          pageKey: page.page_key,
        });
      }
      commentsAnonymised = await anonymiseIdentityComments(tx, identity.id);
      await tx.deleteFrom('sessions').where('identity_id', '=', identity.id).execute();
      await tx.deleteFrom('login_tickets').where('identity_id', '=', identity.id).execute();
      await tx.deleteFrom('identities').where('id', '=', identity.id).execute();
      // The fetched picture goes too.
      if (identity.avatar_key) await deleteAvatars(tx, [identity.avatar_key]);
    }
    const record = {
      code: randomSecret(12),
      provider: 'facebook',
      provider_user_id: userId,
      comments_anonymised: commentsAnonymised,
      created_at: new Date().toISOString(),
    };
    await tx.insertInto('deletion_requests').values(record).execute();
    return { code: record.code, commentsAnonymised, createdAt: record.created_at };
  });
}

/** A deletion request by its confirmation code, for its status page. */
export async function findDeletionRequest(
  db: Db,
  code: string,
): Promise<DeletionRecord | undefined> {
  const row = await db
    .selectFrom('deletion_requests')
    .select(['code', 'comments_anonymised', 'created_at'])
    .where('code', '=', code)
    .executeTakeFirst();
  return (
    row && {
      code: row.code,
      commentsAnonymised: row.comments_anonymised,
      createdAt: row.created_at,
    }
  );
}
