import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A connect-style middleware on node:http's own request and response: what
 * the paths answered before Express (thread reads, counts, guest POSTs, live
 * streams) run of the app's middleware (request log, helmet, compression).
 */
export type NodeMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void;
