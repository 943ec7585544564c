/**
 * Counts answered before Express (issue 10, "Counts"): a
 * `GET /api/v1/counts` whose pages are all counted in the thread cache is
 * sent from memory after the same request log, security headers and
 * compression as every response, without Express's routing or `res.json`.
 * It sends what the Express route sends, byte for byte and header for header
 * (counts.fast-path.api.test.ts holds the two side by side), including the
 * weak ETag Express computes and its 304. Anything else (a page not cached,
 * an unknown site, a query zod refuses, HEAD) goes to Express, which answers
 * it in full, errors included. So does a target with a raw '#', which
 * Express reads only up to the '#'.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'node:querystring';
import { CountsQuery } from '../../contract/comment.schema.ts';
import type { NodeMiddleware } from '../http/node-middleware.ts';
import { cachedCounts } from './counts.service.ts';
import type { CachedPage, ThreadCache } from './thread.cache.ts';

const PATH = '/api/v1/counts';

/** Public numbers, the same for everyone: shared caches may keep them, but ask each time. */
export const COUNTS_CACHE_CONTROL = 'public, no-cache';

/** Express's default ETag (the `etag` package, weak): length in hex and SHA-1 of the body. */
function weakEtag(body: Buffer): string {
  const hash = createHash('sha1').update(body).digest('base64').slice(0, 27);
  return `W/"${body.length.toString(16)}-${hash}"`;
}

const NO_CACHE = /(?:^|,)\s*?no-cache\s*?(?:,|$)/;

/**
 * Whether the client holds `etag` already: Express's `req.fresh` (the
 * `fresh` package) for a response with an ETag and no Last-Modified.
 */
function fresh(req: IncomingMessage, etag: string): boolean {
  const noneMatch = req.headers['if-none-match'];
  // If-Modified-Since alone: stale, as there is no Last-Modified to compare.
  if (!noneMatch) return false;
  const cacheControl = req.headers['cache-control'];
  if (cacheControl && NO_CACHE.test(cacheControl)) return false;
  if (noneMatch === '*') return true;
  return (
    noneMatch
      .split(',')
      // Spaces around each tag, not other whitespace, as `fresh` reads them.
      .map((t) => t.replace(/^ +| +$/g, ''))
      .some((t) => t === etag || `W/${t}` === etag || t === `W/${etag}`)
  );
}

/** A whole answer, by request URL, with what it was built from. */
interface Answer {
  body: Buffer;
  etag: string;
  from: [string, CachedPage][];
}

/**
 * Whole answers kept per URL: a listing page asks the same question of
 * every visitor, and the answer holds while every entry it was built from
 * is still the one cached (a change to any of its pages, or to the site,
 * drops or replaces one). Bounded: anyone can make up URLs.
 */
const MAX_ANSWERS = 500;
const MAX_URL_CHARS = 4096;

/**
 * A request handler that answers fully cached counts and returns true, or
 * returns false and leaves the request to Express. `before` are the app's
 * own request log, security headers and compression, run as Express runs them.
 */
export function cachedCountsAnswers(
  cache: ThreadCache,
  before: readonly NodeMiddleware[],
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const answers = new Map<string, Answer>();

  function answerFor(url: string): Answer | undefined {
    const kept = answers.get(url);
    if (kept?.from.every(([key, entry]) => cache.get(key) === entry)) return kept;
    if (kept) answers.delete(url);
    // Express 5's query parser ('simple') is node:querystring's.
    const query = CountsQuery.safeParse(parse(url.slice(PATH.length + 1)));
    if (!query.success) return undefined;
    const counted = cachedCounts(cache, query.data.site, query.data.page);
    if (!counted) return undefined;
    const body = Buffer.from(counted.json);
    const answer = { body, etag: weakEtag(body), from: counted.from };
    if (url.length <= MAX_URL_CHARS) {
      if (answers.size >= MAX_ANSWERS) answers.delete(answers.keys().next().value as string);
      answers.set(url, answer);
    }
    return answer;
  }

  return (req, res) => {
    const url = req.url;
    // A raw '#' ends the query for Express (parseurl) but not for parse():
    // such a target is Express's to read.
    if (
      req.method !== 'GET' ||
      !url?.startsWith(PATH) ||
      url.indexOf('?') !== PATH.length ||
      url.includes('#')
    ) {
      return false;
    }
    const answer = answerFor(url);
    if (!answer) return false;
    for (const middleware of before) middleware(req, res, () => {});
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', COUNTS_CACHE_CONTROL);
    res.setHeader('ETag', answer.etag);
    if (fresh(req, answer.etag)) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', answer.body.length);
    res.statusCode = 200;
    res.end(answer.body);
    return true;
  };
}
