/**
 * Login tickets: how a sign-in started in a cross-site iframe finishes without
 * third-party cookies, and only in the browser and widget that started it
 * (docs/security.md). The iframe creates a ticket bound to the SHA-256 of a
 * verifier only it knows (PKCE-style); before the provider is reached the
 * ticket is bound to this browser (a first-party binding cookie, whose hash is
 * kept here); the callback completes it only with that cookie; the iframe
 * redeems it with the verifier and, where the mode needs it, the one-time
 * code. Tickets are single-use and live a few minutes.
 */
import { isLocale, type Locale } from '../../contract/i18n/locales.ts';
import type { ProviderId } from '../../contract/providers.ts';
import { ensureAvatar } from '../avatars/avatar.repository.ts';
import { identityAvatar } from '../avatars/avatar-source.ts';
import { AppError } from '../errors.ts';
import { readableProfile } from '../identities/identity.profile.ts';
import { upsertIdentity } from '../identities/identity.repository.ts';
import type { Site } from '../sites/site.schema.ts';
import type { IdentityRow, LoginTicketRow, TicketStatus } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import type { ProviderProfile } from './auth.types.ts';
import { randomSecret, safeEqual, sha256 } from './crypto.ts';
import {
  bindTicketRow,
  findTicketRow,
  insertTicket,
  moveTicket,
  saveTicketHandshake,
} from './ticket.repository.ts';

export const TICKET_LIFETIME_MS = 10 * 60_000;

export interface LoginTicket {
  id: string;
  siteId: string;
  provider: ProviderId;
  status: TicketStatus;
  /** The reader asked to change account: providers show their account chooser. */
  change: boolean;
  /**
   * Redirect fallback: the host page to return to; null for the popup. A
   * redirect-mode ticket is redeemed only with its code and its verifier.
   */
  returnUrl: string | null;
  /** Provider handshake data (OAuth 2 state, OAuth 1.0a request token and secret). */
  handshake: Record<string, string>;
  /** True once a browser holds the binding cookie for it. */
  bound: boolean;
  failure: string | null;
  expiresAt: string;
  /** The language the widget spoke when the reader started (the sign-in pages speak it too). */
  locale: Locale | null;
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
    bound: row.binding_hash !== null,
    failure: row.failure,
    expiresAt: row.expires_at,
    locale: isLocale(row.locale) ? row.locale : null,
  };
}

function isExpired(row: { expires_at: string }): boolean {
  return row.expires_at <= new Date().toISOString();
}

const startedElsewhere = () =>
  new AppError(403, 'invalid_verifier', 'This sign-in was started somewhere else');

/** Starts a sign-in: a pending ticket bound to the site and the verifier's challenge. */
export async function createLoginTicket(
  db: Db,
  input: {
    site: Site;
    provider: ProviderId;
    challenge: string;
    change: boolean;
    returnUrl: string | null;
    locale?: Locale | null;
  },
): Promise<LoginTicket> {
  const now = Date.now();
  const row: LoginTicketRow = {
    // Long and random: the ticket id travels in URLs (popup, redirect).
    id: randomSecret(24),
    site_id: input.site.id,
    provider: input.provider,
    challenge: input.challenge,
    status: 'pending',
    change_account: input.change ? 1 : 0,
    return_url: input.returnUrl,
    handshake: '{}',
    identity_id: null,
    code_hash: null,
    binding_hash: null,
    failure: null,
    created_at: new Date(now).toISOString(),
    expires_at: new Date(now + TICKET_LIFETIME_MS).toISOString(),
    locale: input.locale ?? null,
  };
  await insertTicket(db, row);
  return toTicket(row);
}

/**
 * A ticket the provider flow may still run for (start, bind and callback).
 * Throws 404 ticket_not_found, 410 ticket_expired or 409 ticket_used.
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

/**
 * Binds a pending ticket to the browser about to visit the provider and
 * returns the binding secret for its cookie. A popup ticket needs the
 * verifier (the start page got it from the widget that opened it); a
 * redirect ticket is bound at start by the routes' own checks. Once only.
 */
export async function bindLoginTicket(
  db: Db,
  id: string,
  verifier: string | null,
): Promise<string> {
  const row = await findTicketRow(db, id);
  if (row?.status !== 'pending' || isExpired(row)) {
    throw new AppError(404, 'ticket_not_found', 'This sign-in is not valid');
  }
  if (verifier !== null && !safeEqual(sha256(verifier), row.challenge)) throw startedElsewhere();
  const secret = randomSecret();
  if (!(await bindTicketRow(db, id, sha256(secret)))) {
    throw new AppError(409, 'ticket_used', 'This sign-in was already started in another window');
  }
  return secret;
}

