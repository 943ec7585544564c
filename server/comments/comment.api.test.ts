import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Comment } from '../../contract/api.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

const EMAIL = 'Reader.One@Example.com';

function post(server: TestServer, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function comment(overrides: Record<string, unknown> = {}) {
  return {
    site: 'blog',
    page: 'https://blog.example/hello',
    pageUrl: 'https://blog.example/hello?utm=x',
    pageTitle: 'Hello world',
    body: 'First!',
    author: { name: 'Reader One', email: EMAIL, website: 'reader.example' },
    ...overrides,
  };
}

async function thread(server: TestServer, page = 'https://blog.example/hello', site = 'blog') {
  const res = await fetch(
    `${server.url}/api/v1/comments?site=${site}&page=${encodeURIComponent(page)}`,
  );
  return { status: res.status, body: await res.json() };
}

async function postOk(server: TestServer, overrides: Record<string, unknown> = {}) {
  const res = await post(server, comment(overrides));
  expect(res.status).toBe(201);
  return ((await res.json()) as { comment: Comment }).comment;
}

/** A comment as readers other than its author see it (no edit window, no source). */
function publicView({ editableUntil: _until, source: _source, ...rest }: Comment): Comment {
  return rest;
}

async function countRows(server: TestServer) {
  const db = server.parley.db;
  const c = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const p = await db
    .selectFrom('pages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { comments: Number(c.n), pages: Number(p.n) };
}

describe.each(DIALECTS)('comments API on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.stop());
  beforeEach(async () => {
    await server.parley.db.deleteFrom('comments').execute();
    await server.parley.db.deleteFrom('pages').execute();
    await server.parley.db.deleteFrom('sites').execute();
    await server.buildSite();
  });

  it('starts with an empty thread for a page nobody has commented on', async () => {
    expect(await thread(server)).toEqual({
      status: 200,
      body: { comments: [], total: 0, nextCursor: null, moreReplies: {} },
    });
  });

  it('stores a guest comment and returns it as readers will see it', async () => {
    const created = await postOk(server);
    const hash = createHash('sha256').update(EMAIL.toLowerCase()).digest('hex');
    expect(JSON.stringify(created)).not.toContain(hash);
    expect(created).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{12}$/),
      parentId: null,
      html: '<p>First!</p>',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      author: {
        name: 'Reader One',
        url: 'http://reader.example/',
        // Drawn by Parley under a keyed hash (server/avatars): nothing derived from the email alone.
        avatarUrl: expect.stringMatching(/^\/avatars\/[0-9a-f]{32}$/),
        provider: 'guest',
      },
      // Its author's view: they may edit it for the site's window (15 minutes).
      editableUntil: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      source: 'First!',
    });
    const { body } = await thread(server);
    expect(body).toEqual({
      comments: [publicView(created)],
      total: 1,
      nextCursor: null,
      moreReplies: {},
    });
  });

  it('keeps the page’s URL and title from its latest post, in one row', async () => {
    const page = () => server.parley.db.selectFrom('pages').select(['url', 'title']).execute();
    await postOk(server, { body: 'one' });
    await postOk(server, { body: 'two' });
    expect(await page()).toEqual([
      { url: 'https://blog.example/hello?utm=x', title: 'Hello world' },
    ]);
    await postOk(server, { body: 'three', pageTitle: 'Hello, renamed' });
    expect(await page()).toEqual([
      { url: 'https://blog.example/hello?utm=x', title: 'Hello, renamed' },
    ]);
    await postOk(server, { body: 'four', pageUrl: 'https://blog.example/hello' });
    expect(await page()).toEqual([{ url: 'https://blog.example/hello', title: 'Hello world' }]);
  });

  it('never returns an email address, in any response', async () => {
    const created = await postOk(server);
    await postOk(server, { parentId: created.id, body: 'me again' });
    const listed = JSON.stringify((await thread(server)).body);
    expect(listed.toLowerCase()).not.toContain('reader.one@example.com');
    expect(listed).not.toContain('"email"');
  });

  it('lists comments oldest first, each top-level one followed by its replies', async () => {
    const a = await postOk(server, { body: 'A' });
    const b = await postOk(server, { body: 'B' });
    const reply = await postOk(server, { body: 'reply to A', parentId: a.id });
    const { body } = await thread(server);
    expect(body.total).toBe(3);
    expect(body.comments.map((c: Comment) => [c.id, c.parentId])).toEqual([
      [a.id, null],
      [reply.id, a.id],
      [b.id, null],
    ]);
  });

  it('attaches replies past the site depth to the deepest allowed parent', async () => {
    await server.buildSite({ settings: { maxDepth: 3 } });
    const d1 = await postOk(server, { body: 'depth 1' });
    const d2 = await postOk(server, { body: 'depth 2', parentId: d1.id });
    const d3 = await postOk(server, { body: 'depth 3', parentId: d2.id });
    const tooDeep = await postOk(server, { body: 'would be depth 4', parentId: d3.id });
    expect(tooDeep.parentId).toBe(d2.id);
    const deeper = await postOk(server, { body: 'reply to the sibling', parentId: tooDeep.id });
    expect(deeper.parentId).toBe(d2.id);
  });

  it('keeps every comment top-level when the site allows no nesting', async () => {
    await server.buildSite({ settings: { maxDepth: 1 } });
    const top = await postOk(server);
    expect((await postOk(server, { parentId: top.id, body: 'A reply' })).parentId).toBeNull();
  });

  it('renders Markdown at write time and shows raw HTML as text', async () => {
    const created = await postOk(server, {
      body: '**bold** <script>alert(1)</script> https://example.com',
    });
    expect(created.html).toContain('<strong>bold</strong>');
    expect(created.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(created.html).not.toContain('<script');
    expect(created.html).toMatch(
      /<a href="https:\/\/example.com" rel="nofollow ugc noopener noreferrer"/,
    );
  });

  describe('rejects bad requests with a clear error and stores nothing', () => {
    const cases: Array<[string, () => Promise<Response>, number, string, string?]> = [
      [
        'missing email',
        () => post(server, comment({ author: { name: 'A' } })),
        400,
        'invalid_body',
        'author.email',
      ],
      [
        'invalid email',
        () => post(server, comment({ author: { name: 'A', email: 'nope' } })),
        400,
        'invalid_body',
        'author.email',
      ],
      [
        'blank name',
        () => post(server, comment({ author: { name: '  ', email: EMAIL } })),
        400,
        'invalid_body',
        'author.name',
      ],
      [
        'javascript: website',
        () =>
          post(
            server,
            comment({ author: { name: 'A', email: EMAIL, website: 'javascript:alert(1)' } }),
          ),
        400,
        'invalid_body',
        'author.website',
      ],
      ['empty body', () => post(server, comment({ body: '  \n ' })), 400, 'invalid_body', 'body'],
      ['non-string body', () => post(server, comment({ body: 42 })), 400, 'invalid_body', 'body'],
      [
        'page URL not http',
        () => post(server, comment({ pageUrl: 'javascript:alert(1)' })),
        400,
        'invalid_body',
        'pageUrl',
      ],
      ['malformed JSON', () => post(server, '{"site":'), 400, 'invalid_body'],
      [
        'form-encoded body',
        () => post(server, 'site=blog', { 'content-type': 'application/x-www-form-urlencoded' }),
        415,
        'unsupported_media_type',
      ],
      ['unknown site', () => post(server, comment({ site: 'nope' })), 404, 'unknown_site'],
      [
        'page on a foreign origin',
        () => post(server, comment({ pageUrl: 'https://evil.example/hello' })),
        403,
        'origin_not_allowed',
        'pageUrl',
      ],
      [
        'a look-alike origin',
        () => post(server, comment({ pageUrl: 'https://blog.example.evil.example/' })),
        403,
        'origin_not_allowed',
        'pageUrl',
      ],
      [
        'unknown parent',
        () => post(server, comment({ parentId: 'doesnotexist' })),
        404,
        'parent_not_found',
        'parentId',
      ],
      [
        'comment over 10,000 characters',
        () => post(server, comment({ body: 'x'.repeat(10_001) })),
        413,
        'body_too_large',
        'body',
      ],
      [
        'request over 64 KB',
        () => post(server, comment({ pageTitle: 'x'.repeat(70_000) })),
        413,
        'body_too_large',
      ],
    ];

    it.each(cases)('%s', async (_name, send, status, code, field) => {
      const seed = await postOk(server);
      const before = await countRows(server);
      const res = await send();
      expect(res.status).toBe(status);
      const body = await res.json();
      expect(body.error.code).toBe(code);
      expect(body.error.message).toEqual(expect.any(String));
      if (field) expect(body.error.field).toBe(field);
      expect(await countRows(server)).toEqual(before);
      expect((await thread(server)).body.comments).toEqual([publicView(seed)]);
    });
  });

  it('accepts a comment of exactly 10,000 characters', async () => {
    await postOk(server, { body: 'y'.repeat(10_000) });
  });

  it('refuses a parent that lives on another page', async () => {
    const elsewhere = await postOk(server, { page: 'https://blog.example/other' });
    const res = await post(server, comment({ parentId: elsewhere.id }));
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('parent_not_found');
  });

  it('answers an unknown site and bad queries on GET with API errors', async () => {
    expect(await thread(server, 'x', 'nope')).toMatchObject({
      status: 404,
      body: { error: { code: 'unknown_site' } },
    });
    const res = await fetch(`${server.url}/api/v1/comments?site=blog`);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'invalid_body', field: 'page' });
    const missing = await fetch(`${server.url}/api/v1/nothing-here`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
  });
});
