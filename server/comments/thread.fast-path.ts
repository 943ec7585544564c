/**
 * The hot read, answered before Express (issue 10, "Performance"): a
 * `GET /api/v1/comments` whose slice is in the thread cache, from a reader
 * with no author key for the site (so nothing of their own to add), is sent
 * from memory after the same request log and security headers as every
 * response, without Express's routing, the site lookup or the query parser.
 * Anything else (a miss, a reader with an author key, a query this path does
 * not read exactly as Express would) goes to Express, which answers it in
 * full, errors included.
 *
 * Answering without looking the site up is safe: an entry exists only for a
 * site that existed when it was built, and removing or changing a site
 * announces `site.changed`, which drops all of its entries.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ListCommentsQuery } from '../../contract/comment.schema.ts';
import { sendCached } from '../http/cached-body.ts';
import { readCookie } from '../http/cookies.ts';
import type { NodeMiddleware } from '../http/node-middleware.ts';
import type { Logger } from '../logger.ts';
import type { ThreadCache } from './thread.cache.ts';
import { sliceKey } from './thread.service.ts';

const PATH = '/api/v1/comments';
const KNOWN = new Set(['site', 'page', 'cursor', 'sort', 'parent']);

/** What Express's routes send for a public slice (comment.routes.ts): one place for both. */
export const PUBLIC_SLICE = {
  type: 'application/json; charset=utf-8',
  // What everyone sees, but the same URL answers an author with their own
  // held comments (by cookie): browsers may keep it and must ask again each
  // time (a cheap 304); shared caches must not keep it.
  cacheControl: 'private, no-cache',
} as const;

/** The query, when it is one this path reads exactly as Express would; else null. */
function queryOf(url: string): ListCommentsQuery | null {
  const mark = url.indexOf('?');
  if ((mark === -1 ? url : url.slice(0, mark)) !== PATH || mark === -1) return null;
  const params = new URLSearchParams(url.slice(mark + 1));
  const fields: Record<string, string> = {};
  for (const [name, value] of params) {
    // Repeated or unknown names (arrays, `page[a]`): Express decides.
    if (!KNOWN.has(name) || name in fields) return null;
    fields[name] = value;
  }
  const parsed = ListCommentsQuery.safeParse(fields);
  return parsed.success ? parsed.data : null;
}

/**
 * A request handler that answers cached slices and returns true, or returns
 * false and leaves the request to Express. `before` are the app's own
 * request log and security headers, run as Express would run them.
 */
export function cachedThreadReads(
  cache: ThreadCache,
  before: readonly NodeMiddleware[],
  logger: Logger,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url?.startsWith(PATH)) {
      return false;
    }
    const query = queryOf(req.url);
    if (!query) return false;
    // A reader who has posted on this site may have comments of their own here.
    if (readCookie(req, `parley_ak_${query.site}`) !== undefined) return false;
    const key = sliceKey(query.site, query.page, query);
    const entry = cache.get(key);
    if (!entry) return false;
    for (const middleware of before) middleware(req, res, () => {});
    sendCached(req, res, cache, key, entry, PUBLIC_SLICE).catch((err: unknown) => {
      logger.error({ err }, 'could not send a cached thread');
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(
          JSON.stringify({
            error: { code: 'internal_error', message: 'Something went wrong on our side' },
          }),
        );
      } else res.destroy();
    });
    return true;
  };
}
