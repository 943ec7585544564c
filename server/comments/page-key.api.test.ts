/**
 * A page key with U+0000 is refused at every door that takes one (400),
 * never a 500: PostgreSQL refuses such text outright, and node:sqlite cut it
 * at the NUL (a comment posted to "a\u0000b" landed on "a"). Nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

const PAGE = 'https://blog.example/a\u0000b';
const q = encodeURIComponent;

describe.each(DIALECTS)('a page key with U+0000 on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.buildSite();
  });
  afterAll(() => server.stop());

  it('is refused by a post, and nothing is stored', async () => {
    const res = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site: 'blog',
        page: PAGE,
        pageUrl: 'https://blog.example/a',
        body: 'Hello',
        author: { name: 'Reader', email: 'r@example.com' },
      }),
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_body');
    expect(error.message).toContain('U+0000');
    expect(await server.parley.db.selectFrom('comments').select('id').execute()).toEqual([]);
    expect(await server.parley.db.selectFrom('pages').select('id').execute()).toEqual([]);
  });

  it.each([
    ['the thread', `/api/v1/comments?site=blog&page=${q(PAGE)}`],
    ['the counts', `/api/v1/counts?site=blog&page=ok&page=${q(PAGE)}`],
    ['live updates', `/api/v1/events?site=blog&page=${q(PAGE)}`],
  ])('is refused by %s with a clear error', async (_name, path) => {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.message).toContain('U+0000');
  });

  it('is refused by the iframe page', async () => {
    const origin = 'https://blog.example';
    const res = await fetch(
      `${server.url}/embed/thread?site=blog&page=${q(PAGE)}&url=${q(`${origin}/a`)}&origin=${q(origin)}`,
    );
    expect(res.status).toBe(400);
    await res.arrayBuffer();
  });
});
