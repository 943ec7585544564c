/**
 * What a commenter types besides the body (their name, the page's title) is
 * shown to every reader and moderator, so it gets the body's treatment: no
 * bidi controls that reverse how it reads. And a body the API refuses is
 * explained in words a person reads, the field travelling in `field`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Comment } from '../../contract/api.ts';
import { signInReader } from '../test/factories.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

const PAGE = 'https://blog.example/post';
// U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LEFT-TO-RIGHT ISOLATE, U+202A, U+2069.
const RLO = '\u202E';

describe.each(DIALECTS)('names, titles and refusals on %s', (dialect) => {
  let server: TestServer;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const valid = (overrides: Record<string, unknown> = {}) => ({
    site: 'blog',
    page: PAGE,
    pageUrl: PAGE,
    pageTitle: 'A post',
    body: `Hello ${Math.random()}`,
    author: { name: 'Ada', email: 'ada@example.com' },
    ...overrides,
  });
  const errorOf = async (res: Response) =>
    ((await res.json()) as { error: { code: string; message: string; field?: string } }).error;

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.stop());
  beforeEach(async () => {
    await server.buildSite();
    await server.parley.db.deleteFrom('comments').execute();
  });

  it('strips bidi controls from a guest’s name and the page title', async () => {
    const res = await post(
      valid({
        pageTitle: `Invoice ${RLO}fdp.exe\u2066 \u202A`,
        author: { name: `Ada ${RLO}nimda\u2069`, email: 'ada@example.com' },
      }),
    );
    expect(res.status).toBe(201);
    const { comment } = (await res.json()) as { comment: Comment };
    expect(comment.author.name).toBe('Ada nimda');
    const page = await server.parley.db
      .selectFrom('pages')
      .select('title')
      .where('page_key', '=', PAGE)
      .executeTakeFirstOrThrow();
    expect(page.title).toBe('Invoice fdp.exe');
  });

  it('refuses a name made only of bidi controls as missing', async () => {
    const res = await post(valid({ author: { name: `${RLO}\u2066`, email: 'ada@example.com' } }));
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({
      code: 'invalid_body',
      message: 'Name is required',
      field: 'author.name',
    });
  });

  it('strips bidi controls from a signed-in reader’s provider name on their comments', async () => {
    const { token } = await signInReader(server.parley.db, server.parley.config.authSecret, {
      siteId: 'blog',
      providerUserId: 'rlo',
      displayName: `Grace ${RLO}reppoH`,
    });
    const res = await post(valid({ author: undefined }), { authorization: `Bearer ${token}` });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { comment: Comment }).comment.author.name).toBe('Grace reppoH');
  });

  // An identity stored before names were cleaned at sign-in may still hold only bidi
  // controls: its comments fell to an empty name, which the API presented as
  // `author.deleted` ("Deleted user") beside a live profile link and provider mark.
  it.each([
    ['gracehopper', 'gracehopper'],
    [null, 'X user'],
  ])(
    'a provider name of only bidi controls (username %s) never makes a “Deleted user”',
    async (username, shown) => {
      const { identity, token } = await signInReader(
        server.parley.db,
        server.parley.config.authSecret,
        {
          siteId: 'blog',
          providerUserId: `legacy-${username}`,
          displayName: 'Grace',
        },
      );
      await server.parley.db
        .updateTable('identities')
        .set({ display_name: `${RLO}\u2066 `, username, profile_url: 'https://x.com/grace' })
        .where('id', '=', identity.id)
        .execute();
      const res = await post(valid({ author: undefined }), { authorization: `Bearer ${token}` });
      expect(res.status).toBe(201);
      const { comment } = (await res.json()) as { comment: Comment };
      expect(comment.author).toMatchObject({ name: shown, provider: 'twitter' });
      expect(comment.author.deleted).toBeUndefined();
      const listed = await fetch(
        `${server.url}/api/v1/comments?site=blog&page=${encodeURIComponent(PAGE)}`,
      );
      const { comments } = (await listed.json()) as { comments: Comment[] };
      expect(comments.map((c) => [c.author.name, c.author.deleted])).toEqual([[shown, undefined]]);
    },
  );

  it('only the whole shape of nobody behind a comment is presented as deleted, not an empty name', async () => {
    const { token } = await signInReader(server.parley.db, server.parley.config.authSecret, {
      siteId: 'blog',
      providerUserId: 'emptied',
      displayName: 'Grace',
    });
    const res = await post(valid({ author: undefined }), { authorization: `Bearer ${token}` });
    const { comment } = (await res.json()) as { comment: Comment };
    // As stored by a server that let a cleaned provider name fall to "".
    await server.parley.db
      .updateTable('comments')
      .set({ author_name: '', author_url: 'https://x.com/grace' })
      .where('id', '=', comment.id)
      .execute();
    const listed = await fetch(
      `${server.url}/api/v1/comments?site=blog&page=${encodeURIComponent(PAGE)}`,
    );
    const { comments } = (await listed.json()) as { comments: Comment[] };
    expect(comments[0]?.author).toMatchObject({
      name: '',
      url: 'https://x.com/grace',
      provider: 'twitter',
    });
    expect(comments[0]?.author.deleted).toBeUndefined();
  });

  it.each([
    [{ author: { name: 5, email: 'ada@example.com' } }, 'author.name', 'Name must be text'],
    [{ author: { email: 'ada@example.com' } }, 'author.name', 'Name is required'],
    [{ author: { name: '', email: 'ada@example.com' } }, 'author.name', 'Name is required'],
    [
      { author: { name: 'Ada', email: 'not-an-email' } },
      'author.email',
      'Email must be a valid address',
    ],
    [{ author: { name: 'Ada', email: ['a@b.example'] } }, 'author.email', 'Email must be text'],
    [
      { author: { name: 'Ada', email: 'ada@example.com', website: 'javascript:alert(1)' } },
      'author.website',
      'Website must be an http or https address',
    ],
    [{ author: 'Ada' }, 'author', 'Author must be an object'],
    [{ body: 42 }, 'body', 'Comment must be text'],
    [{ body: undefined }, 'body', 'Comment is required'],
    [{ site: 7 }, 'site', 'Site must be text'],
    [{ pageUrl: 'ftp://blog.example/x' }, 'pageUrl', 'Page URL must be an http or https URL'],
    [{ parentId: 12 }, 'parentId', 'Reply-to comment must be text'],
    [
      { author: { name: 'A'.repeat(101), email: 'ada@example.com' } },
      'author.name',
      'Name must be at most 100 characters',
    ],
  ])('refuses %j with a message a person reads', async (overrides, field, message) => {
    const res = await post(valid(overrides as Record<string, unknown>));
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({ code: 'invalid_body', message, field });
  });

  it('never shows an internal path or zod’s wording in a message', async () => {
    const bodies = [
      valid({ author: { name: [], email: {} } }),
      valid({ author: { name: 'Ada', email: 'ada@example.com', website: 5 } }),
      { site: 'blog' },
      [],
      'text',
    ];
    for (const body of bodies) {
      const error = await errorOf(await post(body));
      expect(error.code).toBe('invalid_body');
      expect(error.message).not.toMatch(/\w\.\w+:|expected|received|Invalid input/);
      expect(error.message).toMatch(/^[A-Z]/);
    }
  });
});
