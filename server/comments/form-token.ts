import { createHmac } from 'node:crypto';
import { safeEqual } from '../auth/crypto.ts';

// A form older than this is still fine to post from, but no longer proves timing.
const MAX_AGE_MS = 24 * 60 * 60_000;

function sign(secret: string, siteId: string, issuedAt: number): string {
  return createHmac('sha256', secret).update(`form.${siteId}.${issuedAt}`).digest('base64url');
}

/** `issuedAt.hmac`: rendered into the iframe, sent back with a post. */
export function issueFormToken(secret: string, siteId: string, now = Date.now()): string {
  return `${now}.${sign(secret, siteId, now)}`;
}

/**
 * How long ago the form was rendered, from a token only this server could
 * have made; null when there is no valid, recent token (the pipeline then
 * holds the comment rather than trusting a client's clock).
 */
export function formAgeMs(
  secret: string,
  siteId: string,
  token: string | undefined,
  now = Date.now(),
): number | null {
  const [issued, sig] = (token ?? '').split('.');
  const issuedAt = Number(issued);
  if (!sig || !Number.isSafeInteger(issuedAt) || !safeEqual(sign(secret, siteId, issuedAt), sig)) {
    return null;
  }
  const age = now - issuedAt;
  return age >= 0 && age <= MAX_AGE_MS ? age : null;
}
