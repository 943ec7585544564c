/**
 * A guest's data rights by email (issue 12), against a real SMTP server: the
 * widget asks, Parley emails a link, the link opens the export and delete
 * choices for that address on that site only. Attackers: a replayed,
 * forwarded-after-use, other-site, expired or forged link; a cross-site form;
 * someone probing which addresses commented; someone mail-bombing an address.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReaderDataExport } from '../../contract/reader-data.schema.ts';
import { createApp } from '../app.ts';
import { sha256 } from '../auth/crypto.ts';
import type { ParleyEvent } from '../events/event.types.ts';
import {
  parseMail,
  startTestSmtpServer,
  type TestSmtpServer,
} from '../notifications/smtp-test-server.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { LINK_REQUESTS_PER_IP_PER_HOUR, LINKS_PER_ADDRESS_PER_HOUR } from './guest-data.routes.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.each(DIALECTS)('a guest’s data by emailed link, on %s', (dialect) => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  let origin: string;
  let ips = 0;
  /** A fresh client address per request unless a test needs one shared. */
  const nextIp = () => `198.51.100.${++ips % 250}`;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    server = await startTestServer(dialect, { SMTP_URL: smtp.url, TRUST_PROXY: 'loopback' });
    origin = new URL(server.parley.config.publicUrl).origin;
    await server.buildSite();
    await server.buildSite({ id: 'other', name: 'Other site', origins: ['https://other.example'] });
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
  });

  const page = (site: string) => `https://${site}.example/p-${dialect}`;

  async function comment(
    email: string,
    body: string,
    site = 'blog',
    parentId?: string,
    notify?: { replies?: boolean; page?: boolean },
  ) {
    const res = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp() },
      body: JSON.stringify({
        site,
        page: page(site),
        pageUrl: page(site),
        pageTitle: 'A post',
        body,
        parentId,
        author: { name: 'Ada Guest', email },
        ...(notify && { notify }),
      }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { comment: { id: string } }).comment.id;
  }

  const ask = (email: string, options: { site?: string; ip?: string } = {}) =>
    fetch(`${server.url}/api/v1/data-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': options.ip ?? nextIp() },
      body: JSON.stringify({ site: options.site ?? 'blog', email }),
    });

  /** The mails to `to` once `count` of them have arrived. */
  async function mailsTo(to: string, count: number) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const mine = smtp.received.filter((m) => m.rcptTo.includes(to));
      if (mine.length >= count) return mine.map((m) => parseMail(m.raw));
      if (Date.now() > deadline) throw new Error(`${mine.length} of ${count} mails to ${to}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Asks for a link and returns its path and token (the test server's URL differs from PUBLIC_URL). */
  async function linkFor(email: string, site = 'blog') {
    const before = smtp.received.filter((m) => m.rcptTo.includes(email)).length;
    expect((await ask(email, { site })).status).toBe(202);
    const mail = (await mailsTo(email, before + 1)).at(-1);
    const link = new URL(/https?:\/\/\S+\/data\/\S+/.exec(mail?.text ?? '')?.[0] ?? 'x:');
    return { path: link.pathname, token: link.searchParams.get('token') ?? '' };
  }

  const json = { accept: 'application/json' };

  /** Presses Continue: posts the token as the page's form does. */
  const open = (site: string, token: string, headers: Record<string, string> = { origin }) =>
    fetch(`${server.url}/data/${site}/open`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': nextIp(),
        ...json,
        ...headers,
      },
      body: new URLSearchParams({ token }).toString(),
    });

  async function sessionCookie(site: string, token: string): Promise<string> {
    const res = await open(site, token);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/data/${site}`);
    const set = res.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Strict/i);
    expect(set).toContain(`Path=/data/${site}`);
    return set.split(';')[0] as string;
  }

  const exportWith = (site: string, cookie: string) =>
    fetch(`${server.url}/data/${site}/export`, {
      headers: { cookie, ...json, 'x-forwarded-for': nextIp() },
    });

  const remove = (
    site: string,
    cookie: string,
    comments: string,
    headers: Record<string, string> = { origin },
  ) =>
    fetch(`${server.url}/data/${site}/delete`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie,
        'x-forwarded-for': nextIp(),
        ...json,
        ...headers,
      },
      body: new URLSearchParams({ comments }).toString(),
    });

  const thread = async (site = 'blog') =>
    (
      (await (
        await fetch(
          `${server.url}/api/v1/comments?site=${site}&page=${encodeURIComponent(page(site))}`,
        )
      ).json()) as { comments: { id: string; deleted?: true; author: { name: string } }[] }
    ).comments;

  let guests = 0;
  const guest = () => `guest${++guests}-${dialect}@reader.example`;

  it('emails a link that opens the export and delete choices for this site only', async () => {
    const email = guest();
    const first = await comment(email, 'My first words');
    const second = await comment(email, 'And more');
    const elsewhere = await comment(email, 'On another site', 'other');

    const res = await ask(email.toUpperCase());
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ site: 'blog', expiresInMinutes: 60 });
    const [mail] = await mailsTo(email, 1);
    expect(mail?.headers.subject).toBe('[My blog] Your data on My blog');
    expect(mail?.text).toContain('only for "My blog"');
    expect(mail?.html).toMatch(/<a href="https?:\/\/[^"]+\/data\/blog\?token=[\w-]+&amp;lang=en">/);

    const { path, token } = await linkFor(email);
    expect(path).toBe('/data/blog');
    // The landing page only offers a button: fetching it (a mail scanner) uses nothing up.
    for (let i = 0; i < 2; i++) {
      const landing = await fetch(`${server.url}${path}?token=${token}`);
      expect(landing.status).toBe(200);
      expect(landing.headers.get('referrer-policy')).toBe('same-origin');
      expect(landing.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(await landing.text()).toContain(`name="token" value="${token}"`);
    }
    const cookie = await sessionCookie('blog', token);

    const choices = await fetch(`${server.url}/data/blog`, { headers: { cookie } });
    const html = await choices.text();
    expect(html).toContain('holds 2 comments written with');
    expect(html).toContain(email);
    expect(html).toContain('only: other sites');

    const download = await exportWith('blog', cookie);
    expect(download.headers.get('content-disposition')).toBe(
      'attachment; filename="parley-blog-my-data.json"',
    );
    const data = (await download.json()) as ReaderDataExport;
    expect(data.site).toEqual({ id: 'blog', name: 'My blog' });
    expect(data.identity).toEqual({ email });
    expect(data.comments.map((c) => c.id)).toEqual([first, second]);
    expect(data.notes.join(' ')).toContain('covers the site "My blog" only');

    await server.parley.events.flush();
    const heard: ParleyEvent[] = [];
    const off = server.parley.events.subscribe((event) => heard.push(event));
    const deleted = await remove('blog', cookie, 'anonymise');
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ site: 'blog', comments: 'anonymise', affected: 2 });
    await server.parley.events.flush();
    off();
    // Caches and open widgets on every instance reload the page (issue 10).
    expect(heard).toContainEqual(
      expect.objectContaining({ type: 'page.changed', siteId: 'blog', pageKey: page('blog') }),
    );
    const shown = (await thread()).filter((c) => c.id === first || c.id === second);
    // Nobody behind them: a mark, not English words (issue 11).
    expect(shown.map((c) => c.author)).toEqual([
      { name: '', url: null, avatarUrl: '', provider: 'guest', deleted: true },
      { name: '', url: null, avatarUrl: '', provider: 'guest', deleted: true },
    ]);
    // The other site keeps its own.
    expect((await thread('other')).find((c) => c.id === elsewhere)?.author.name).toBe('Ada Guest');
    // The page's session ended with the deletion.
    expect((await exportWith('blog', cookie)).status).toBe(401);
  });

  it('exports the emails the guest asked for, confirmed or not, with their pages', async () => {
    const email = guest();
    const asked = await comment(email, 'Tell me of replies', 'blog', undefined, { replies: true });
    await comment(email, 'On the other site', 'other', undefined, { page: true });
    // Each site asks the address to confirm; those two mails come first.
    await mailsTo(email, 2);
    const { token } = await linkFor(email);
    const data = (await (
      await exportWith('blog', await sessionCookie('blog', token))
    ).json()) as ReaderDataExport;
    expect(data.subscriptions).toEqual([
      {
        page: { url: page('blog'), title: 'A post' },
        commentId: asked,
        email,
        locale: expect.any(String),
        createdAt: expect.stringMatching(/^\d{4}-/),
        confirmedAt: null,
      },
    ]);
  });

  it('removes the comments when asked, keeping a placeholder where others replied', async () => {
    const email = guest();
    const replied = await comment(email, 'Replied to');
    const alone = await comment(email, 'Alone');
    const reply = await comment(guest(), 'A reply that stays', 'blog', replied);
    const { token } = await linkFor(email);
    const cookie = await sessionCookie('blog', token);
    // A browser's form post (no JSON asked): the answer is a page saying what happened.
    const done = await remove('blog', cookie, 'remove', { origin, accept: 'text/html' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('2 comments removed on “My blog”');
    const comments = await thread();
    expect(comments.find((c) => c.id === alone)).toBeUndefined();
    expect(comments.find((c) => c.id === replied)).toMatchObject({ deleted: true });
    expect(comments.find((c) => c.id === reply)).toBeDefined();
  });

  it('offers and allows only what the site’s policy does', async () => {
    await server.buildSite({
      id: 'keeps',
      name: 'Keeps comments',
      origins: ['https://keeps.example'],
      settings: { readerDeletion: 'anonymise' },
    });
    const email = guest();
    const id = await comment(email, 'Kept, whatever I choose', 'keeps');
    const { token } = await linkFor(email, 'keeps');
    const cookie = await sessionCookie('keeps', token);
    const html = await (await fetch(`${server.url}/data/keeps`, { headers: { cookie } })).text();
    expect(html).toContain('data-testid="guest-data-anonymise"');
    expect(html).not.toContain('data-testid="guest-data-remove"');
    const refused = await remove('keeps', cookie, 'remove');
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({ code: 'invalid_body', field: 'comments' });
    expect(await (await remove('keeps', cookie, 'anonymise')).json()).toEqual({
      site: 'keeps',
      comments: 'anonymise',
      affected: 1,
    });
    expect((await thread('keeps')).find((c) => c.id === id)?.author).toMatchObject({
      name: '',
      deleted: true,
    });
  });

  it('answers the same whether or not the address has comments', async () => {
    const commenter = guest();
    await comment(commenter, 'I was here');
    const stranger = guest();
    const [a, b] = await Promise.all([ask(commenter), ask(stranger)]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(await a.text()).toBe(await b.text());
    const [mailA] = await mailsTo(commenter, 1);
    const [mailB] = await mailsTo(stranger, 1);
    const masked = (text = '', email: string) =>
      text.replaceAll(email, 'ADDRESS').replace(/token=[\w-]+/g, 'token=T');
    expect(masked(mailA?.text, commenter)).toBe(masked(mailB?.text, stranger));
    expect(mailA?.headers.subject).toBe(mailB?.headers.subject);
  });

  it('refuses a replayed (or forwarded after use) link, a replaced one, another site’s, an expired one and a forged one alike', async () => {
    // One address per case: each is within its 3 links an hour.
    const used = await linkFor(guest());
    await sessionCookie('blog', used.token);
    const twice = guest();
    // Only the newest link works: an older email found or forwarded later is spent.
    const replaced = await linkFor(twice);
    const newest = await linkFor(twice);
    const expired = await linkFor(guest());
    await server.parley.db
      .updateTable('guest_data_links')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('token_hash', '=', sha256(expired.token))
      .execute();
    const attempts = [
      ['blog', used.token],
      ['blog', replaced.token],
      ['other', newest.token],
      ['blog', expired.token],
      ['blog', randomBytes(32).toString('base64url')],
    ] as const;
    for (const [site, token] of attempts) {
      const res = await open(site, token);
      expect(res.status).toBe(410);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await res.json()).toEqual({
        error: { code: 'link_invalid', message: expect.stringContaining('expired') },
      });
    }
    // A browser gets the same refusal as a page, not JSON.
    const page410 = await open('blog', used.token, { origin, accept: 'text/html' });
    expect(page410.status).toBe(410);
    expect(await page410.text()).toContain('data-testid="guest-data-error"');
    // Another site's failed attempt used nothing up: on its own site the newest link works.
    await sessionCookie('blog', newest.token);
  });

  it('keeps each session to its site, and refuses cross-site forms', async () => {
    const email = guest();
    await comment(email, 'Mine');
    await comment(email, 'Mine too', 'other');
    const { token } = await linkFor(email);
    const cookie = await sessionCookie('blog', token);
    const refused = await exportWith('other', cookie);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe('unauthorized');
    expect((await exportWith('blog', '')).status).toBe(401);
    expect((await exportWith('blog', 'parley_data=forged')).status).toBe(401);
    // A form on another page posting with the victim's cookie (a browser ignoring SameSite).
    for (const headers of [{ origin: 'https://evil.example' }, {}] as Record<string, string>[]) {
      const res = await remove('blog', cookie, 'remove', headers);
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('origin_not_allowed');
    }
    const opened = await open('blog', (await linkFor(email)).token, {
      origin: 'https://evil.example',
    });
    expect(opened.status).toBe(403);
    expect((await remove('blog', cookie, 'everything')).status).toBe(400);
    // Still all there.
    expect(
      ((await (await exportWith('blog', cookie)).json()) as ReaderDataExport).comments,
    ).toHaveLength(1);
  });

  it('stores only a hash of each link and session secret', async () => {
    const email = guest();
    const { token } = await linkFor(email);
    const rows = await server.parley.db
      .selectFrom('guest_data_links')
      .select(['token_hash', 'purpose', 'site_id', 'email'])
      .where('email', '=', email)
      .execute();
    expect(rows).toEqual([{ token_hash: sha256(token), purpose: 'link', site_id: 'blog', email }]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('escapes whatever the link carries into the page', async () => {
    const res = await fetch(
      `${server.url}/data/blog?token=${encodeURIComponent('"><script>alert(1)</script>')}`,
    );
    const html = await res.text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
    expect((await fetch(`${server.url}/data/nope-site?token=x`, { headers: json })).status).toBe(
      404,
    );
  });

  it('sends an address at most 3 links an hour, whoever asks, with the same answer', async () => {
    const email = guest();
    for (let i = 0; i < LINKS_PER_ADDRESS_PER_HOUR + 2; i++) {
      const res = await ask(email);
      expect(res.status).toBe(202);
    }
    await mailsTo(email, LINKS_PER_ADDRESS_PER_HOUR);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.filter((m) => m.rcptTo.includes(email))).toHaveLength(
      LINKS_PER_ADDRESS_PER_HOUR,
    );
  });

  it('limits one client to 10 requests an hour, then 429 in the error shape', async () => {
    const ip = '192.0.2.77';
    const statuses: number[] = [];
    for (let i = 0; i <= LINK_REQUESTS_PER_IP_PER_HOUR; i++) {
      const res = await ask(guest(), { ip });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect((await res.json()).error.code).toBe('rate_limited');
      }
    }
    expect(statuses).toEqual([...Array(LINK_REQUESTS_PER_IP_PER_HOUR).fill(202), 429]);
  });

  it('refuses bad requests in the error shape', async () => {
    const bad = await ask('not-an-email');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_body');
    const unknown = await ask(guest(), { site: 'nope' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('unknown_site');
  });
});

describe('a guest’s data request without email', () => {
  it('says the server sends no email (503), not that it sent one', async () => {
    const server = await startTestServer('sqlite');
    try {
      await server.buildSite();
      const res = await fetch(`${server.url}/api/v1/data-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ site: 'blog', email: 'a@reader.example' }),
      });
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe('email_unavailable');
    } finally {
      await server.stop();
    }
  });
});

describe('the per-address limit across two instances sharing Redis', () => {
  it('counts links to one address on both instances together', async () => {
    const prefix = `parley-test:${process.pid}:${randomBytes(4).toString('hex')}:`;
    const smtp = await startTestSmtpServer();
    const a = await startTestServer('sqlite', {
      SMTP_URL: smtp.url,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      AUTH_SECRET: randomBytes(32).toString('hex'),
      TRUST_PROXY: 'loopback',
    });
    const b = createApp(a.parley.config);
    const bUrl = (await b.start()).url;
    try {
      await a.buildSite();
      const email = 'shared@reader.example';
      let n = 0;
      for (const url of [a.url, bUrl, a.url, bUrl]) {
        const res = await fetch(`${url}/api/v1/data-requests`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${++n}` },
          body: JSON.stringify({ site: 'blog', email }),
        });
        expect(res.status).toBe(202);
      }
      const deadline = Date.now() + 10_000;
      while (smtp.received.length < LINKS_PER_ADDRESS_PER_HOUR && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.received).toHaveLength(LINKS_PER_ADDRESS_PER_HOUR);
    } finally {
      await b.stop();
      await a.stop();
      await smtp.close();
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
  });
});
