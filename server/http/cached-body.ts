/**
 * Sends a body from the thread cache: the encoding the client accepts (br,
 * then gzip), a strong ETag naming that representation, and 304 when the
 * client already holds it. compression() leaves these alone (they carry
 * their Content-Encoding already). Plain node:http types: the hot read
 * (comments/thread.fast-path.ts) answers before Express.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CachedPage, Encoding, ThreadCache } from '../comments/thread.cache.ts';
import { etagOf } from '../comments/thread.cache.ts';

/**
 * br or gzip, whichever the client weighs more (br on a tie: it is smaller),
 * else the JSON as it is. `q=0` refuses a coding.
 */
export function encodingFor(header: string | undefined): Encoding {
  let best: Encoding = 'identity';
  let bestQ = 0;
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const coding = name.trim();
    if (coding !== 'br' && coding !== 'gzip' && coding !== '*') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > 0)) continue;
    const chosen: Encoding = coding === '*' ? 'br' : coding;
    if (q > bestQ || (q === bestQ && chosen === 'br')) {
      best = chosen;
      bestQ = q;
    }
  }
  return best;
}

/** Whether If-None-Match names `etag` (or is `*`). */
function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

export async function sendCached(
  req: IncomingMessage,
  res: ServerResponse,
  cache: ThreadCache,
  key: string,
  entry: CachedPage,
  options: {
    type: string;
    cacheControl: string;
    /** Default: the thread's (a reader's author-key cookie can change its answer). */
    vary?: string;
  },
): Promise<void> {
  const encoding = encodingFor(req.headers['accept-encoding']);
  const etag = etagOf(entry, encoding);
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', options.cacheControl);
  res.setHeader('Vary', options.vary ?? 'Accept-Encoding, Cookie');
  if (notModified(req, etag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const body = await cache.encoded(key, entry, encoding);
  res.setHeader('Content-Type', options.type);
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', body.length);
  res.statusCode = 200;
  res.end(req.method === 'HEAD' ? undefined : body);
}
