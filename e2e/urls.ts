// The demo runs on ports of its own in tests so they never collide with
// `npm run demo`. Parley answers on 127.0.0.1 and the blog on localhost: two
// different sites, so the cross-site (third-party) path is what is tested.
export const PARLEY_PORT = 18080;
export const BLOG_PORT = 18081;
export const PARLEY_URL = `http://127.0.0.1:${PARLEY_PORT}`;
export const BLOG_URL = `http://localhost:${BLOG_PORT}`;
// A plain host site of our own (e2e/host-server.ts) for pages a test writes
// itself: unusual markup, two embeds, hostile CSS. Registered as site "e2e".
export const HOST_PORT = 18082;
export const HOST_URL = `http://localhost:${HOST_PORT}`;
