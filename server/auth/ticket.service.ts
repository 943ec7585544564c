/**
 * Login tickets: how a sign-in started in a cross-site iframe finishes without
 * third-party cookies. The iframe creates a ticket bound to its site and to
 * the SHA-256 of a verifier only it knows (PKCE-style); the popup (or the
 * redirect) completes it at the provider's callback; the iframe redeems it
 * with the verifier. Tickets are single-use and live a few minutes.
 */
import type { ProviderId } from '../../contract/providers.ts';
import { AppError } from '../errors.ts';
import { upsertIdentity } from '../identities/identity.repository.ts';
import type { Site } from '../sites/site.schema.ts';
import type { IdentityRow, LoginTicketRow, TicketStatus } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import type { ProviderProfile } from './auth.types.ts';
import { randomSecret, safeEqual, sha256 } from './crypto.ts';

export const TICKET_LIFETIME_MS = 10 * 60_000;

export interface LoginTicket {
  id: string;
  siteId: string;
  provider: ProviderId;
  status: TicketStatus;
  /** The reader asked to change account: providers show their account chooser. */
  change: boolean;
  /** Redirect fallback: the host page to return to; null for the popup. */
  returnUrl: string | null;
  /** Provider handshake data (OAuth 2 state, OAuth 1.0a request token and secret). */
  handshake: Record<string, string>;
  failure: string | null;
  expiresAt: string;
}

function toTicket(row: LoginTicketRow): LoginTicket {
  return {
    id: row.id,
    siteId: row.site_id,
    provider: row.provider as ProviderId,
    status: row.status,
    change: row.change_account === 1,
    returnUrl: row.return_url,
    handshake: JSON.parse(row.handshake) as Record<string, string>,
    failure: row.failure,
    expiresAt: row.expires_at,
  };
}

async function findTicketRow(db: Db, id: string): Promise<LoginTicketRow | undefined> {
  return db.selectFrom('login_tickets').selectAll().where('id', '=', id).executeTakeFirst();
}

function isExpired(row: { expires_at: string }): boolean {
  return row.expires_at <= new Date().toISOString();
}

/** Starts a sign-in: a pending ticket bound to the site and the verifier's challenge. */
export async function createLoginTicket(
  db: Db,
  input: {
    site: Site;
    provider: ProviderId;
    challenge: string;
    change: boolean;
    returnUrl: string | null;
  },
): Promise<LoginTicket> {
  const now = Date.now();
  const row = {
    // Long and random: the ticket id travels in URLs (popup, redirect).
    id: randomSecret(24),
    site_id: input.site.id,
    provider: input.provider,
    challenge: input.challenge,
    status: 'pending' as const,
    change_account: input.change ? 1 : 0,
    return_url: input.returnUrl,
    handshake: '{}',
    identity_id: null,
    code_hash: null,
    failure: null,
    created_at: new Date(now).toISOString(),
    expires_at: new Date(now + TICKET_LIFETIME_MS).toISOString(),
  };
  await db.insertInto('login_tickets').values(row).execute();
  return toTicket(row);
}

/**
 * A ticket the provider flow may still run for (start and callback). Throws
 * 404 ticket_not_found, 410 ticket_expired or 409 ticket_used.
 */
export async function findStartableTicket(db: Db, id: string): Promise<LoginTicket> {
  const row = await findTicketRow(db, id);
  if (!row) throw new AppError(404, 'ticket_not_found', 'This sign-in link is not valid');
  if (row.status !== 'pending') {
    throw new AppError(409, 'ticket_used', 'This sign-in has already finished');
  }
  if (isExpired(row))
    throw new AppError(410, 'ticket_expired', 'This sign-in took too long; try again');
  return toTicket(row);
}

/** Keeps provider handshake data with the ticket (no server-side session needed). */
export async function saveHandshake(
  db: Db,
  id: string,
  data: Record<string, string>,
): Promise<void> {
  await db
    .updateTable('login_tickets')
    .set({ handshake: JSON.stringify(data) })
    .where('id', '=', id)
    .execute();
}

/**
 * The provider vouched for the reader: records the identity (profile
 * refreshed) and returns a one-time code for the popup to hand to the iframe.
 */
export async function completeLoginTicket(
  db: Db,
  id: string,
  profile: ProviderProfile,
): Promise<{ code: string; ticket: LoginTicket; identity: IdentityRow }> {
  const ticket = await findStartableTicket(db, id);
  if (profile.provider !== ticket.provider) throw new Error('profile from the wrong provider');
  const identity = await upsertIdentity(db, profile);
  const code = randomSecret();
  await db
    .updateTable('login_tickets')
    .set({ status: 'complete', identity_id: identity.id, code_hash: sha256(code), handshake: '{}' })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
  return { code, ticket: { ...ticket, status: 'complete' }, identity };
}

/** The reader said no at the provider, or the provider failed. */
export async function failLoginTicket(
  db: Db,
  id: string,
  failure: 'denied' | 'failed',
): Promise<void> {
  await db
    .updateTable('login_tickets')
    .set({ status: 'failed', failure, handshake: '{}' })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * Exchanges a completed ticket for its identity, once. The verifier must match
 * the challenge; a code, when given (popup path), must match too. Polling
 * without a code (opener severed by COOP) works with the verifier alone.
 * Returns null while the reader is still at the provider.
 */
export async function redeemLoginTicket(
  db: Db,
  input: { ticket: string; verifier: string; code?: string | undefined },
): Promise<{ identityId: string; siteId: string } | null> {
  const row = await findTicketRow(db, input.ticket);
  if (!row) {
    throw new AppError(404, 'ticket_not_found', 'This sign-in is not valid');
  }
  if (!safeEqual(sha256(input.verifier), row.challenge)) {
    throw new AppError(403, 'invalid_verifier', 'This sign-in was started somewhere else');
  }
  if (row.status === 'redeemed')
    throw new AppError(409, 'ticket_used', 'This sign-in was already used');
  if (row.status === 'failed') {
    throw row.failure === 'denied'
      ? new AppError(403, 'login_denied', 'Sign-in was cancelled at the provider')
      : new AppError(502, 'login_failed', 'The provider could not sign you in');
  }
  if (isExpired(row))
    throw new AppError(410, 'ticket_expired', 'This sign-in took too long; try again');
  if (row.status === 'pending') return null;
  if (
    input.code !== undefined &&
    !(row.code_hash && safeEqual(sha256(input.code), row.code_hash))
  ) {
    throw new AppError(403, 'invalid_verifier', 'That sign-in code is not valid');
  }
  // Single use even when two redeems race: only one update flips the status.
  const flipped = await db
    .updateTable('login_tickets')
    .set({ status: 'redeemed', code_hash: null })
    .where('id', '=', row.id)
    .where('status', '=', 'complete')
    .executeTakeFirst();
  if (Number(flipped.numUpdatedRows) !== 1 || !row.identity_id) {
    throw new AppError(409, 'ticket_used', 'This sign-in was already used');
  }
  return { identityId: row.identity_id, siteId: row.site_id };
}
