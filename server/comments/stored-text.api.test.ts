/**
 * What a post answers (its 201, its event, the cached thread) is the comment
 * as stored: built from what was inserted, not read back (comment.repository.ts),
 * so text the store changes on its way in must be changed first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comment } from '../../contract/api.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

describe.each(DIALECTS)('text stored as posted on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.buildSite();
  });
  afterAll(() => server.stop());

  /** A guest's post of `body` on `page` (its own URL), as `name`. */
  const postAsGuest = (page: string, body: string, name = 'Reader') =>
    fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // JSON.stringify escapes a lone surrogate as \ud800: JSON.parse gives it back.
      body: JSON.stringify({
        site: 'blog',
        page,
        pageUrl: page,
        body,
        author: { name, email: 'r@example.com' },
      }),
    });

  it('answers a body and name with a lone surrogate as they were stored', async () => {
    const page = 'https://blog.example/surrogates';
    const res = await postAsGuest(page, 'half \ud800 pair', 'Re\udc00ader');
    expect(res.status).toBe(201);
    const posted = ((await res.json()) as { comment: Comment }).comment;
    const row = await server.parley.db
      .selectFrom('comments')
      .selectAll()
      .where('id', '=', posted.id)
      .executeTakeFirstOrThrow();
    expect(posted.author.name).toBe(row.author_name);
    expect(posted.html).toBe(row.body_html);
    const read = await fetch(
      `${server.url}/api/v1/comments?site=blog&page=${encodeURIComponent(page)}`,
    );
    const listed = JSON.stringify(await read.json());
    expect(listed).toContain(JSON.stringify(row.author_name).slice(1, -1));
    expect(listed).not.toContain('\\udc00');
  });

  it('stores, answers and reads back a body with U+0000 whole, on each dialect', async () => {
    const page = 'https://blog.example/nul';
    const res = await postAsGuest(page, 'be\u0000fore after');
    // PostgreSQL refused the text (500); node:sqlite read back only "be".
    expect(res.status).toBe(201);
    const posted = ((await res.json()) as { comment: Comment & { source?: string } }).comment;
    const row = await server.parley.db
      .selectFrom('comments')
      .selectAll()
      .where('id', '=', posted.id)
      .executeTakeFirstOrThrow();
    expect(row.body_source).toBe('be\ufffdfore after');
    expect(posted.source).toBe(row.body_source);
  });

  it('stores an edit with U+0000 as U+FFFD too, and answers it as stored', async () => {
    const page = 'https://blog.example/nul-edit';
    const posted = await postAsGuest(page, 'Before');
    expect(posted.status).toBe(201);
    const { id } = ((await posted.json()) as { comment: Comment }).comment;
    const cookie = (
      posted.headers.getSetCookie().find((c) => c.startsWith('parley_ak_blog=')) ?? ''
    ).split(';')[0] as string;
    // An edit is checked by commentSource alone (no insert to clean it).
    const res = await fetch(`${server.url}/api/v1/comments/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ body: 'af\u0000ter' }),
    });
    expect(res.status).toBe(200);
    const edited = ((await res.json()) as { comment: Comment & { source?: string } }).comment;
    const row = await server.parley.db
      .selectFrom('comments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.body_source).toBe('af\ufffdter');
    expect(edited.source).toBe(row.body_source);
  });
});
