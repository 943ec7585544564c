/**
 * Reply notifications end to end against a real SMTP server (issue 12):
 * subscribe from the comment form, confirm by the emailed link, a reply
 * arrives once (also with two instances), one-click unsubscribe, then no
 * more; and every way a link or a request can be bent.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ParleyApp } from '../app.ts';
import { changeCommentStatus } from '../comments/comment.status.ts';
import { signEmailToken } from '../email-links/email-token.ts';
import { writeTransaction } from '../events/transaction.ts';
import {
  parseMail,
  startTestSmtpServer,
  type TestSmtpServer,
} from '../notifications/smtp-test-server.ts';
import { eraseAuthor } from '../privacy/erase-author.ts';
import { saveSite } from '../sites/site.service.ts';
import { signInReader } from '../test/factories.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

const ORIGIN = 'https://blog.example';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
let pageCount = 0;

interface Posted {
  status: number;
  body: {
    comment?: { id: string; status?: string };
    subscription?: string;
    error?: { code: string; message: string };
  };
}

// Two instances, as docs/deploy.md runs them: one store, one Redis (so the
// per-address limits are shared), under a key prefix of this run's own.
describe.each(DIALECTS)('reply notifications on %s, two instances', (dialect) => {
  const prefix = `parley-test:${process.pid}:${randomBytes(4).toString('hex')}:`;
  let server: TestServer;
  let smtp: TestSmtpServer;
  let second: ParleyApp;
  let secondUrl: string;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    server = await startTestServer(dialect, {
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://comments.example',
      NOTIFY_EMAILS_PER_HOUR: '3',
      REDIS_URL,
      REDIS_PREFIX: prefix,
      AUTH_SECRET: randomBytes(32).toString('hex'),
    });
    await server.buildSite({
      settings: { moderation: { blocklist: { words: ['holdme'], action: 'hold' } } },
    });
    await saveSite(server.parley.db, {
      id: 'other',
      name: 'Other blog',
      origins: ['https://other.example'],
      settings: {
        moderation: {
          mode: 'none',
          minFormSeconds: 0,
          linkLimit: 0,
          blocklist: { words: ['spamword'], action: 'spam' },
        },
      },
    });
    // A second instance on the same store: its relay competes for every event.
    second = createApp(server.parley.config);
    secondUrl = (await second.start()).url;
  });
  afterAll(async () => {
    await second?.stop();
    await server?.stop();
    await smtp?.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  const newPage = () => `${ORIGIN}/post-${dialect}-${++pageCount}`;

  async function post(
    input: {
      page: string;
      body: string;
      email: string;
      name?: string;
      parentId?: string;
      notify?: unknown;
      site?: string;
      origin?: string;
      bearer?: string;
    },
    baseUrl = server.url,
  ): Promise<Posted> {
    const res = await fetch(`${baseUrl}/api/v1/comments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(input.bearer ? { authorization: `Bearer ${input.bearer}` } : {}),
      },
      body: JSON.stringify({
        site: input.site ?? 'blog',
        page: input.page,
        pageUrl: input.page,
        pageTitle: 'A post about <things>',
        body: input.body,
        ...(input.parentId ? { parentId: input.parentId } : {}),
        ...(input.notify === undefined ? {} : { notify: input.notify }),
        ...(input.bearer ? {} : { author: { name: input.name ?? 'Reader', email: input.email } }),
      }),
    });
    return { status: res.status, body: await res.json() };
  }

  /** Publishes what every instance's outbox holds (the once-only handlers run in it). */
  const settle = () => Promise.all([server.parley.events.flush(), second.events.flush()]);
  const mailsTo = (address: string) =>
    smtp.received.filter((m) => m.rcptTo.includes(address)).map((m) => parseMail(m.raw));
  const linkIn = (text: string, action: 'confirm' | 'unsubscribe') => {
    const match = new RegExp(
      `https://comments\\.example(/notify/[^\\s]+/${action}\\?token=[^\\s]+)`,
    ).exec(text);
    if (!match?.[1]) throw new Error(`no ${action} link in:\n${text}`);
    return match[1];
  };
  const at = (path: string) => `${server.url}${path}`;
  const oneClick = (path: string) =>
    fetch(at(path), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });

  /** A guest who ticked "replies", confirmed by their email's link; returns their comment's id. */
  async function confirmedSubscriber(
    email: string,
    page: string,
    notify: object = { replies: true },
  ) {
    const posted = await post({ page, body: 'My question?', email, notify });
    expect(posted.status).toBe(201);
    await expect.poll(() => mailsTo(email).length).toBe(1);
    const confirm = linkIn((mailsTo(email)[0] as { text: string }).text, 'confirm');
    const res = await fetch(at(confirm), { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ confirmed: true });
    return posted.body.comment?.id as string;
  }

  it('subscribe, confirm, a reply arrives once, one-click unsubscribe, then nothing more', async () => {
    const page = newPage();
    const asker = `asker-${dialect}@example.com`;
    const posted = await post({
      page,
      body: 'Why is the sky blue?',
      email: asker,
      notify: { replies: true },
    });
    expect(posted.status).toBe(201);
    expect(posted.body.subscription).toBe('confirm_email');
    await expect.poll(() => mailsTo(asker).length).toBe(1);
    const confirmMail = mailsTo(asker)[0] as ReturnType<typeof parseMail>;
    expect(confirmMail.headers.subject).toBe('[My blog] Confirm your email notifications');
    expect(confirmMail.text).toContain('new replies to your comment on "A post about <things>"');
    expect(confirmMail.html).toContain('A post about &lt;things&gt;');
    const confirm = linkIn(confirmMail.text, 'confirm');
    expect(confirmMail.html).toContain(
      `href="https://comments.example${confirm.replace(/&/g, '&amp;')}"`,
    );

    // Unconfirmed: a reply sends nothing.
    const parentId = posted.body.comment?.id as string;
    await post({ page, parentId, body: 'Too early', email: 'early@example.com' });
    await settle();
    expect(mailsTo(asker)).toHaveLength(1);

    // A GET (a mail scanner's prefetch) only asks; it changes nothing.
    const asked = await fetch(at(confirm));
    expect(asked.status).toBe(200);
    expect(asked.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(asked.headers.get('referrer-policy')).toBe('no-referrer');
    const askPage = await asked.text();
    expect(askPage).toContain('Do you want My blog to email you about:');
    expect(askPage).toContain('<form method="post" action="confirm?token=');
    await post({ page, parentId, body: 'Still too early', email: 'early@example.com' });
    await settle();
    expect(mailsTo(asker)).toHaveLength(1);

    // The page's button (a browser form post) confirms and answers a page.
    const confirmed = await fetch(at(confirm), {
      method: 'POST',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('Notifications on');

    // A reply through the second instance: one email, from whichever relay took it.
    const reply = await post(
      {
        page,
        parentId,
        body: 'Because of **Rayleigh** scattering <script>x</script>',
        email: 'sci@example.com',
        name: 'Ada',
      },
      secondUrl,
    );
    expect(reply.status).toBe(201);
    await settle();
    await expect.poll(() => mailsTo(asker).length).toBe(2);
    await settle();
    expect(mailsTo(asker)).toHaveLength(2);
    const replyMail = mailsTo(asker)[1] as ReturnType<typeof parseMail>;
    const replyId = reply.body.comment?.id as string;
    expect(replyMail.headers.subject).toBe(
      '[My blog] Ada replied to your comment on "A post about <things>"',
    );
    expect(replyMail.text).toContain('> Because of Rayleigh scattering <script>x</script>');
    expect(replyMail.html).toContain('<strong>Rayleigh</strong>');
    expect(replyMail.html).not.toContain('<script>');
    expect(replyMail.text).toContain(`${page}#comment-${replyId}`);
    expect(replyMail.html).toContain(`href="${page}#comment-${replyId}"`);
    expect(replyMail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const listUnsubscribe = replyMail.headers['list-unsubscribe'] as string;
    expect(listUnsubscribe).toMatch(
      /^<https:\/\/comments\.example\/notify\/blog\/unsubscribe\?token=[^>]+>$/,
    );
    const unsubscribe = linkIn(listUnsubscribe.slice(1, -1), 'unsubscribe');
    expect(replyMail.text).toContain(`Unsubscribe: https://comments.example${unsubscribe}`);
    // Nothing of other readers: not the replier's address, not the IP.
    expect(JSON.stringify(replyMail)).not.toContain('sci@example.com');
    expect(JSON.stringify(replyMail)).not.toContain('127.0.0.1');

    // GET shows a question and unsubscribes nobody.
    const question = await fetch(at(unsubscribe));
    expect(question.status).toBe(200);
    expect(await question.text()).toContain('Stop the emails My blog sends you about:');
    await post({ page, parentId, body: 'Second answer', email: 'sci@example.com' });
    await settle();
    await expect.poll(() => mailsTo(asker).length).toBe(3);

    // RFC 8058: the mail client's POST, no cookie, no sign-in.
    const done = await oneClick(unsubscribe);
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ unsubscribed: true });
    await post({ page, parentId, body: 'Third answer', email: 'sci@example.com' });
    await settle();
    expect(mailsTo(asker)).toHaveLength(3);

    // The links of a removed subscription fail: unsubscribe again, or confirm it back on.
    const again = await oneClick(unsubscribe);
    expect(again.status).toBe(400);
    expect((await again.json()).error.code).toBe('invalid_token');
    const replayed = await fetch(at(confirm), { method: 'POST' });
    expect(replayed.status).toBe(400);
    expect((await replayed.json()).error).toEqual({
      code: 'invalid_token',
      message: 'This link is not valid (any more)',
    });
  });

  it('notifies a held reply only when a moderator approves it, and only once', async () => {
    const page = newPage();
    const asker = `held-${dialect}@example.com`;
    const parentId = await confirmedSubscriber(asker, page);
    const held = await post({ page, parentId, body: 'holdme please', email: 'h@example.com' });
    expect(held.body.comment?.status).toBe('pending');
    await settle();
    expect(mailsTo(asker)).toHaveLength(1);

    const heldId = held.body.comment?.id as string;
    const setStatus = (status: 'approved' | 'spam') =>
      writeTransaction(server.parley.db, (tx) => changeCommentStatus(tx, 'blog', [heldId], status));
    await setStatus('approved');
    await settle();
    await expect.poll(() => mailsTo(asker).length).toBe(2);
    expect((mailsTo(asker)[1] as { text: string }).text).toContain('> holdme please');
    // Spam, then approved again: already notified.
    await setStatus('spam');
    await setStatus('approved');
    await settle();
    expect(mailsTo(asker)).toHaveLength(2);
  });

  it('sends nothing to the reply’s own author, and one email to an address with both boxes', async () => {
    const page = newPage();
    const both = `both-${dialect}@example.com`;
    const posted = await post({
      page,
      body: 'Ticked both',
      email: both,
      notify: { replies: true, page: true },
    });
    expect(posted.body.subscription).toBe('confirm_email');
    await expect.poll(() => mailsTo(both).length).toBe(1);
    const confirmMail = mailsTo(both)[0] as { text: string };
    // One confirmation for both boxes.
    expect(confirmMail.text).toContain('- new replies to your comment on');
    expect(confirmMail.text).toContain('- new comments on');
    expect((await fetch(at(linkIn(confirmMail.text, 'confirm')), { method: 'POST' })).status).toBe(
      200,
    );

    // Their own reply (the address in another case) and their own new comment: nothing.
    await post({
      page,
      parentId: posted.body.comment?.id,
      body: 'Me again',
      email: both.toUpperCase(),
    });
    await post({ page, body: 'Me once more', email: both });
    await settle();
    expect(mailsTo(both)).toHaveLength(1);

    // Someone else's reply matches both subscriptions: one email, as a reply.
    await post({
      page,
      parentId: posted.body.comment?.id,
      body: 'Hello you',
      email: 'x@example.com',
      name: 'Xavier',
    });
    await post({ page, body: 'New topic', email: 'y@example.com', name: 'Yvonne' });
    await settle();
    await expect.poll(() => mailsTo(both).length).toBe(3);
    await settle();
    const subjects = mailsTo(both)
      .slice(1)
      .map((m) => m.headers.subject);
    expect(subjects.sort()).toEqual([
      '[My blog] New comment by Yvonne on "A post about <things>"',
      '[My blog] Xavier replied to your comment on "A post about <things>"',
    ]);
  });

  it('caps the emails one address gets per hour', async () => {
    const page = newPage();
    const busy = `busy-${dialect}@example.com`;
    await confirmedSubscriber(busy, page, { page: true });
    for (let i = 0; i < 5; i++) {
      await post({ page, body: `Comment ${i}`, email: `c${i}@example.com` });
    }
    await settle();
    // NOTIFY_EMAILS_PER_HOUR=3 in this suite; the confirmation is counted apart.
    await expect.poll(() => mailsTo(busy).length).toBe(4);
    await settle();
    expect(mailsTo(busy)).toHaveLength(4);
  });

  it('answers the same whether or not the address is already subscribed, and re-sends nothing confirmed', async () => {
    const page = newPage();
    const known = `known-${dialect}@example.com`;
    const first = await post({ page, body: 'One', email: known, notify: { page: true } });
    await expect.poll(() => mailsTo(known).length).toBe(1);
    expect(
      (
        await fetch(at(linkIn((mailsTo(known)[0] as { text: string }).text, 'confirm')), {
          method: 'POST',
        })
      ).status,
    ).toBe(200);
    const again = await post({ page, body: 'Two', email: known, notify: { page: true } });
    const stranger = await post({
      page,
      body: 'Three',
      email: `new-${dialect}@example.com`,
      notify: { page: true },
    });
    expect([first.body.subscription, again.body.subscription, stranger.body.subscription]).toEqual([
      'confirm_email',
      'confirm_email',
      'confirm_email',
    ]);
    await expect.poll(() => mailsTo(`new-${dialect}@example.com`).length).toBe(1);
    await settle();
    // No second confirmation to the known address (only the stranger's comment, as a notification).
    expect(mailsTo(known).map((m) => m.headers.subject)).toEqual([
      '[My blog] Confirm your email notifications',
      '[My blog] New comment by Reader on "A post about <things>"',
    ]);
  });

  it('caps confirmation emails per address (no flooding someone through the form)', async () => {
    const victim = `victim-${dialect}@example.com`;
    for (let i = 0; i < 5; i++) {
      const res = await post({
        page: newPage(),
        body: `Spam ${i}`,
        email: victim,
        notify: { page: true },
      });
      expect(res.body.subscription).toBe('confirm_email');
    }
    await expect.poll(() => mailsTo(victim).length).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mailsTo(victim)).toHaveLength(3);
  });

  it('writes and sends nothing for a comment the pipeline calls spam', async () => {
    const spammer = `spammer-${dialect}@example.com`;
    const res = await post({
      site: 'other',
      page: 'https://other.example/p',
      body: 'buy spamword now',
      email: spammer,
      notify: { replies: true, page: true },
    });
    expect(res.status).toBe(201);
    expect(res.body.subscription).toBe('confirm_email');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mailsTo(spammer)).toHaveLength(0);
    const rows = await server.parley.db
      .selectFrom('subscriptions')
      .select('id')
      .where('email', '=', spammer)
      .execute();
    expect(rows).toEqual([]);
  });

  it('signed in with a provider email: confirm once by email, then boxes are on at once', async () => {
    const page = newPage();
    const address = `wp-${dialect}@example.com`;
    const { token } = await signInReader(server.parley.db, server.parley.config.authSecret, {
      siteId: 'blog',
      providerUserId: `wp-${dialect}`,
      displayName: 'Wordy',
      provider: 'wordpress',
      email: address,
    });
    const first = await post({
      page,
      body: 'Signed in',
      email: '',
      bearer: token,
      notify: { replies: true },
    });
    expect(first.status).toBe(201);
    expect(first.body.subscription).toBe('confirm_email');
    await expect.poll(() => mailsTo(address).length).toBe(1);
    await fetch(at(linkIn((mailsTo(address)[0] as { text: string }).text, 'confirm')), {
      method: 'POST',
    });
    const second = await post({
      page,
      body: 'Signed in again',
      email: '',
      bearer: token,
      notify: { replies: true },
    });
    expect(second.body.subscription).toBe('subscribed');
    await settle();
    expect(mailsTo(address)).toHaveLength(1);
    // Another reader's reply reaches them at once; their own does not.
    await post({ page, parentId: second.body.comment?.id, body: 'Mine', email: '', bearer: token });
    await post({ page, parentId: second.body.comment?.id, body: 'Theirs', email: 'o@example.com' });
    await settle();
    await expect.poll(() => mailsTo(address).length).toBe(2);
    expect((mailsTo(address)[1] as { text: string }).text).toContain('> Theirs');

    const { token: noEmail } = await signInReader(
      server.parley.db,
      server.parley.config.authSecret,
      {
        siteId: 'blog',
        providerUserId: `x-${dialect}`,
        displayName: 'Xer',
      },
    );
    const unavailable = await post({
      page,
      body: 'No email',
      email: '',
      bearer: noEmail,
      notify: { page: true },
    });
    expect(unavailable.status).toBe(201);
    expect(unavailable.body.subscription).toBe('unavailable');
  });

  it('stops when the owner erases the address (data rights): no more email to it', async () => {
    const page = newPage();
    const erased = `erased-${dialect}@example.com`;
    const parentId = await confirmedSubscriber(erased, page, { replies: true, page: true });
    await eraseAuthor(server.parley.db, server.parley.config.authSecret, 'blog', {
      email: erased,
      comments: 'anonymise',
    });
    const left = await server.parley.db
      .selectFrom('subscriptions')
      .select('id')
      .where('email', '=', erased)
      .execute();
    expect(left).toEqual([]);
    await post({ page, parentId, body: 'Anyone there?', email: 'z@example.com' });
    await settle();
    expect(mailsTo(erased)).toHaveLength(1);
  });

  describe('hostile input', () => {
    it.each([
      ['a bad email', { email: 'not-an-email', notify: { replies: true } }, 'author.email'],
      ['a box that is not a boolean', { notify: { replies: 'yes' } }, 'notify.replies'],
      ['notify that is not an object', { notify: 'all' }, 'notify'],
      ['a huge language', { notify: { replies: true, lang: 'x'.repeat(5000) } }, 'notify.lang'],
      [
        'a huge email',
        { email: `${'a'.repeat(300)}@example.com`, notify: { page: true } },
        'author.email',
      ],
    ])('refuses %s with 400 naming the field', async (_name, change, field) => {
      const res = await post({ page: newPage(), body: 'Hi', email: 'ok@example.com', ...change });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_body', field });
      expect(typeof res.body.error?.message).toBe('string');
    });

    it('refuses bogus, forged, misplaced and expired tokens with 4xx, as JSON or as a page', async () => {
      const page = newPage();
      const owner = `owner-${dialect}@example.com`;
      await confirmedSubscriber(owner, page);
      await post({
        page,
        body: 'reply',
        email: 'r@example.com',
        parentId: (
          await server.parley.db
            .selectFrom('subscriptions')
            .select('comment_id')
            .where('email', '=', owner)
            .executeTakeFirstOrThrow()
        ).comment_id as string,
      });
      await settle();
      await expect.poll(() => mailsTo(owner).length).toBe(2);
      const unsubscribe = linkIn((mailsTo(owner)[1] as { text: string }).text, 'unsubscribe');
      const token = decodeURIComponent(unsubscribe.split('token=')[1] as string);
      const sub = await server.parley.db
        .selectFrom('subscriptions')
        .selectAll()
        .where('email', '=', owner)
        .executeTakeFirstOrThrow();
      const secret = server.parley.config.authSecret;
      const sign = (
        claims: { purpose?: string; siteId?: string; subject?: string; expiresAt?: number | null },
        email = owner,
      ) =>
        signEmailToken(
          secret,
          {
            purpose: 'subscription.unsubscribe',
            siteId: 'blog',
            subject: sub.id,
            expiresAt: null,
            ...claims,
          },
          email,
        );
      const [payload, mac] = token.split('.') as [string, string];
      const otherSecret = 'another-secret-that-is-long-enough-to-use';

      const cases: [string, string, number, string][] = [
        ['garbage', '/notify/blog/unsubscribe?token=nonsense', 400, 'invalid_token'],
        ['no token', '/notify/blog/unsubscribe', 400, 'invalid_token'],
        [
          'two tokens',
          `/notify/blog/unsubscribe?token=${encodeURIComponent(token)}&token=x`,
          400,
          'invalid_token',
        ],
        ['huge', `/notify/blog/unsubscribe?token=${'a'.repeat(6_000)}`, 400, 'invalid_token'],
        [
          'its signature flipped',
          `/notify/blog/unsubscribe?token=${payload}.${mac.slice(0, -2)}AA`,
          400,
          'invalid_token',
        ],
        [
          'signed with another secret',
          `/notify/blog/unsubscribe?token=${encodeURIComponent(signEmailToken(otherSecret, { purpose: 'subscription.unsubscribe', siteId: 'blog', subject: sub.id, expiresAt: null }, owner))}`,
          400,
          'invalid_token',
        ],
        [
          'signed for another address',
          `/notify/blog/unsubscribe?token=${encodeURIComponent(sign({}, 'attacker@example.com'))}`,
          400,
          'invalid_token',
        ],
        [
          'on another site',
          `/notify/other/unsubscribe?token=${encodeURIComponent(token)}`,
          400,
          'invalid_token',
        ],
        [
          'for another site',
          `/notify/other/unsubscribe?token=${encodeURIComponent(sign({ siteId: 'other' }))}`,
          400,
          'invalid_token',
        ],
        [
          'an unsubscribe token used to confirm',
          `/notify/blog/confirm?token=${encodeURIComponent(token)}`,
          400,
          'invalid_token',
        ],
        [
          'an unknown subscription',
          `/notify/blog/unsubscribe?token=${encodeURIComponent(sign({ subject: 'nosuchsub' }))}`,
          400,
          'invalid_token',
        ],
        [
          'an expired confirmation',
          `/notify/blog/confirm?token=${encodeURIComponent(sign({ purpose: 'subscription.confirm', expiresAt: Date.now() - 1 }))}`,
          410,
          'link_expired',
        ],
        [
          'an unknown site',
          `/notify/nosuchsite/unsubscribe?token=${encodeURIComponent(token)}`,
          400,
          'invalid_token',
        ],
      ];
      for (const [name, path, status, code] of cases) {
        const json = await oneClick(path);
        expect([name, json.status]).toEqual([name, status]);
        expect([name, (await json.json()).error.code]).toEqual([name, code]);
        const html = await fetch(at(path));
        expect([name, html.status]).toEqual([name, status]);
        expect(html.headers.get('content-type')).toContain('text/html');
        expect(await html.text()).not.toContain('<form');
      }
      // None of that touched the subscription: the real link still works once.
      expect((await oneClick(unsubscribe)).status).toBe(200);
    });

    it('answers a token for a subscription that is gone exactly like a forged one', async () => {
      const forged = await oneClick(
        `/notify/blog/unsubscribe?token=${encodeURIComponent(signEmailToken('x'.repeat(40), { purpose: 'subscription.unsubscribe', siteId: 'blog', subject: 'abc', expiresAt: null }, 'a@example.com'))}`,
      );
      const gone = await oneClick(
        `/notify/blog/unsubscribe?token=${encodeURIComponent(signEmailToken(server.parley.config.authSecret, { purpose: 'subscription.unsubscribe', siteId: 'blog', subject: 'abc', expiresAt: null }, 'a@example.com'))}`,
      );
      expect([forged.status, await forged.json()]).toEqual([gone.status, await gone.json()]);
    });
  });
});
