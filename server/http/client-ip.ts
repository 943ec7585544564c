import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import type { Express } from 'express';

const require = createRequire(import.meta.url);
/** proxy-addr, the code behind Express's `req.ip` (it ships no types). */
const proxyaddr = require('proxy-addr') as (
  req: IncomingMessage,
  trust: (address: string, hop: number) => boolean,
) => string | undefined;

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
