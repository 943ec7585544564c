/**
 * Guest posts answered before Express's router (issue 10, "the guest POST"):
 * a `POST /api/v1/comments` from a guest, with a plain UTF-8 JSON body of a
 * declared length, skips the walk through every router of the app and
 * body-parser's machinery. Everything else about it is the route's own: the
 * request and response get Express's prototypes (as Express's own handle()
 * gives them), the app's request log, security headers and compression run
 * first in the app's order, the body becomes what express.json() would make
 * of it, and then the route's own handler runs (validation, the service, rate
 * limits, the 201); a failure goes to the app's one error handler. Same
 * bytes, same headers (comment.fast-path.api.test.ts holds both doors side
 * by side).
 *
 * Declined, so left whole to Express: a Bearer token (identify() reads it), a
 * body that is chunked, compressed, over the limit or in another charset,
 * any other content type, path or query.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, Express, Request, RequestHandler, Response } from 'express';
import { fromBodyParser } from '../http/errors.ts';
import type { NodeMiddleware } from '../http/node-middleware.ts';
import { COMMENT_BODY_LIMIT } from './comment.routes.ts';

const PATH = '/api/v1/comments';
// What requireJson and express.json() read as UTF-8 JSON without a second
// thought: the type alone, or with charset=utf-8. Other charsets (or
// parameters) go to body-parser, which decides.
const PLAIN_JSON = /^application\/json[ \t]*(?:;[ \t]*charset=(?:utf-8|"utf-8")[ \t]*)?$/i;
const DIGITS = /^\d+$/;
// body-parser's `strict`: only an object or an array, after JSON's whitespace.
const FIRST_CHAR = /^[ \t\n\r]*([^ \t\n\r])/;

export interface CommentFastPathDeps {
  /** The app whose request and response Express's handle() would hand the route. */
  express: Express;
  /** The app's own middleware before its routes (request log, security headers, compression). */
  before: readonly NodeMiddleware[];
  /** The route's handler (comment.routes.ts, createCommentHandler). */
  handler: RequestHandler;
  /** The app's error handler (http/errors.ts). */
  errors: ErrorRequestHandler;
}

/** Whether this path takes the request (headers only; the body is still unread). */
function takes(req: IncomingMessage): boolean {
  const h = req.headers;
  if (req.method !== 'POST' || req.url !== PATH) return false;
  if (h.authorization !== undefined || h['content-encoding'] !== undefined) return false;
  if (h['transfer-encoding'] !== undefined) return false;
  const type = h['content-type'];
  const length = h['content-length'];
  return (
    type !== undefined &&
    PLAIN_JSON.test(type) &&
    length !== undefined &&
    DIGITS.test(length) &&
    Number(length) <= COMMENT_BODY_LIMIT
  );
}

/**
 * The body as express.json({ strict: true }) parses it: decoded as UTF-8
 * (a byte-order mark dropped, as its decoder does), `{}` when empty, only
 * an object or an array. Throws the app's error for a body that is not JSON.
 */
export function parseJsonBody(bytes: Buffer): unknown {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return {};
  const first = FIRST_CHAR.exec(text)?.[1];
  try {
    if (first !== '{' && first !== '[') throw new SyntaxError('not an object or array');
    return JSON.parse(text);
  } catch {
    throw fromBodyParser({ type: 'entity.parse.failed' });
  }
}

/**
 * A request handler that answers guest posts and returns true, or returns
 * false and leaves the request (unread) to Express.
 */
export function guestPosts(
  deps: CommentFastPathDeps,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { express, before, handler, errors } = deps;
  return (incoming, outgoing) => {
    if (!takes(incoming)) return false;
    // What Express's app.handle() does first (x-powered-by is off in this app).
    const req = Object.setPrototypeOf(incoming, express.request) as Request;
    const res = Object.setPrototypeOf(outgoing, express.response) as Response;
    req.res = res;
    res.req = req;
    res.locals ??= Object.create(null);
    req.originalUrl = req.url;
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      errors(err, req, res, () => {});
    };
    for (const middleware of before) middleware(req, res, () => {});
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', fail);
    req.on('end', () => {
      try {
        req.body = parseJsonBody(Buffer.concat(chunks));
      } catch (err) {
        fail(err);
        return;
      }
      Promise.resolve(handler(req, res, fail)).catch(fail);
    });
    return true;
  };
}
