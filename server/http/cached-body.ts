/**
 * Sends a body from the thread cache: the encoding the client prefers (br,
 * then gzip), a strong ETag naming that representation, and 304 when the
 * client already holds it. compression() leaves these alone (they carry
 * their Content-Encoding already).
 */
import type { Request, Response } from 'express';
import type { CachedPage, Encoding, ThreadCache } from '../comments/thread.cache.ts';
import { etagOf } from '../comments/thread.cache.ts';

function encodingFor(req: Request): Encoding {
  const chosen = req.acceptsEncodings('br', 'gzip', 'identity');
  return chosen === 'br' || chosen === 'gzip' ? chosen : 'identity';
}

/** Whether If-None-Match names `etag` (or is `*`). */
function notModified(req: Request, etag: string): boolean {
  const header = req.get('if-none-match');
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

export async function sendCached(
  req: Request,
  res: Response,
  cache: ThreadCache,
  key: string,
  entry: CachedPage,
  options: { type: string; cacheControl: string },
): Promise<void> {
  const encoding = encodingFor(req);
  const etag = etagOf(entry, encoding);
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', options.cacheControl);
  res.setHeader('Vary', 'Accept-Encoding, Cookie');
  if (notModified(req, etag)) {
    res.status(304).end();
    return;
  }
  const body = await cache.encoded(key, entry, encoding);
  res.setHeader('Content-Type', options.type);
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', body.length);
  res.status(200).end(req.method === 'HEAD' ? undefined : body);
}
