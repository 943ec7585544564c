/**
 * Reader sessions: a revocable row per sign-in and site, a short-lived signed
 * access token kept in the iframe's memory, and a rotating refresh token kept
 * in an HttpOnly partitioned cookie of the iframe's origin (its own storage:
 * partitioned by the embedding site, unreadable by the host page or scripts).
 */
import { createHmac } from 'node:crypto';
import type { AuthSession } from '../../contract/api.ts';
import { AppError } from '../errors.ts';
import { presentIdentity } from '../identities/identity.presenter.ts';
import { findIdentity } from '../identities/identity.repository.ts';
import type { IdentityRow, SessionRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import { newId } from '../store/ids.ts';
import { randomSecret, safeEqual, sha256 } from './crypto.ts';
import {
  findSession,
  findSessionByRefreshHash,
  insertSession,
  markSessionRevoked,
  rotateRefreshHash,
} from './session.repository.ts';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const SESSION_DAYS = 30;

export interface SessionContext {
  sessionId: string;
  siteId: string;
  identity: IdentityRow;
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** `v1.<session>.<expiry>.<hmac>`: checked against the session row on every use. */
function issueAccessToken(
  secret: string,
  session: SessionRow,
): { token: string; expiresIn: number } {
  const exp = Math.floor(Date.now() / 1000) + ACCESS_TOKEN_SECONDS;
  const payload = `v1.${session.id}.${exp}`;
  return {
    token: `${payload}.${sign(secret, `${payload}.${session.site_id}`)}`,
    expiresIn: ACCESS_TOKEN_SECONDS,
  };
}

async function activeSession(db: Db, id: string): Promise<SessionRow | undefined> {
  const row = await findSession(db, id);
  const now = new Date().toISOString();
  return row && !row.revoked_at && row.expires_at > now ? row : undefined;
}

async function sessionResponse(db: Db, secret: string, session: SessionRow): Promise<AuthSession> {
  const identity = await findIdentity(db, session.identity_id);
  if (!identity) throw new AppError(401, 'unauthorized', 'This account no longer exists');
  const { token, expiresIn } = issueAccessToken(secret, session);
  return { accessToken: token, expiresIn, identity: presentIdentity(identity) };
}

/** Opens a session for an identity on a site; returns it and its refresh token. */
export async function openSession(
  db: Db,
  secret: string,
  input: { identityId: string; siteId: string },
): Promise<{ session: AuthSession; refreshToken: string }> {
  const refreshToken = randomSecret();
  const now = new Date();
  const row: SessionRow = {
    id: newId(),
    identity_id: input.identityId,
    site_id: input.siteId,
    refresh_hash: sha256(refreshToken),
    previous_refresh_hash: null,
    created_at: now.toISOString(),
    refreshed_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
    revoked_at: null,
  };
  await insertSession(db, row);
  return { session: await sessionResponse(db, secret, row), refreshToken };
}

/** How long a just-rotated refresh token still counts as a racing tab, not a thief. */
const REFRESH_RACE_MS = 10_000;

function isLive(row: SessionRow, siteId: string): boolean {
  return !row.revoked_at && row.expires_at > new Date().toISOString() && row.site_id === siteId;
}

/**
 * Trades a refresh token for a new access token and a new refresh token. A
 * token for another site is refused; a token already rotated away, presented
 * again after the race window, means it was copied: the whole session is
 * revoked. `refreshToken` is null when the cookie must stay as it is.
 */
export async function refreshSession(
  db: Db,
  secret: string,
  input: { refreshToken: string; siteId: string },
): Promise<{ session: AuthSession; refreshToken: string | null }> {
  const hash = sha256(input.refreshToken);
  const row = await findSessionByRefreshHash(db, 'refresh_hash', hash);
  if (!row) {
    const previous = await findSessionByRefreshHash(db, 'previous_refresh_hash', hash);
    if (!previous) throw new AppError(401, 'unauthorized', 'Please sign in again');
    // Two tabs (or embeds) of one site share the cookie jar and may refresh
    // at the same moment: the loser presents the token the winner just
    // rotated away. Within a few seconds that is a race, not a theft; its jar
    // already holds the new token, so it only needs an access token.
    const racing = Date.now() - Date.parse(previous.refreshed_at) < REFRESH_RACE_MS;
    if (racing && isLive(previous, input.siteId)) {
      return { session: await sessionResponse(db, secret, previous), refreshToken: null };
    }
    await revokeSession(db, previous.id);
    throw new AppError(401, 'unauthorized', 'Please sign in again');
  }
  if (
    row.revoked_at ||
    row.expires_at <= new Date().toISOString() ||
    row.site_id !== input.siteId
  ) {
    throw new AppError(401, 'unauthorized', 'Please sign in again');
  }
  const refreshToken = randomSecret();
  const now = new Date();
  const rotated = await rotateRefreshHash(db, row.id, hash, {
    refresh_hash: sha256(refreshToken),
    previous_refresh_hash: hash,
    refreshed_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
  });
  if (!rotated) throw new AppError(401, 'unauthorized', 'Please sign in again');
  return { session: await sessionResponse(db, secret, row), refreshToken };
}

/** Ends a session everywhere: its access and refresh tokens stop working at once. */
export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await markSessionRevoked(db, sessionId, new Date().toISOString());
}

/** Revokes the session a refresh token belongs to (sign-out without an access token). */
export async function revokeByRefreshToken(db: Db, refreshToken: string): Promise<void> {
  const row = await findSessionByRefreshHash(db, 'refresh_hash', sha256(refreshToken));
  if (row) await revokeSession(db, row.id);
}

/** The session behind an access token, or 401 invalid_token. */
export async function verifyAccessToken(
  db: Db,
  secret: string,
  token: string,
): Promise<SessionContext> {
  const invalid = new AppError(
    401,
    'invalid_token',
    'Your sign-in has expired; please sign in again',
  );
  const [version, id, exp, sig] = token.split('.');
  if (version !== 'v1' || !id || !exp || !sig || Number(exp) < Date.now() / 1000) throw invalid;
  const session = await activeSession(db, id);
  if (!session || !safeEqual(sign(secret, `v1.${id}.${exp}.${session.site_id}`), sig))
    throw invalid;
  const identity = await findIdentity(db, session.identity_id);
  if (!identity) throw invalid;
  return { sessionId: session.id, siteId: session.site_id, identity };
}
