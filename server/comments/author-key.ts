import type { Request, Response } from 'express';
import { randomSecret, sha256 } from '../auth/crypto.ts';
import { partitionedCookie, readCookie } from '../http/cookies.ts';

// Path=/ so the iframe page itself (not only the API) sees it: the author's
// held comments are in the thread's first render.
const cookieOptions = partitionedCookie('/');
const YEAR_MS = 365 * 86_400_000;

const cookieName = (siteId: string) => `parley_ak_${siteId}`;

/**
 * The browser's author key for a site, hashed: it lets a reader see their own
 * held comments (guests and signed-in alike), in the iframe's own partitioned
 * cookie, never on the host page.
 */
export function readAuthorKeyHash(req: Request, siteId: string): string | null {
  const key = readCookie(req, cookieName(siteId));
  return key ? sha256(key) : null;
}

/** The author key hash, creating the key (and its cookie) on a first post. */
export function ensureAuthorKey(req: Request, res: Response, siteId: string): string {
  const existing = readAuthorKeyHash(req, siteId);
  if (existing) return existing;
  const key = randomSecret();
  res.cookie(cookieName(siteId), key, { ...cookieOptions, maxAge: YEAR_MS });
  return sha256(key);
}
