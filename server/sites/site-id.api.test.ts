/**
 * A site id comes from the embedding page, so anyone can send any string.
 * Site ids become parts of cookie names (`parley_ak_<site>`, `parley_rt_<site>`),
 * so each entry point checks them against the CLI's alphabet first: a hostile
 * id is a 4xx in the usual error shape, never a 500, and never sets a cookie.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

const PAGE = 'https://blog.example/post';
const HOSTILE_IDS = [
  "' OR '1'='1",
  'a b',
  'blog;path=/',
  'blog\r\nSet-Cookie: x=1',
  'Blog',
  '-blog',
  'blog/../admin',
  'блог',
  'a'.repeat(64),
  '',
];

const comment = (overrides: Record<string, unknown> = {}) => ({
  site: 'blog',
  page: PAGE,
  pageUrl: PAGE,
  body: 'Hello',
  author: { name: 'Reader', email: 'reader@example.com' },
  ...overrides,
});

describe.each(DIALECTS)('site ids from the outside on %s', (dialect) => {
  let server: TestServer;
  const send = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  /** The usual error body, with the status; and no cookie was set on the way. */
  async function refusal(res: Response) {
    expect(res.headers.getSetCookie()).toEqual([]);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(typeof error.message).toBe('string');
    return { status: res.status, code: error.code };
  }

  beforeAll(async () => {
    if (!existsSync('dist/widget/.vite/manifest.json'))
      throw new Error('Build the widget first: npm run build');
    server = await startTestServer(dialect, {
      TWITTER_CONSUMER_KEY: 'tw-key',
      TWITTER_CONSUMER_SECRET: 'tw-secret',
    });
    await server.buildSite();
  });
  afterAll(() => server.stop());

  it.each(HOSTILE_IDS)('refuses %j everywhere with a 400', async (site) => {
    const q = encodeURIComponent(site);
    const answers = [
      await send('/api/v1/comments', comment({ site })),
      await send(`/api/v1/comments?site=${q}&page=${encodeURIComponent(PAGE)}`),
      await send('/api/v1/auth/tickets', { site, provider: 'twitter', challenge: 'a'.repeat(43) }),
      await send('/api/v1/auth/refresh', { site }),
      await send(`/api/v1/auth/logout?site=${q}`, {}),
    ];
    for (const res of answers) {
      expect(await refusal(res)).toEqual({ status: 400, code: 'invalid_body' });
    }
    const stored = await server.parley.db.selectFrom('comments').select('id').execute();
    expect(stored).toEqual([]);
  });

  it('shows the quiet "unavailable" page for a hostile id in the iframe URL', async () => {
    for (const site of HOSTILE_IDS) {
      const res = await fetch(
        `${server.url}/embed/thread?${new URLSearchParams({ site, url: PAGE, origin: 'https://blog.example' })}`,
        // A header carries only printable ASCII; every id that can also comes as a cookie.
        { headers: /^[\x20-\x7e]*$/.test(site) ? { cookie: `parley_ak_${site}=x` } : {} },
      );
      expect(res.status, site).toBe(404);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it('sets the author-key cookie only on a post that was accepted', async () => {
    const refused = [
      // Unknown site, right alphabet.
      await send('/api/v1/comments', comment({ site: 'nosuch' })),
      // A page not on the site's origins.
      await send(
        '/api/v1/comments',
        comment({ page: 'https://evil.example/x', pageUrl: 'https://evil.example/x' }),
      ),
      // A reply to a comment that isn't there.
      await send('/api/v1/comments', comment({ parentId: 'nope' })),
      // Empty and oversized bodies.
      await send('/api/v1/comments', comment({ body: '   ' })),
      await send('/api/v1/comments', comment({ body: 'x'.repeat(10_001) })),
    ];
    expect(await Promise.all(refused.map(refusal))).toEqual([
      { status: 404, code: 'unknown_site' },
      { status: 403, code: 'origin_not_allowed' },
      { status: 404, code: 'parent_not_found' },
      { status: 400, code: 'invalid_body' },
      { status: 413, code: 'body_too_large' },
    ]);

    const accepted = await send('/api/v1/comments', comment({ body: 'Accepted' }));
    expect(accepted.status).toBe(201);
    const [cookie] = accepted.headers.getSetCookie();
    expect(cookie).toMatch(/^parley_ak_blog=[A-Za-z0-9_-]+; /);

    // Posted again: a duplicate is refused, and the browser keeps its key.
    const again = await send('/api/v1/comments', comment({ body: 'Accepted' }), {
      cookie: (cookie as string).split(';')[0] as string,
    });
    expect(await refusal(again)).toEqual({ status: 409, code: 'duplicate_comment' });
  });
});
