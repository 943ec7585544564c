/**
 * Big threads (issue 10): pages of top-level comments with cursors that stay
 * true while comments arrive, in both sorts; inline replies and "Show N more
 * replies"; a reader's own held comments in their place, for them only.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Comment, CommentList } from '../../contract/api.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

const PAGE = 'https://blog.example/big';

describe.each(DIALECTS)('a big thread, page by page, on %s', (dialect) => {
  let server: TestServer;
  let n = 0;

  const post = async (
    overrides: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        site: 'blog',
        page: PAGE,
        pageUrl: PAGE,
        body: `Comment number ${n++}`,
        author: { name: 'Reader', email: `reader${n}@example.com` },
        ...overrides,
      }),
    });
    expect(res.status).toBe(201);
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    return { ...((await res.json()) as { comment: Comment }).comment, cookie };
  };
  const list = async (query: Record<string, string> = {}, cookie?: string) => {
    const params = new URLSearchParams({ site: 'blog', page: PAGE, ...query });
    const res = await fetch(`${server.url}/api/v1/comments?${params}`, {
      headers: cookie ? { cookie } : {},
    });
    return { status: res.status, body: (await res.json()) as CommentList };
  };
  // Two posts can share a millisecond: the listing orders by (createdAt, id), as here.
  const inOrder = (cs: Comment[]) =>
    [...cs]
      .sort((a, b) =>
        a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1,
      )
      .map((c) => c.id);
  const tops = (l: CommentList) => l.comments.filter((c) => c.parentId === null).map((c) => c.id);
  /** Every top-level id, following nextCursor to the end; `between` runs after each page. */
  const walk = async (sort: 'oldest' | 'newest', between: () => Promise<void> = async () => {}) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { body } = await list({ sort, ...(cursor ? { cursor } : {}) });
      seen.push(...tops(body));
      cursor = body.nextCursor;
      await between();
    } while (cursor);
    return seen;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.stop());
  beforeEach(async () => {
    await server.parley.db.deleteFrom('comments').execute();
    await server.parley.db.deleteFrom('pages').execute();
    await server.parley.db.deleteFrom('sites').execute();
    await server.buildSite({ settings: { pageSize: 3 } });
  });

  it('pages top-level comments by the site’s page size, with the whole page’s total', async () => {
    const posted = [];
    for (let i = 0; i < 7; i++) posted.push(await post());
    const first = await list();
    expect(first.status).toBe(200);
    expect(tops(first.body)).toEqual(inOrder(posted).slice(0, 3));
    expect(first.body.total).toBe(7);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(await walk('oldest')).toEqual(inOrder(posted));
    expect(await walk('newest')).toEqual(inOrder(posted).reverse());
  });

  it('shows nothing twice and skips nothing while comments arrive, oldest first', async () => {
    const before = [];
    for (let i = 0; i < 7; i++) before.push(await post());
    const arrived: Comment[] = [];
    const seen = await walk('oldest', async () => {
      arrived.push(await post());
    });
    expect(new Set(seen).size).toBe(seen.length);
    // Oldest first, what arrives lands after everything shown so far: all of it is reached.
    expect(seen.slice(0, 7)).toEqual(inOrder(before));
    expect(seen.slice(7)).toEqual(inOrder(arrived).slice(0, seen.length - 7));
  });

  it('shows nothing twice and skips nothing while comments arrive, newest first', async () => {
    const before = [];
    for (let i = 0; i < 7; i++) before.push(await post());
    const seen = await walk('newest', async () => {
      await post();
    });
    // What arrives is newer than the first page: it belongs above, not in later pages.
    expect(seen).toEqual(inOrder(before).reverse());
  });

  it('inlines the first 100 replies of a comment; "more replies" fetches the rest', async () => {
    const top = await post();
    const posted: Comment[] = [];
    for (let i = 0; i < 103; i++) posted.push(await post({ parentId: top.id }));
    const replies = inOrder(posted);
    const first = await list();
    expect(first.body.comments[0]?.id).toBe(top.id);
    expect(first.body.comments.slice(1).map((c) => c.id)).toEqual(replies.slice(0, 100));
    const more = first.body.moreReplies[top.id];
    expect(more).toEqual({ count: 3, cursor: expect.any(String) });
    const rest = await list({ parent: top.id, cursor: more?.cursor ?? '' });
    expect(rest.status).toBe(200);
    expect(rest.body.comments.map((c) => c.id)).toEqual(replies.slice(100));
    expect(rest.body.moreReplies).toEqual({});
    expect(rest.body.total).toBe(104);
  });

  it('shows a reader their own held comments where they fall, and nobody else', async () => {
    const first = await post();
    await server.buildSite({ settings: { pageSize: 3, moderation: { mode: 'all' } } });
    const held = await post({}, {});
    const heldReply = await post({ parentId: first.id }, { cookie: held.cookie ?? '' });
    expect(held.status).toBe('pending');
    const theirs = await list({}, held.cookie);
    expect(theirs.body.comments.map((c) => [c.id, c.status ?? 'published'])).toEqual([
      [first.id, 'published'],
      [heldReply.id, 'pending'],
      [held.id, 'pending'],
    ]);
    expect(theirs.body.total).toBe(1);
    expect((await list()).body.comments.map((c) => c.id)).toEqual([first.id]);
  });

  it('answers bad cursors, sorts and parents with API errors', async () => {
    const top = await post();
    const reply = await post({ parentId: top.id });
    const bad: Record<string, string>[] = [
      { cursor: 'not a cursor!' },
      { cursor: Buffer.from('2026-01-01T00:00:00.000Z|x|y').toString('base64url') },
      { cursor: Buffer.from('yesterday|abc').toString('base64url') },
      { cursor: 'a'.repeat(201) },
      { sort: 'random' },
    ];
    for (const query of bad) {
      const res = await list(query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'invalid_body' } });
    }
    // An id of the right shape that names no comment: its first character
    // changed (ids are random, so one may already start with '_').
    const unknown = (top.id.startsWith('_') ? 'a' : '_') + top.id.slice(1);
    for (const parent of [reply.id, 'nope', unknown]) {
      const res = await list({ parent });
      expect(res.status, parent).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'comment_not_found' } });
    }
    const dup = await fetch(
      `${server.url}/api/v1/comments?site=blog&page=${encodeURIComponent(PAGE)}&sort=oldest&sort=newest`,
    );
    expect(dup.status).toBe(400);
  });
});
