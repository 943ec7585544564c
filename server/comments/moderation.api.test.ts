import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { grantSiteRole } from '../admin/admin.service.ts';
import { moderate } from '../admin/queue.service.ts';
import {
  DISCARD_AUTHOR,
  FAKE_AKISMET_KEY,
  type FakeAkismet,
  SPAM_AUTHOR,
  startFakeAkismet,
} from '../moderation/test/fake-akismet.ts';
import {
  parseMail,
  startTestSmtpServer,
  type TestSmtpServer,
} from '../notifications/smtp-test-server.ts';
import { saveSite } from '../sites/site.service.ts';
import { signInReader } from '../test/factories.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { issueFormToken } from './form-token.ts';

const PAGE = 'https://blog.example/post';

describe.each(DIALECTS)('comments through the moderation pipeline on %s', (dialect) => {
  let server: TestServer;
  let akismet: FakeAkismet;
  let smtp: TestSmtpServer;
  let n = 0;

  const comment = (overrides: Record<string, unknown> = {}) => ({
    site: 'blog',
    page: PAGE,
    pageUrl: PAGE,
    pageTitle: 'A post',
    body: `Comment number ${n++}`,
    author: { name: 'Reader', email: `reader${n}@example.com` },
    ...overrides,
  });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const thread = async (cookie?: string) =>
    (
      await fetch(`${server.url}/api/v1/comments?site=blog&page=${encodeURIComponent(PAGE)}`, {
        headers: cookie ? { cookie } : {},
      })
    ).json();
  const statusOf = async (id: string) =>
    await server.parley.db
      .selectFrom('comments')
      .select(['status', 'moderation_reasons'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const configure = (moderation: Record<string, unknown>) =>
    saveSite(server.parley.db, {
      id: 'blog',
      name: 'My blog',
      origins: ['https://blog.example'],
      settings: {
        moderation: {
          mode: 'none',
          minFormSeconds: 0,
          linkLimit: 0,
          akismetKey: null,
          blocklist: { words: [], emails: [], ips: [], identities: [], action: 'hold' },
          ...moderation,
        },
      },
    });

  beforeAll(async () => {
    akismet = await startFakeAkismet();
    smtp = await startTestSmtpServer();
    server = await startTestServer(dialect, {
      AKISMET_URL: akismet.endpoint,
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://comments.example',
    });
    await server.buildSite();
    await grantSiteRole(server.parley.db, {
      email: 'mod@blog.example',
      password: 'a long enough password',
      siteId: 'blog',
      role: 'moderator',
    });
  });
  afterAll(async () => {
    await server.stop();
    await akismet.close();
    await smtp.close();
  });
  beforeEach(async () => {
    await server.parley.db.deleteFrom('comments').execute();
    akismet.mode = 'normal';
  });

  it('holds a first-time guest; only the author sees it, marked pending; moderators are emailed', async () => {
    await configure({ mode: 'first-time' });
    const mailsBefore = smtp.received.length;
    const res = await post(
      comment({
        author: { name: 'New Reader', email: 'new@example.com' },
        body: 'Hello, first time here',
      }),
    );
    expect(res.status).toBe(201);
    const { comment: held } = await res.json();
    expect(held.status).toBe('pending');
    const cookie = (
      res.headers.getSetCookie().find((c) => c.startsWith('parley_ak_blog=')) ?? ''
    ).split(';')[0] as string;
    expect(res.headers.getSetCookie().join('\n')).toMatch(
      /parley_ak_blog=.*HttpOnly; Secure; Partitioned; SameSite=None/,
    );

    expect(await thread()).toEqual({ comments: [], total: 0, nextCursor: null, moreReplies: {} });
    const mine = await thread(cookie);
    expect(mine.total).toBe(0);
    expect(mine.comments).toEqual([expect.objectContaining({ id: held.id, status: 'pending' })]);
    // The iframe page's first render shows it to the author too.
    const frame = await (
      await fetch(
        `${server.url}/embed/thread?site=blog&page=${encodeURIComponent(PAGE)}&url=${encodeURIComponent(PAGE)}&origin=https://blog.example`,
        { headers: { cookie } },
      )
    ).text();
    expect(frame).toContain(held.id);
    const reasons = JSON.parse((await statusOf(held.id)).moderation_reasons ?? '[]');
    expect(reasons).toEqual([expect.objectContaining({ check: 'moderationMode' })]);

    await expect.poll(() => smtp.received.length).toBe(mailsBefore + 1);
    const mail = smtp.received.at(-1);
    expect(mail?.rcptTo).toEqual(['mod@blog.example']);
    expect(parseMail(mail?.raw ?? '').text).toContain(`/admin/comments/${held.id}?action=approve`);

    // Approved once, the same reader is trusted next time.
    await moderate(server.parley.db, 'blog', [held.id], 'approve');
    const next = await post(
      comment({ author: { name: 'New Reader', email: 'NEW@example.com' }, body: 'Back again' }),
    );
    expect((await next.json()).comment.status).toBeUndefined();
  });

  it('emails moderators the reasons in the site’s language', async () => {
    await saveSite(server.parley.db, {
      id: 'blog',
      name: 'My blog',
      origins: ['https://blog.example'],
      settings: {
        language: 'fr',
        moderation: {
          mode: 'first-time',
          minFormSeconds: 0,
          linkLimit: 0,
          akismetKey: null,
          blocklist: { words: [], emails: [], ips: [], identities: [], action: 'hold' },
        },
      },
    });
    const mailsBefore = smtp.received.length;
    const res = await post(
      comment({ author: { name: 'Lectrice', email: 'lectrice@example.com' }, body: 'Bonjour' }),
    );
    expect((await res.json()).comment.status).toBe('pending');
    await expect.poll(() => smtp.received.length).toBe(mailsBefore + 1);
    const { text } = parseMail(smtp.received.at(-1)?.raw ?? '');
    expect(text).toContain(
      'Réglage de modération du site: premier commentaire de cette adresse e-mail : retenu jusqu’à ce qu’un modérateur en approuve un',
    );
    expect(text).not.toContain('first comment from');
  });

  it('refuses a bot that filled the honeypot, and stores nothing', async () => {
    await configure({});
    const res = await post(comment({ hp: 'http://spam.example' }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('spam_rejected');
    expect((await thread()).comments).toEqual([]);
    expect(await server.parley.db.selectFrom('comments').selectAll().execute()).toEqual([]);
  });

  it('tells an author they already posted that, and keeps one copy', async () => {
    await configure({});
    const body = comment({
      body: 'Exactly this',
      author: { name: 'R', email: 'same@example.com' },
    });
    expect((await post(body)).status).toBe(201);
    const again = await post(body);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('duplicate_comment');
    expect((await thread()).total).toBe(1);
    // The same words under another post are a new comment.
    const elsewhere = await post({
      ...body,
      page: 'https://blog.example/other',
      pageUrl: 'https://blog.example/other',
    });
    expect(elsewhere.status).toBe(201);
  });

  it('compares the whole text, past the prefix its index keeps (and in any script)', async () => {
    await configure({});
    // The duplicate check finds candidates by the text's first 64 characters
    // (2026-11-30T0120-duplicate-check-text); astral characters count as one.
    const start = `${'🙂é'.repeat(40)} `;
    const author = { name: 'R', email: 'long@example.com' };
    const first = comment({ body: `${start}first ending`, author });
    expect((await post(first)).status).toBe(201);
    // Starts alike, ends otherwise: a new comment.
    expect((await post(comment({ body: `${start}second ending`, author }))).status).toBe(201);
    // The same long text again (with CRLFs and spaces the store normalises away).
    const again = await post({ ...first, body: `  ${start}first ending\r\n` });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('duplicate_comment');
    // Shorter than the prefix: the whole text is the prefix.
    expect((await post(comment({ body: 'Thanks!', author }))).status).toBe(201);
    expect((await post(comment({ body: 'Thanks!', author }))).status).toBe(409);
    expect((await post(comment({ body: 'Thanks!!', author }))).status).toBe(201);
    expect((await thread()).total).toBe(4);
  });

  it('holds a comment with too many links, naming the reason', async () => {
    await configure({ linkLimit: 2 });
    const res = await post(comment({ body: 'See https://a.example and https://b.example' }));
    const { comment: held } = await res.json();
    expect(held.status).toBe('pending');
    expect(JSON.parse((await statusOf(held.id)).moderation_reasons ?? '[]')[0].check).toBe('links');
  });

  it('never holds a reader for speed alone; a fast post with a bot sign is held', async () => {
    await configure({ minFormSeconds: 3 });
    const token = () => issueFormToken(server.parley.config.authSecret, 'blog');
    const quick = await post(comment({ formToken: token() }));
    expect((await quick.json()).comment.status).toBeUndefined();
    const again = await post(comment({ formToken: token(), body: 'And a second thought' }));
    expect((await again.json()).comment.status).toBeUndefined();
    const linky = await post(comment({ formToken: token(), body: 'Visit https://x.example' }));
    expect((await linky.json()).comment.status).toBe('pending');
    const forged = await post(comment({ formToken: `${Date.now() - 60_000}.forged` }));
    expect((await forged.json()).comment.status).toBe('pending');
  });

  it('files a blocklisted word as spam (the author just sees it held)', async () => {
    await configure({
      blocklist: { words: ['casino'], emails: [], ips: [], identities: [], action: 'spam' },
    });
    const res = await post(comment({ body: 'Best CASINO bonus' }));
    const { comment: filed } = await res.json();
    expect(filed.status).toBe('pending');
    const row = await statusOf(filed.id);
    expect(row.status).toBe('spam');
    expect(row.moderation_reasons).toContain('casino');
  });

  it('refuses a banned signed-in reader', async () => {
    const { identity, token } = await signInReader(
      server.parley.db,
      server.parley.config.authSecret,
      {
        siteId: 'blog',
        providerUserId: '666',
        displayName: 'Troll',
      },
    );
    await configure({
      blocklist: { words: [], emails: [], ips: [], identities: [identity.id], action: 'hold' },
    });
    const res = await post(comment(), { authorization: `Bearer ${token}` });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('banned');
    expect(await server.parley.db.selectFrom('comments').selectAll().execute()).toEqual([]);
  });

  it('asks Akismet when the site has a key: spam is filed, "discard" is refused, Akismet down holds', async () => {
    await configure({ akismetKey: FAKE_AKISMET_KEY });
    const spam = await (
      await post(comment({ author: { name: SPAM_AUTHOR, email: 'x@example.com' } }))
    ).json();
    expect((await statusOf(spam.comment.id)).status).toBe('spam');
    const call = akismet.calls.at(-1);
    expect(call?.fields).toMatchObject({
      api_key: FAKE_AKISMET_KEY,
      comment_author: SPAM_AUTHOR,
      comment_type: 'comment',
      permalink: PAGE,
      user_ip: '127.0.0.1',
    });

    const discarded = await post(
      comment({ author: { name: DISCARD_AUTHOR, email: 'y@example.com' } }),
    );
    expect(discarded.status).toBe(400);

    const ok = await (await post(comment())).json();
    expect(ok.comment.status).toBeUndefined();

    akismet.mode = 'error';
    const down = await (await post(comment())).json();
    expect(down.comment.status).toBe('pending');
    expect((await statusOf(down.comment.id)).moderation_reasons).toContain(
      '"code":"akismet.unavailable"',
    );
  });

  it('slows down a flood with a wait time', async () => {
    const flooded = await startTestServer(dialect, { COMMENT_RATE_LIMIT: '2' });
    try {
      await flooded.buildSite();
      const send = (i: number) =>
        fetch(`${flooded.url}/api/v1/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(comment({ body: `flood ${i}` })),
        });
      expect((await send(1)).status).toBe(201);
      expect((await send(2)).status).toBe(201);
      const third = await send(3);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await third.json()).error.message).toMatch(/wait \d+ seconds/);
    } finally {
      await flooded.stop();
    }
  });
});
