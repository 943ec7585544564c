import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import type { NodeMiddleware } from './node-middleware.ts';
import { APP_HELMET_OPTIONS, appSecurityHeaders } from './security-headers.ts';

/** The head a response would send after `middleware` ran (X-Powered-By set before, as Express can). */
function headAfter(middleware: NodeMiddleware): string {
  const req = new IncomingMessage(new Socket());
  req.method = 'GET';
  const res = new ServerResponse(req);
  res.setHeader('X-Powered-By', 'Express');
  res.setHeader('Content-Type', 'text/plain');
  let called = false;
  middleware(req, res, () => {
    called = true;
  });
  expect(called).toBe(true);
  res.writeHead(200);
  return (res as unknown as { _header: string })._header;
}

describe('security headers worked out once', () => {
  it('are helmet’s, byte for byte and in its order', () => {
    const once = headAfter(appSecurityHeaders());
    expect(once).toBe(headAfter(helmet(APP_HELMET_OPTIONS)));
    expect(once).toContain("Content-Security-Policy: default-src 'none';frame-ancestors 'none'");
    expect(once).not.toContain('X-Powered-By');
  });

  it('refuse, at boot, options that read the request', () => {
    expect(() =>
      appSecurityHeaders({
        contentSecurityPolicy: {
          useDefaults: false,
          directives: {
            defaultSrc: ["'none'"],
            scriptSrc: [(req) => `'nonce-${String(req.headers.host)}'`],
          },
        },
      }),
    ).toThrow(/must not depend on the request/);
  });
});
