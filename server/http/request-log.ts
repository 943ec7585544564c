/**
 * One log line per request. By default it carries what an operator reads a
 * request log for (method, path, status, time) and nothing else: no headers,
 * no query string (tickets and page addresses ride there), so a busy server
 * writes a little, not a kilobyte a request. LOG_LEVEL=debug logs the full
 * request as pino-http describes it (secrets redacted, see logger.ts).
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp, startTime } from 'pino-http';
import type { Logger } from '../logger.ts';

/** The path of a request, without its query string. */
function pathOf(req: IncomingMessage): string {
  const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

const lean = {
  serializers: {
    req: (req: { method?: string; url?: string }) => ({
      method: req.method,
      path: (req.url ?? '').split('?')[0],
    }),
    res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
  },
  customSuccessMessage: (req: IncomingMessage, res: ServerResponse, ms: number) =>
    `${req.method} ${pathOf(req)} ${res.statusCode} ${Math.round(ms)} ms`,
  customErrorMessage: (req: IncomingMessage, res: ServerResponse, err: Error) =>
    `${req.method} ${pathOf(req)} ${res.statusCode} ${err.message}`,
};

/** Express middleware logging each request once it is answered (not /healthz: load balancers poll it). */
export function requestLog(logger: Logger) {
  const verbose = logger.isLevelEnabled('debug');
  const logged = pinoHttp({
    logger,
    autoLogging: { ignore: (req) => req.url === '/healthz' },
    ...(verbose ? {} : lean),
  });
  // At LOG_LEVEL=silent no line can be written, yet pino-http would still
  // build each request a child logger (serialising and redacting it) and
  // listen for its end: requests get the app's own logger, as silent.
  // Checked per request, as pino's level may be changed at run time.
  return function requestLogged(req: IncomingMessage, res: ServerResponse, next: () => void) {
    if (logger.levelVal !== SILENT) {
      logged(req, res, next);
      return;
    }
    req.log = logger;
    res.log = logger;
    next();
  };
}

/** pino's level value of `silent`. */
const SILENT = Number.POSITIVE_INFINITY;

const noop = () => {};

/**
 * Writes the lean line of a request answered `status` at `startedAt`, as
 * `middleware` (requestLog()) writes it when a response closes, for a
 * response node:http no longer holds (a live-update stream's, taken from it:
 * live.socket.ts). The middleware runs on a stand-in request and response
 * that carry what the lean line reads; at debug level the line would want
 * headers, which only the real ones have.
 */
export function logAnswered(
  middleware: (req: IncomingMessage, res: ServerResponse, next: () => void) => void,
  method: string,
  url: string,
  status: number,
  startedAt: number,
): void {
  const req = Object.assign(new EventEmitter(), { method, url, headers: {} });
  const res = Object.assign(new EventEmitter(), {
    statusCode: status,
    headersSent: true,
    [startTime]: startedAt,
  });
  middleware(req as unknown as IncomingMessage, res as unknown as ServerResponse, noop);
  res.emit('close');
}
