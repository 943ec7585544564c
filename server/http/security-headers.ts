/**
 * The security headers of every response: helmet's, worked out once at boot.
 * helmet runs a chain of a dozen middleware per request, each setting one
 * header whose value never changes with this app's options; replaying the
 * recorded calls sets the same headers, with the same values, in the same
 * order, for less.
 */
import helmet, { type HelmetOptions } from 'helmet';
import type { NodeMiddleware } from './node-middleware.ts';

/** What the app asks of helmet. */
export const APP_HELMET_OPTIONS: Readonly<HelmetOptions> = {
  // Pages that need a policy set their own (the iframe's differs per site);
  // everything else gets the strictest one below.
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  // frame-ancestors decides framing; X-Frame-Options can't list origins.
  frameguard: false,
};

/** One recorded call: a header set to a value, or removed (`null`). */
type HeaderCall = readonly [name: string, value: string | number | readonly string[] | null];

/**
 * Middleware setting what `helmet(options)` sets on every response. Options
 * that read the request (a CSP directive given as a function, for a nonce)
 * can't be worked out once: they fail here, at boot.
 */
export function appSecurityHeaders(options = APP_HELMET_OPTIONS): NodeMiddleware {
  const calls = recordCalls(helmet(options));
  return function securityHeaders(_req, res, next) {
    for (const [name, value] of calls) {
      if (value === null) res.removeHeader(name);
      else res.setHeader(name, value);
    }
    next();
  };
}

function recordCalls(middleware: NodeMiddleware): HeaderCall[] {
  const calls: HeaderCall[] = [];
  const request = new Proxy(
    {},
    {
      get(_target, key) {
        throw new Error(`security headers must not depend on the request (read ${String(key)})`);
      },
    },
  );
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      calls.push([name, value]);
      return recorder;
    },
    removeHeader(name: string) {
      calls.push([name, null]);
    },
  };
  let done = false;
  middleware(request as never, recorder as never, (err) => {
    if (err) throw err;
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously');
  return calls;
}
