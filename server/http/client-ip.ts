import type { IncomingMessage } from 'node:http';
import type { Express } from 'express';
// Express's own dependency, the code behind `req.ip` (bundled once for both).
import proxyaddr from 'proxy-addr';

/**
 * The client address of a request Express has not seen, exactly as Express's
 * `req.ip` computes it: its compiled `trust proxy` setting (hop count,
 * ranges) over the socket's address and X-Forwarded-For, so a handler
 * answering before Express counts per-IP limits against the same address
 * (a forged left-most X-Forwarded-For entry is never it).
 */
export function clientIpOf(app: Express): (req: IncomingMessage) => string {
  const trust = app.get('trust proxy fn') as (address: string, hop: number) => boolean;
  return (req) => proxyaddr(req, trust) ?? 'unknown';
}
