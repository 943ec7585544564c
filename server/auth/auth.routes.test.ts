/**
 * Sign-in against the sandbox providers over real HTTP: the real strategies
 * in the real app, with only their endpoint URLs pointed at the sandboxes.
 * The test plays the browser with fetch: it follows redirects by hand, keeps
 * Parley's binding cookie, and runs the result page's script against a
 * fake `window.opener`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runInNewContext } from 'node:vm';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../contract/i18n/locales.ts';
import { twitterSandbox } from '../../demo/sandbox/twitter.ts';
import { findIdentity, findIdentityByProvider } from '../identities/identity.repository.ts';
import type { Site } from '../sites/site.schema.ts';
import { requireSite, saveSite } from '../sites/site.service.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import type { ProviderId } from './auth.types.ts';
import { listen, type SignInWorld, startSignInWorld, TW } from './test/sign-in-harness.ts';
import { createLoginTicket, redeemLoginTicket } from './ticket.service.ts';

describe.each(DIALECTS)('provider sign-in on %s', (dialect) => {
  let world: SignInWorld;
  let sandboxUrl: string;
  let parley: TestServer;
  let parleyUrl: string;
  let site: Site;

  beforeAll(async () => {
    world = await startSignInWorld(dialect);
    ({ parley, parleyUrl, sandboxUrl } = world);
    expect(parley.url).toBe(parleyUrl);
    site = await requireSite(parley.parley.db, 'blog');
  });

  afterAll(async () => {
    await world?.stop();
  });

  /** A browser with a cookie jar for Parley's origin (the sandboxes set no cookies). */
  class Browser {
    cookies = new Map<string, string>();
    lastSetCookie: string | null = null;

    async get(
      url: string,
      init: RequestInit & { headers?: Record<string, string> } = {},
    ): Promise<Response> {
      const headers: Record<string, string> = { ...init.headers };
      if (url.startsWith(parleyUrl) && this.cookies.size > 0) {
        headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      }
      const res = await fetch(url, { redirect: 'manual', ...init, headers });
      this.lastSetCookie = res.headers.get('set-cookie');
      for (const line of res.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const eq = pair.indexOf('=');
        const [name, value] = [pair.slice(0, eq), pair.slice(eq + 1)];
        if (value === '' || /Max-Age=0/i.test(line)) this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
      return res;
    }
  }

  function pkce() {
    const verifier = randomBytes(32).toString('base64url');
    return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
  }

  async function newTicket(
    provider: ProviderId,
    options: { change?: boolean; returnUrl?: string | null; locale?: Locale } = {},
  ) {
    const { verifier, challenge } = pkce();
    const ticket = await createLoginTicket(parley.parley.db, {
      site,
      provider,
      challenge,
      change: options.change ?? false,
      returnUrl: options.returnUrl ?? null,
      locale: options.locale ?? null,
    });
    return { ticket, verifier };
  }

  async function ticketRow(id: string) {
    return parley.parley.db
      .selectFrom('login_tickets')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  /** The bind page's POST, as its script sends it (same origin, the verifier from the widget). */
  function bindPost(browser: Browser, provider: ProviderId, ticket: string, verifier: string) {
    return browser.get(`${parleyUrl}/auth/${provider}/bind`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: parleyUrl },
      body: JSON.stringify({ ticket, verifier }),
    });
  }

  /**
   * Start → (popup: the bind page, its proof, start again) → the provider's
   * consent page. `t.verifier` is what the widget that opened the popup
   * gives the bind page. Redirect mode comes from the site's own page.
   */
  async function start(
    browser: Browser,
    provider: ProviderId,
    t: { ticket: { id: string; returnUrl: string | null }; verifier: string },
  ) {
    const startUrl = `${parleyUrl}/auth/${provider}/start?ticket=${t.ticket.id}`;
    let res: Response;
    if (t.ticket.returnUrl) {
      res = await browser.get(startUrl, {
        headers: { referer: 'https://blog.example/posts/hello', 'sec-fetch-site': 'cross-site' },
      });
    } else {
      const page = await browser.get(startUrl);
      expect(page.status).toBe(200);
      expect(page.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
      expect(await page.text()).toContain('bindRequest');
      expect((await bindPost(browser, provider, t.ticket.id, t.verifier)).status).toBe(204);
      res = await browser.get(startUrl);
    }
    expect(res.status).toBe(302);
    // helmet's default same-origin here would sever the popup from the widget.
    expect(res.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
    expect(browser.cookies.get('parley_bind')).toMatch(
      new RegExp(`^${t.ticket.id}\\.[A-Za-z0-9_-]{43}$`),
    );
    const authorize = new URL(res.headers.get('location') ?? '');
    expect(authorize.origin).toBe(sandboxUrl);
    const consent = await fetch(authorize, { redirect: 'manual' });
    expect(consent.status).toBe(200);
    const html = await consent.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
    const request = /name="request" value="([^"]+)"/.exec(html)?.[1] ?? '';
    /** Presses a consent button; returns the callback URL the provider redirects to. */
    const decide = async (decision: string): Promise<URL> => {
      const answer = await fetch(new URL(action, authorize), {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({ request, decision }),
      });
      expect(answer.status).toBe(302);
      const callback = new URL(answer.headers.get('location') ?? '');
      expect(callback.origin + callback.pathname).toBe(`${parleyUrl}/auth/${provider}/callback`);
      return callback;
    };
    return { authorize, html, decide };
  }

  /** The pages escape apostrophes; the reader sees them plain. */
  function decodeQuotes(html: string): string {
    return html.replaceAll('&#39;', "'");
  }

  interface ResultPage {
    res: Response;
    html: string;
    /** What the page's script posted to the opener, and to which origin. */
    posted: { message: { parley: Record<string, unknown> }; targetOrigin: string }[];
    closed: boolean;
  }

  /** Loads a result page and runs its inline script against a fake opener. */
  async function resultPage(
    browser: Browser,
    url: string,
    { withOpener = true } = {},
  ): Promise<ResultPage> {
    const res = await browser.get(url);
    const html = decodeQuotes(await res.text());
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    const script = html.split(`<script nonce="${nonce}">`)[1]?.split('</script>')[0];
    const posted: ResultPage['posted'] = [];
    let closed = false;
    if (nonce && script) {
      const opener = {
        closed: false,
        postMessage: (message: ResultPage['posted'][number]['message'], targetOrigin: string) =>
          posted.push({ message, targetOrigin }),
      };
      runInNewContext(script, {
        window: { opener: withOpener ? opener : null, close: () => (closed = true) },
      });
    }
    return { res, html, posted, closed };
  }

  function expectAuthPageHeaders(res: Response) {
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
  }

  const SAMPLE: Record<
    ProviderId,
    { user: string; identity: (sandbox: string) => Record<string, unknown> }
  > = {
    wordpress: {
      user: '1002',
      identity: (s) => ({
        provider_user_id: '1002',
        display_name: 'Grace Hopper',
        username: 'gracehopper',
        avatar_url: `${s}/wordpress/avatars/1002.png`,
        profile_url: 'https://gravatar.com/gracehopper',
        email: 'grace@example.com',
      }),
    },
    twitter: {
      user: '1001',
      identity: (s) => ({
        provider_user_id: '1001',
        display_name: 'Ada Lovelace',
        username: 'ada',
        avatar_url: `${s}/twitter/avatars/1001.png`,
        profile_url: 'https://x.com/ada',
        email: null,
      }),
    },
    facebook: {
      user: '100000000000003',
      identity: (s) => ({
        provider_user_id: '100000000000003',
        display_name: 'Alan Turing',
        username: null,
        avatar_url: `${s}/facebook/avatars/100000000000003.png`,
        profile_url: null,
        email: null,
      }),
    },
  };

  const PROVIDERS: ProviderId[] = ['wordpress', 'twitter', 'facebook'];

  describe.each(PROVIDERS)('sign-in with %s', (provider) => {
    it('completes the ticket and posts the code to the opener on Parley’s origin', async () => {
      const browser = new Browser();
      const t = await newTicket(provider);
      const { ticket, verifier } = t;
      const { decide } = await start(browser, provider, t);
      const callback = await decide(SAMPLE[provider].user);

      const page = await resultPage(browser, callback.href);
      expect(page.res.status).toBe(200);
      expectAuthPageHeaders(page.res);
      expect(page.res.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
      expect(page.res.headers.get('set-cookie')).toMatch(/^parley_bind=; Path=\/auth; Max-Age=0/);
      expect(browser.cookies.has('parley_bind')).toBe(false);
      expect(page.html).toContain("You're signed in. You can close this window.");
      expect(page.posted).toHaveLength(1);
      const [post] = page.posted;
      expect(post?.targetOrigin).toBe(new URL(parleyUrl).origin);
      expect(page.html).not.toContain("'*'");
      expect(post?.message.parley).toEqual({
        type: 'loginResult',
        ticket: ticket.id,
        code: expect.any(String),
        error: null,
      });
      expect(page.closed).toBe(true);

      expect((await ticketRow(ticket.id)).status).toBe('complete');
      const redeemed = await redeemLoginTicket(parley.parley.db, {
        ticket: ticket.id,
        verifier,
        code: post?.message.parley.code as string,
      });
      const identity = await findIdentity(parley.parley.db, redeemed?.identityId ?? '');
      expect(identity).toMatchObject({ provider, ...SAMPLE[provider].identity(sandboxUrl) });

      // The provider's redirect can't be replayed: the ticket is finished.
      const replay = await resultPage(browser, callback.href);
      expect(replay.res.status).toBe(400);
      expect(replay.posted).toEqual([]);
    });

    it('fails the ticket as denied when the reader refuses, and says so', async () => {
      const browser = new Browser();
      const t = await newTicket(provider);
      const { ticket, verifier } = t;
      const { decide } = await start(browser, provider, t);
      const page = await resultPage(browser, (await decide('deny')).href);
      expect(page.res.status).toBe(200);
      expectAuthPageHeaders(page.res);
      expect(page.html).toContain('Sign-in was cancelled');
      // The popup closes itself after a refusal too (issue 8 §2).
      expect(page.closed).toBe(true);
      expect(page.posted[0]?.message.parley).toEqual({
        type: 'loginResult',
        ticket: ticket.id,
        code: null,
        error: 'denied',
      });
      expect(await ticketRow(ticket.id)).toMatchObject({ status: 'failed', failure: 'denied' });
      await expect(
        redeemLoginTicket(parley.parley.db, { ticket: ticket.id, verifier }),
      ).rejects.toMatchObject({ code: 'login_denied' });
    });
  });

  describe('sign-in edge cases', () => {
    it('asks for the account chooser on Change: force_login and auth_type=reauthenticate', async () => {
      const twitter = await newTicket('twitter', { change: true });
      const tw = await start(new Browser(), 'twitter', twitter);
      expect(tw.authorize.searchParams.get('force_login')).toBe('true');
      expect(tw.html).toContain('data-testid="force-login">force_login=true<');

      const facebook = await newTicket('facebook', { change: true });
      const fb = await start(new Browser(), 'facebook', facebook);
      expect(fb.authorize.searchParams.get('auth_type')).toBe('reauthenticate');
      expect(fb.html).toContain('data-testid="reauthenticate"');

      const plain = await newTicket('facebook');
      const fbPlain = await start(new Browser(), 'facebook', plain);
      expect(fbPlain.authorize.searchParams.has('auth_type')).toBe(false);
      const twPlain = await start(new Browser(), 'twitter', await newTicket('twitter'));
      expect(twPlain.authorize.searchParams.has('force_login')).toBe(false);
    });

    it.each(['wordpress', 'facebook'] as const)(
      'refuses a tampered %s state: the ticket fails and no identity is made',
      async (provider) => {
        const browser = new Browser();
        const t = await newTicket(provider);
        const { ticket } = t;
        const { authorize, decide } = await start(browser, provider, t);
        expect(authorize.searchParams.get('state')).toBeTruthy();
        const user = provider === 'wordpress' ? '1003' : '100000000000002';
        const callback = await decide(user);
        callback.searchParams.set('state', 'forged');
        const page = await resultPage(browser, callback.href);
        expect(page.posted[0]?.message.parley).toMatchObject({ code: null, error: 'failed' });
        expect(page.html).toContain("We couldn't sign you in");
        expect(await ticketRow(ticket.id)).toMatchObject({ status: 'failed', failure: 'failed' });
        expect(await findIdentityByProvider(parley.parley.db, provider, user)).toBeUndefined();
      },
    );

    it('shows an error page for a callback without the binding cookie', async () => {
      const browser = new Browser();
      const t = await newTicket('wordpress');
      const { ticket } = t;
      const { decide } = await start(browser, 'wordpress', t);
      const callback = await decide('1001');
      const page = await resultPage(new Browser(), callback.href);
      expect(page.res.status).toBe(400);
      expectAuthPageHeaders(page.res);
      expect(page.html).toContain('Start it again from the comment form');
      expect(page.posted).toEqual([]);
      expect((await ticketRow(ticket.id)).status).toBe('pending');
    });

    it('sends the redirect fallback back to the host page with the code in the fragment', async () => {
      const browser = new Browser();
      const returnUrl = 'https://blog.example/posts/hello?x=1';
      const t = await newTicket('wordpress', { returnUrl });
      const { ticket, verifier } = t;
      const { decide } = await start(browser, 'wordpress', t);
      const res = await browser.get((await decide('1001')).href);
      expect(res.status).toBe(303);
      const back = new URL(res.headers.get('location') ?? '');
      expect(back.href.replace(/#.*/, '')).toBe(returnUrl);
      expect(back.hash.startsWith(`#parley-login=${ticket.id}.`)).toBe(true);
      const code = back.hash.split('.')[1] ?? '';
      expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(res.headers.get('set-cookie')).toMatch(/^parley_bind=; Path=\/auth; Max-Age=0/);
      // Polling by verifier is refused in redirect mode: the code is needed too.
      await expect(
        redeemLoginTicket(parley.parley.db, { ticket: ticket.id, verifier }),
      ).rejects.toMatchObject({ code: 'invalid_verifier' });
      const redeemed = await redeemLoginTicket(parley.parley.db, {
        ticket: ticket.id,
        verifier,
        code,
      });
      expect(redeemed?.identityId).toBeTruthy();
    });

    it('closes itself even when no opener is left to tell', async () => {
      // A provider's own COOP can sever window.opener; e2e proves the iframe
      // then finishes by polling. Here: the page posts nothing and closes.
      const browser = new Browser();
      const t = await newTicket('twitter');
      const { ticket } = t;
      const { decide } = await start(browser, 'twitter', t);
      const page = await resultPage(browser, (await decide('1002')).href, { withOpener: false });
      expect(page.res.status).toBe(200);
      expect(page.posted).toEqual([]);
      expect(page.closed).toBe(true);
      expect(page.html).toContain("You're signed in. You can close this window.");
      expect((await ticketRow(ticket.id)).status).toBe('complete');
    });

    it('answers 404 for an unknown provider, and refuses a ticket of another provider', async () => {
      const { ticket } = await newTicket('wordpress');
      const unknown = await fetch(`${parleyUrl}/auth/myspace/start?ticket=${ticket.id}`);
      expect(unknown.status).toBe(404);
      expectAuthPageHeaders(unknown);
      expect(await unknown.text()).toContain('not available');
      const other = await fetch(`${parleyUrl}/auth/twitter/start?ticket=${ticket.id}`, {
        redirect: 'manual',
      });
      expect(other.status).toBe(404);
      expect(other.headers.get('set-cookie')).toBeNull();
      const missing = await fetch(`${parleyUrl}/auth/twitter/start?ticket=nope`);
      expect(missing.status).toBe(404);
      expect((await ticketRow(ticket.id)).status).toBe('pending');
    });
  });

  describe('in the reader’s language', () => {
    it('speaks the widget’s language on the bind page and the result page, and says so', async () => {
      const browser = new Browser();
      const t = await newTicket('twitter', { locale: 'ja' });
      const bind = await browser.get(`${parleyUrl}/auth/twitter/start?ticket=${t.ticket.id}`, {
        headers: { 'accept-language': 'de' },
      });
      const bindHtml = await bind.text();
      expect(bindHtml).toContain('<html lang="ja" dir="ltr">');
      expect(bindHtml).toContain('<title>Twitter でログイン</title>');
      // The script's own texts too (shown when no widget answers).
      expect(bindHtml).toContain('コメントフォームからログインしてください');
      const { decide } = await start(browser, 'twitter', t);
      const page = await resultPage(browser, (await decide('1002')).href);
      expect(page.html).toContain('<html lang="ja" dir="ltr">');
      expect(page.html).toContain('ログインしました。このウィンドウは閉じてかまいません。');
      expect(page.posted).toHaveLength(1);
    });

    it('lays Arabic out right to left, refusal included', async () => {
      const browser = new Browser();
      const t = await newTicket('wordpress', { locale: 'ar' });
      const { decide } = await start(browser, 'wordpress', t);
      const page = await resultPage(browser, (await decide('deny')).href);
      expect(page.html).toContain('<html lang="ar" dir="rtl">');
      expect(page.html).toContain('أُلغي تسجيل الدخول');
    });

    it('answers error pages in the browser’s language when no ticket says otherwise', async () => {
      const res = await fetch(`${parleyUrl}/auth/wordpress/start?ticket=nope`, {
        headers: { 'accept-language': 'it-IT, de-CH;q=0.8, en;q=0.5' },
      });
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain('<html lang="de" dir="ltr">');
      expect(html).toContain('Anmeldelink ungültig');
    });

    it('keeps the widget’s language from ticket creation, and ignores a made-up one', async () => {
      const { challenge } = pkce();
      const create = (locale: unknown) =>
        fetch(`${parleyUrl}/api/v1/auth/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ site: site.id, provider: 'wordpress', challenge, locale }),
        });
      const french = await create('fr');
      expect(french.status).toBe(201);
      const { ticket } = (await french.json()) as { ticket: string };
      expect((await ticketRow(ticket)).locale).toBe('fr');
      for (const hostile of ['xx', '<script>', 42, { en: 1 }]) {
        const res = await create(hostile);
        expect(res.status).toBe(201);
        const body = (await res.json()) as { ticket: string };
        expect((await ticketRow(body.ticket)).locale).toBeNull();
      }
    });
  });

  describe('Twitter with the wrong consumer secret', () => {
    let wrong: TestServer;
    let otherSandbox: Server;

    beforeAll(async () => {
      const providers = express();
      providers.use('/twitter', twitterSandbox({ ...TW, consumerSecret: 'a-different-secret' }));
      otherSandbox = await listen(providers);
      wrong = await startTestServer(dialect, {
        TWITTER_CONSUMER_KEY: TW.consumerKey,
        TWITTER_CONSUMER_SECRET: TW.consumerSecret,
        TWITTER_API_URL: `http://127.0.0.1:${(otherSandbox.address() as AddressInfo).port}/twitter`,
      });
    });

    afterAll(async () => {
      await wrong?.stop();
      otherSandbox?.closeAllConnections();
      await new Promise((resolve) => otherSandbox?.close(resolve));
    });

    it('fails the sign-in at start: the sandbox refuses the bad signature', async () => {
      const otherSite = await saveSite(wrong.parley.db, {
        id: 'blog',
        name: 'My blog',
        origins: ['https://blog.example'],
      });
      const { verifier, challenge } = pkce();
      const ticket = await createLoginTicket(wrong.parley.db, {
        site: otherSite,
        provider: 'twitter',
        challenge,
        change: false,
        returnUrl: null,
      });
      const bound = await fetch(`${wrong.url}/auth/twitter/bind`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: new URL(wrong.parley.config.publicUrl).origin,
        },
        body: JSON.stringify({ ticket: ticket.id, verifier }),
      });
      expect(bound.status).toBe(204);
      const cookie = (bound.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
      const res = await fetch(`${wrong.url}/auth/twitter/start?ticket=${ticket.id}`, {
        redirect: 'manual',
        headers: { cookie },
      });
      expect(res.status).toBe(200);
      const html = decodeQuotes(await res.text());
      expect(html).toContain("We couldn't sign you in");
      expect(html).toContain('"error":"failed"');
      const row = await wrong.parley.db
        .selectFrom('login_tickets')
        .select(['status', 'failure'])
        .where('id', '=', ticket.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'failed', failure: 'failed' });
    });

    it('answers 404 for a provider without credentials, and rate-limits start', async () => {
      const first = await fetch(`${wrong.url}/auth/wordpress/start?ticket=x`);
      expect(first.status).toBe(404);
      let last: Response = first;
      // Twice the sign-in limit: a popup sign-in visits start twice.
      for (let i = 0; i < 60; i++) last = await fetch(`${wrong.url}/auth/wordpress/start?ticket=x`);
      expect(last.status).toBe(429);
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
      expectAuthPageHeaders(last);
      expect(await last.text()).toContain('Too many attempts');
    });
  });
});