/** True when `secret` (from the binding cookie) is the one this ticket was bound to. */
export async function isBoundTo(db: Db, id: string, secret: string): Promise<boolean> {
  const row = await findTicketRow(db, id);
  return !!row?.binding_hash && safeEqual(sha256(secret), row.binding_hash);
}

/** Keeps provider handshake data with the ticket (no server-side session needed). */
export async function saveHandshake(
  db: Db,
  id: string,
  data: Record<string, string>,
): Promise<void> {
  await saveTicketHandshake(db, id, JSON.stringify(data));
}

/**
 * The provider vouched for the reader: records the identity (profile
 * refreshed) and returns a one-time code for the widget. The callback calls
 * it only in the browser the ticket is bound to.
 */
export async function completeLoginTicket(
  db: Db,
  id: string,
  profile: ProviderProfile,
  avatarSecret: string,
): Promise<{ code: string; ticket: LoginTicket; identity: IdentityRow }> {
  const ticket = await findStartableTicket(db, id);
  if (profile.provider !== ticket.provider) throw new Error('profile from the wrong provider');
  const readable = readableProfile(profile);
  // Only the key is recorded: the picture is fetched later, and its failure can't stop a sign-in.
  const avatar = identityAvatar(avatarSecret, readable);
  await ensureAvatar(db, avatar, new Date().toISOString());
  const identity = await upsertIdentity(db, readable, avatar.key);
  const code = randomSecret();
  const moved = await moveTicket(db, id, 'pending', {
    status: 'complete',
    identity_id: identity.id,
    code_hash: sha256(code),
    handshake: '{}',
  });
  if (!moved) throw new AppError(409, 'ticket_used', 'This sign-in has already finished');
  return { code, ticket: { ...ticket, status: 'complete' }, identity };
}

/** The reader said no at the provider, or the provider failed. */
export async function failLoginTicket(
  db: Db,
  id: string,
  failure: 'denied' | 'failed',
): Promise<void> {
  await moveTicket(db, id, 'pending', { status: 'failed', failure, handshake: '{}' });
}

/**
 * Exchanges a completed ticket for its identity, once. The verifier must match
 * the challenge; a code, when given, must match too. Without a code (polling:
 * a provider's COOP severed the popup from the widget) only a popup ticket
 * bound to a browser may be redeemed; a redirect ticket always needs its code,
 * which only the browser that finished it ever saw. Returns null while the
 * reader is still at the provider.
 */
export async function redeemLoginTicket(
  db: Db,
  input: { ticket: string; verifier: string; code?: string | undefined },
): Promise<{ identityId: string; siteId: string } | null> {
  const row = await findTicketRow(db, input.ticket);
  if (!row) {
    throw new AppError(404, 'ticket_not_found', 'This sign-in is not valid');
  }
  if (!safeEqual(sha256(input.verifier), row.challenge)) throw startedElsewhere();
  if (row.status === 'redeemed')
    throw new AppError(409, 'ticket_used', 'This sign-in was already used');
  if (row.status === 'failed') {
    throw row.failure === 'denied'
      ? new AppError(403, 'login_denied', 'Sign-in was cancelled at the provider')
      : new AppError(502, 'login_failed', 'The provider could not sign you in');
  }
  if (isExpired(row))
    throw new AppError(410, 'ticket_expired', 'This sign-in took too long; try again');
  if (input.code === undefined && row.return_url !== null) {
    throw new AppError(403, 'invalid_verifier', 'This sign-in needs the code it came back with');
  }
  if (row.status === 'pending') return null;
  if (input.code === undefined && row.binding_hash === null) throw startedElsewhere();
  if (
    input.code !== undefined &&
    !(row.code_hash && safeEqual(sha256(input.code), row.code_hash))
  ) {
    throw new AppError(403, 'invalid_verifier', 'That sign-in code is not valid');
  }
  // Single use even when two redeems race: only one update flips the status.
  const flipped = await moveTicket(db, row.id, 'complete', { status: 'redeemed', code_hash: null });
  if (!flipped || !row.identity_id) {
    throw new AppError(409, 'ticket_used', 'This sign-in was already used');
  }
  return { identityId: row.identity_id, siteId: row.site_id };
}

/** The ticket's id and challenge, for `hold` (the verifier must match before it is kept). */
export async function checkVerifier(db: Db, id: string, verifier: string): Promise<boolean> {
  const row = await findTicketRow(db, id);
  return row?.status === 'pending' && safeEqual(sha256(verifier), row.challenge);
}
