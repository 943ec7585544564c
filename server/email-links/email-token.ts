/**
 * Tokens for links Parley emails (confirm a subscription, unsubscribe; any
 * "prove you own this address" link). A token names what it is for, the
 * site, a subject (e.g. a subscription id) and an expiry, and is signed with
 * a key derived from AUTH_SECRET over those *and the address it was sent
 * to*, which the token itself does not carry (a link in a forwarded email
 * names no address). So a token cannot be forged without the secret, cannot
 * be moved to another site, subject or purpose, and stops working once the
 * subject no longer belongs to that address (a deleted subscription, a new one
 * with the same id is impossible: ids are random).
 *
 * Nothing is stored: the same link can be written into every email. The
 * caller looks the subject up and checks the address with `emailTokenMatches`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A token longer than this is refused before parsing (hostile input). */
const MAX_TOKEN_CHARS = 1024;

export interface EmailTokenClaims {
  /** What the link does, e.g. `subscription.confirm`. */
  readonly purpose: string;
  readonly siteId: string;
  /** What it acts on (an id, or several joined by commas). */
  readonly subject: string;
  /** Unix ms after which the link no longer works; null: never expires (unsubscribe). */
  readonly expiresAt: number | null;
}

interface Payload {
  p: string;
  s: string;
  i: string;
  e: number | null;
}

function keyOf(secret: string): Buffer {
  // A key of its own, so a MAC made here can never pass as a session token's.
  return createHmac('sha256', secret).update('parley email links v1').digest();
}

function mac(secret: string, payload: string, email: string): Buffer {
  return createHmac('sha256', keyOf(secret))
    .update(`${payload}\n${email.trim().toLowerCase()}`)
    .digest();
}

/** Signs a link for `email` (the address the email goes to). */
export function signEmailToken(secret: string, claims: EmailTokenClaims, email: string): string {
  const payload = Buffer.from(
    JSON.stringify({
      p: claims.purpose,
      s: claims.siteId,
      i: claims.subject,
      e: claims.expiresAt,
    } satisfies Payload),
  ).toString('base64url');
  return `${payload}.${mac(secret, payload, email).toString('base64url')}`;
}

export type OpenedToken =
  | { readonly ok: true; readonly claims: EmailTokenClaims }
  | {
      readonly ok: false;
      readonly reason: 'malformed' | 'wrong_purpose' | 'wrong_site' | 'expired';
    };

/**
 * Reads a token's claims and checks what needs no lookup: its shape, that it
 * is for `purpose` on `siteId`, and its expiry. The signature still has to be
 * checked against the subject's address (`emailTokenMatches`): until then
 * nothing in it can be trusted.
 */
export function openEmailToken(
  token: unknown,
  expected: { purpose: string; siteId: string; now?: number },
): OpenedToken {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS) {
    return { ok: false, reason: 'malformed' };
  }
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!isPayload(parsed)) return { ok: false, reason: 'malformed' };
  if (parsed.p !== expected.purpose) return { ok: false, reason: 'wrong_purpose' };
  if (parsed.s !== expected.siteId) return { ok: false, reason: 'wrong_site' };
  if (parsed.e !== null && parsed.e <= (expected.now ?? Date.now())) {
    return { ok: false, reason: 'expired' };
  }
  return {
    ok: true,
    claims: { purpose: parsed.p, siteId: parsed.s, subject: parsed.i, expiresAt: parsed.e },
  };
}

/** True when `token` was signed for `email` (constant-time comparison). */
export function emailTokenMatches(secret: string, token: string, email: string): boolean {
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return false;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, payload, email);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function isPayload(value: unknown): value is Payload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.p === 'string' &&
    typeof v.s === 'string' &&
    typeof v.i === 'string' &&
    v.i.length > 0 &&
    (v.e === null || (typeof v.e === 'number' && Number.isFinite(v.e)))
  );
}
