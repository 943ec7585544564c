/**
 * One log line per request. By default it carries what an operator reads a
 * request log for (method, path, status, time) and nothing else: no headers,
 * no query string (tickets and page addresses ride there), so a busy server
 * writes a little, not a kilobyte a request. LOG_LEVEL=debug logs the full
 * request as pino-http describes it (secrets redacted, see logger.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
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
  return pinoHttp({
    logger,
    autoLogging: { ignore: (req) => req.url === '/healthz' },
    ...(verbose ? {} : lean),
  });
}
