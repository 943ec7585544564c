// The demo runs on ports of its own in tests so they never collide with
// `npm run demo` (E2E_PORT_BASE moves all three, e.g. for two runs at once).
// Parley answers on 127.0.0.1 and the blog on localhost: two different sites,
// so the cross-site (third-party) path is what is tested.
const base = Number(process.env.E2E_PORT_BASE ?? 18080);
export const PARLEY_PORT = base;
export const BLOG_PORT = base + 1;
export const PARLEY_URL = `http://127.0.0.1:${PARLEY_PORT}`;
export const BLOG_URL = `http://localhost:${BLOG_PORT}`;

// A plain host site of our own (e2e/host-server.ts) for pages a test writes
// itself: unusual markup, two embeds, hostile CSS. Registered as site "e2e".
export const HOST_PORT = base + 2;
export const HOST_URL = `http://localhost:${HOST_PORT}`;

// The sandbox sign-in providers the demo starts (no real accounts).
export const SANDBOX_PORT = base + 3;

// The owner of the "moderated" site, created through the CLI by the host server.
export const OWNER = { email: 'owner@moderated.example', password: 'correct horse battery staple' };
