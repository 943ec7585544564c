import type { IncomingMessage } from 'node:http';
import type { CookieOptions } from 'express';

/** Reads one cookie from the request (a few lines instead of cookie-parser). */
export function readCookie(
  req: Pick<IncomingMessage, 'headers'>,
  name: string,
): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Cookies of the widget's iframe, a third party on the host page: they must be
 * SameSite=None + Secure, and Partitioned (CHIPS) so browsers that block
 * third-party cookies still keep them, in a jar of the embedding site only.
 */
export function partitionedCookie(path: string): CookieOptions {
  return { httpOnly: true, secure: true, sameSite: 'none', partitioned: true, path };
}
