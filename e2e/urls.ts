// The demo runs on ports of its own in tests so they never collide with
// `npm run demo` (E2E_PORT_BASE moves them all, e.g. for two runs at once).
// Parley answers on 127.0.0.1 and the blog on localhost: two different sites,
// so the cross-site (third-party) path is what is tested.
//
// Browsers reach every server over HTTPS (a throwaway certificate, see
// e2e/tls/): a TLS front on the public port pipes to the plain HTTP server on
// its backend port (public + 10), as a reverse proxy does in production.
// The sandbox providers stand for remote services and serve HTTPS themselves.
const base = Number(process.env.E2E_PORT_BASE ?? 18080);
const BACKEND_OFFSET = 10;

export const PARLEY_PORT = base;
export const BLOG_PORT = base + 1;
export const PARLEY_URL = `https://127.0.0.1:${PARLEY_PORT}`;
export const BLOG_URL = `https://localhost:${BLOG_PORT}`;

// A plain host site of our own (e2e/host-server.ts) for pages a test writes
// itself: unusual markup, two embeds, hostile CSS. Registered as site "e2e".
export const HOST_PORT = base + 2;
export const HOST_URL = `https://localhost:${HOST_PORT}`;

// The sandbox sign-in providers the demo starts (no real accounts); they
// serve HTTPS themselves, as a remote provider does.
export const SANDBOX_PORT = base + 3;

// A mail catcher (e2e/mail-server.ts): the demo's SMTP_URL points at it, and
// tests read what it received over plain HTTP (only the test runner does).
export const MAIL_SMTP_PORT = base + 4;
export const MAIL_API_URL = `http://127.0.0.1:${base + 5}`;

// Specs that start servers of their own, each on ports no other spec uses
// (two specs on one port run at once in a full run and answer each other's
// browsers): the dev-server spec, and the flood spec's own Parley.
export const DEV_SPEC_PORTS = {
  parley: base + 50,
  blog: base + 51,
  sandbox: base + 52,
  vite: base + 53,
};
export const FLOOD_SPEC_PORTS = { public: base + 60, backend: base + 70 };

/** Where each server really listens (plain HTTP on 127.0.0.1). */
export const backendPort = (publicPort: number): number => publicPort + BACKEND_OFFSET;

/** The TLS front's routes: Parley, the blog and the host pages. */
export const FRONTS = [PARLEY_PORT, BLOG_PORT, HOST_PORT].map((publicPort) => ({
  publicPort,
  backendPort: backendPort(publicPort),
}));

/**
 * Ports the WebKit driver processes may take (WebKitWebDriver serves one
 * session each): a block per Playwright worker, clear of the servers above.
 */
export const WEBKIT_DRIVER_PORTS = { first: base + 100, perWorker: 20 };

// The owner of the "moderated" site, created through the CLI by the host server.
export const OWNER = { email: 'owner@moderated.example', password: 'correct horse battery staple' };
