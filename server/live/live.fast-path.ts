/**
 * Live-update streams opened before Express (issue 10, "Memory"): an idle
 * stream held through Express cost ~12 KB of heap (its request and response
 * objects in dictionary mode, their property tables); opened here, it holds
 * node:http's own request and response, the request log's state and the
 * hub's entry. It runs the app's request log and security headers as Express
 * would, then the hub's open(), as the Express route does.
 *
 * Only what it can open goes this way: a `GET /api/v1/events?…` whose query
 * is valid, for a registered site, from an address under its limit. Every
 * other request (a refusal, HEAD, a path or query Express reads differently)
 * goes to Express, whose route answers it in full, so refusals are the
 * route's own bytes. The client address is Express's `req.ip` (client-ip.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'node:querystring';
import type { z } from 'zod';
import { LiveQuery } from '../../contract/comment.schema.ts';
import type { NodeMiddleware } from '../http/node-middleware.ts';
import { logAnswered } from '../http/request-log.ts';
import type { Logger } from '../logger.ts';
import { requireSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import { type LiveHub, resumePoint } from './live.hub.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const PREFIX = '/api/v1/events?';
const next = () => {};

export interface LiveFastPathDeps {
  db: Db;
  hub: LiveHub;
  logger: Logger;
  /** Express's `req.ip` for a plain request (client-ip.ts). */
  clientIp: (req: IncomingMessage) => string;
  /** The app's own request log, run as Express runs it. */
  requestLog: NodeMiddleware;
  /** The app's own security headers (helmet), sent with the stream's. */
  securityHeaders: NodeMiddleware;
  /** The Express app: what this path does not open, it answers. */
  express: Handler;
}

/**
 * The headers `middleware` sets, in its order, as an object for
 * `writeHead()`: set on the response itself, node:http would keep each in a
 * table of its own for as long as the stream is open (~1 KB each).
 */
function headersSetBy(middleware: NodeMiddleware, req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number) {
      headers[name] = String(value);
      return recorder;
    },
    removeHeader(name: string) {
      delete headers[name];
    },
  };
  // helmet calls nothing else on a response (a test holds both paths' headers side by side).
  middleware(req, recorder as unknown as ServerResponse, next);
  return headers;
}

/**
 * A request handler that takes live-update streams and returns true, or
 * returns false and leaves the request to Express. A stream it takes may
 * still go to Express after the site lookup (unknown site, limit reached
 * meanwhile), which then answers it.
 */
export function liveStreams(
  deps: LiveFastPathDeps,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { db, hub, logger, clientIp, requestLog, securityHeaders, express } = deps;
  const verbose = logger.isLevelEnabled('debug');
  // The lean log line needs only when the stream opened: written when it
  // closes, it lets the hub hold the stream by its socket alone (live.socket.ts).
  const logClosed = (openedAt: number) =>
    logAnswered(requestLog, 'GET', '/api/v1/events', 200, openedAt);

  async function open(
    req: IncomingMessage,
    res: ServerResponse,
    query: z.infer<typeof LiveQuery>,
    ip: string,
  ) {
    try {
      await requireSite(db, query.site);
    } catch {
      // Unknown site, or the store failing: the route says which, in its own words.
      express(req, res);
      return;
    }
    // Others from this address may have opened streams during the lookup.
    if (!hub.admits(ip)) {
      express(req, res);
      return;
    }
    let headers: Record<string, string> | undefined;
    // At debug level the log line lists the request's and the response's
    // headers (getHeaders()): log and set them on the response, as Express
    // does, which keeps both for as long as the stream is open.
    if (verbose) {
      requestLog(req, res, next);
      securityHeaders(req, res, next);
    } else headers = headersSetBy(securityHeaders, req);
    // node:http joins a repeated Last-Event-ID into one string, as Express's req.get() sees it.
    const header = req.headers['last-event-id'];
    const lastId = resumePoint(typeof header === 'string' ? header : undefined, query.since);
    try {
      await hub.open(res, ip, query.site, query.page, lastId, {
        headers,
        onClosed: verbose ? undefined : logClosed,
      });
    } catch (err) {
      // The replay could not be read: the reader reconnects and tries again.
      logger.error({ err, path: '/api/v1/events' }, 'could not open a live stream');
      if (res.headersSent) res.end();
      else res.destroy();
    }
  }

  return (req, res) => {
    const url = req.url;
    // A raw '#' ends the query for Express (parseurl) but not for parse().
    if (req.method !== 'GET' || !url?.startsWith(PREFIX) || url.includes('#')) return false;
    // Express 5's query parser ('simple') is node:querystring's.
    const query = LiveQuery.safeParse(parse(url.slice(PREFIX.length)));
    if (!query.success) return false;
    const ip = clientIp(req);
    if (!hub.admits(ip)) return false;
    void open(req, res, query.data, ip);
    return true;
  };
}
