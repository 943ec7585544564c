/**
 * Why a comment was held is stored as data, codes with parameters, on every
 * dialect (issue 10: verdicts as data, not prose), and the queue sends it so;
 * reasons stored as English prose before codes still reach the moderator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardLogin, grantTeam } from '../test/dashboard.ts';
import { buildComment } from '../test/factories.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

const PAGE = 'https://blog.example/post';

describe.each(DIALECTS)('stored moderation reasons on %s', (dialect) => {
  let server: TestServer;
  let cookie: string;

  const queue = async () => {
    const res = await fetch(`${server.url}/admin/api/sites/blog/comments?status=pending`, {
      headers: { cookie },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { comments: { id: string; reasons: unknown[] }[] };
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.buildSite({
      settings: {
        moderation: { mode: 'none', linkLimit: 2, minFormSeconds: 0, akismetKey: null },
      },
    });
    await grantTeam(server.parley.db, [['owner@blog.example', 'blog', 'owner']]);
    cookie = await dashboardLogin(server.url, 'owner@blog.example');
  });
  afterAll(() => server.stop());

  it('stores a held comment’s reason as a code with parameters, and sends it so', async () => {
    const res = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site: 'blog',
        page: PAGE,
        pageUrl: PAGE,
        body: 'See https://a.example, https://b.example and https://c.example',
        author: { name: 'Reader', email: 'reader@example.com' },
      }),
    });
    expect(res.status).toBe(201);
    const { comment } = (await res.json()) as { comment: { id: string; status: string } };
    expect(comment.status).toBe('pending');

    const row = await server.parley.db
      .selectFrom('comments')
      .select('moderation_reasons')
      .where('id', '=', comment.id)
      .executeTakeFirstOrThrow();
    const expected = [
      { check: 'links', decision: 'hold', code: 'links.tooMany', params: { count: 3, limit: 2 } },
    ];
    expect(JSON.parse(row.moderation_reasons ?? 'null')).toEqual(expected);
    expect(row.moderation_reasons).not.toMatch(/links \(/);

    const item = (await queue()).comments.find((c) => c.id === comment.id);
    expect(item?.reasons).toEqual(expected);
  });

  it('reads reasons stored as English prose before codes: known wordings as codes, the rest as text', async () => {
    const id = await buildComment(server.parley.db, {
      site: 'blog',
      status: 'pending',
      reasons: [
        {
          check: 'formAge',
          decision: 'hold',
          reason: 'posted 0.8 s after the form opened (minimum 3 s)',
        },
        {
          check: 'blocklist',
          decision: 'hold',
          reason: 'blocked word "casino" in the name; blocked IP 203.0.113.9 (rule 203.0.113.0/24)',
        },
        // Before decisions were stored (2026-11-29 migration adds them; a row may still lack one).
        {
          check: 'moderationMode',
          reason: 'first comment from this account: held until a moderator approves one',
        },
        { check: 'akismet', decision: 'hold', reason: 'something an older version said' },
      ],
    });
    const item = (await queue()).comments.find((c) => c.id === id);
    expect(item?.reasons).toEqual([
      {
        check: 'formAge',
        decision: 'hold',
        code: 'formAge.tooFast',
        params: { seconds: 0.8, minimum: 3 },
      },
      {
        check: 'blocklist',
        decision: 'hold',
        code: 'blocklist.word',
        params: { word: 'casino', place: 'name' },
      },
      {
        check: 'blocklist',
        decision: 'hold',
        code: 'blocklist.ip',
        params: { ip: '203.0.113.9', rule: '203.0.113.0/24' },
      },
      {
        check: 'moderationMode',
        decision: 'hold',
        code: 'moderationMode.firstComment',
        params: { author: 'identity' },
      },
      {
        check: 'akismet',
        decision: 'hold',
        code: 'legacy',
        params: { text: 'something an older version said' },
      },
    ]);
  });
});
