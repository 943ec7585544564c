/**
 * A guest's data rights by email (issue 12): an emailed link proves they own
 * the address; opening it starts a short session on Parley's own page where
 * they download or delete what one site holds for that address.
 *
 * Secrets are 256-bit random values; only their SHA-256 is stored. A link is
 * single-use (redeemed in one UPDATE, so two racing requests can't both win),
 * expires after an hour, and is bound to its site: the same token presented
 * under another site's path, twice, or late is refused the same way. Only
 * the newest link for an address works.
 *
 * Not server/email-links: its tokens are stateless (signed, nothing stored,
 * the same link valid until it expires), and this one must work once, so
 * its state is a row.
 */
import type {
  CommentsOnDeletion,
  DeleteAccountResult,
  ReaderDataExport,
} from '../../contract/reader-data.schema.ts';
import { randomSecret, sha256 } from '../auth/crypto.ts';
import { guestAvatar } from '../avatars/avatar-source.ts';
import { AppError } from '../errors.ts';
import type { Site } from '../sites/site.schema.ts';
import type { Db } from '../store/db.ts';
import {
  deleteGuestTokensExpiredBefore,
  findGuestSession,
  insertGuestToken,
  redeemGuestToken,
  spendOpenGuestLinks,
} from './guest-link.repository.ts';
import {
  checkDeletionPolicy,
  deleteReaderAccount,
  exportReaderData,
} from './reader-data.service.ts';

/** How long an emailed link works. */
export const LINK_MINUTES = 60;
/** How long the page stays usable once the link is opened. */
export const SESSION_MINUTES = 30;
const MINUTE_MS = 60_000;

const at = (ms: number) => new Date(ms).toISOString();

/** The same refusal for every kind of bad link: nobody learns which it was. */
const linkInvalid = () =>
  new AppError(
    410,
    'link_invalid',
    'This link cannot be used: it has expired, was already used, or is for another site. Ask for a new one from the comments on the site.',
  );

/** The path of a site's data page; the emailed link adds `?token=`. */
export function guestDataPath(siteId: string): string {
  return `/data/${encodeURIComponent(siteId)}`;
}

/** Stores a new link for the address on the site; returns its secret (for the email only). */
export async function createGuestLink(db: Db, siteId: string, email: string): Promise<string> {
  const now = Date.now();
  const token = randomSecret();
  const address = email.trim().toLowerCase();
  // A newer request replaces older links: an old email, forwarded or found
  // later, stops working as soon as the guest asks again.
  await spendOpenGuestLinks(db, { siteId, email: address, now: at(now) });
  await insertGuestToken(db, {
    token_hash: sha256(token),
    purpose: 'link',
    site_id: siteId,
    email: address,
    created_at: at(now),
    expires_at: at(now + LINK_MINUTES * MINUTE_MS),
  });
  // Old rows go as new ones come: nothing else needs to sweep them.
  await deleteGuestTokensExpiredBefore(db, at(now - 24 * 60 * MINUTE_MS));
  return token;
}

/**
 * Redeems an emailed link (once) and opens a session for its address on the
 * site; returns the session's secret, for an HttpOnly cookie.
 */
export async function openGuestLink(db: Db, siteId: string, token: string): Promise<string> {
  const now = Date.now();
  return db.transaction().execute(async (tx) => {
    const email = await redeemGuestToken(tx, {
      tokenHash: sha256(token),
      purpose: 'link',
      siteId,
      now: at(now),
    });
    if (email === undefined) throw linkInvalid();
    await spendOpenGuestLinks(tx, { siteId, email, now: at(now) });
    const secret = randomSecret();
    await insertGuestToken(tx, {
      token_hash: sha256(secret),
      purpose: 'session',
      site_id: siteId,
      email,
      created_at: at(now),
      expires_at: at(now + SESSION_MINUTES * MINUTE_MS),
    });
    return secret;
  });
}

/** The address a session on this site proves; 401 when there is none (expired, ended, another site's). */
export async function guestOfSession(
  db: Db,
  siteId: string,
  secret: string | undefined,
): Promise<string> {
  const email =
    secret === undefined
      ? undefined
      : await findGuestSession(db, { tokenHash: sha256(secret), siteId, now: at(Date.now()) });
  if (email === undefined) {
    throw new AppError(
      401,
      'unauthorized',
      'This page has expired. Ask for a new link from the comments on the site.',
    );
  }
  return email;
}

/** Everything the site holds for the address (the signed-in export's shape). */
export async function exportGuestData(
  db: Db,
  site: Site,
  secret: string | undefined,
): Promise<ReaderDataExport> {
  const email = await guestOfSession(db, site.id, secret);
  return exportReaderData(db, site.id, { email });
}

/**
 * Deletes what the site holds for the address, as the signed-in deletion
 * does (announced on the event stream), then ends the session.
 */
export async function deleteGuestData(
  db: Db,
  avatarSecret: string,
  site: Site,
  secret: string | undefined,
  comments: CommentsOnDeletion,
): Promise<DeleteAccountResult> {
  const email = await guestOfSession(db, site.id, secret);
  checkDeletionPolicy(site, comments);
  const avatarKey = guestAvatar(avatarSecret, site.id, email, '').key;
  const result = await deleteReaderAccount(db, site.id, { email, avatarKey }, comments);
  await redeemGuestToken(db, {
    tokenHash: sha256(secret as string),
    purpose: 'session',
    siteId: site.id,
    now: at(Date.now()),
  });
  return result;
}
