import type { Request, Response } from 'express';
import { randomSecret, sha256 } from '../auth/crypto.ts';
import { AppError } from '../errors.ts';
import { partitionedCookie, readCookie } from '../http/cookies.ts';
import { SiteId } from '../sites/site.schema.ts';

// Path=/ so the iframe page itself (not only the API) sees it: the author's
// held comments are in the thread's first render.
const cookieOptions = partitionedCookie('/');
const YEAR_MS = 365 * 86_400_000;

/**
 * The site id becomes part of a cookie name: routes validate it first, and
 * this refuses anything else rather than letting `res.cookie` throw (a 500).
 */
function cookieName(siteId: string): string {
  if (!SiteId.safeParse(siteId).success) {
    throw new AppError(400, 'invalid_body', 'That is not a site id', 'site');
  }
  return `parley_ak_${siteId}`;
}

/**
 * The browser's author key for a site, hashed: it lets a reader see their own
 * held comments (guests and signed-in alike), in the iframe's own partitioned
 * cookie, never on the host page.
 */
export function readAuthorKeyHash(req: Request, siteId: string): string | null {
  const key = readCookie(req, cookieName(siteId));
  return key ? sha256(key) : null;
}

/** The author key a post will be stored with: the browser's own, or a new one to hand out. */
export interface AuthorKey {
  hash: string;
  /** Set when the browser had none: give it with `grantAuthorKey`, once the post is accepted. */
  newKey: string | null;
}

/** The browser's author key for a site, or a fresh one (not yet sent: see grantAuthorKey). */
export function authorKeyFor(req: Request, siteId: string): AuthorKey {
  const existing = readAuthorKeyHash(req, siteId);
  if (existing) return { hash: existing, newKey: null };
  const newKey = randomSecret();
  return { hash: sha256(newKey), newKey };
}

/**
 * Sets the cookie of a new author key. Only an accepted post earns one: a
 * refused request must leave the browser as it was.
 */
export function grantAuthorKey(res: Response, siteId: string, key: AuthorKey): void {
  if (key.newKey) res.cookie(cookieName(siteId), key.newKey, { ...cookieOptions, maxAge: YEAR_MS });
}
