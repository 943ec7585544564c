/**
 * The WordPress.com and Facebook sandboxes against the real strategies:
 * `passport-oauth2` (as Parley will configure it for WordPress.com) and
 * `passport-facebook`, with only their URLs pointed at the sandbox. Two
 * servers on port 0 talk real HTTP; the test plays the browser with fetch,
 * following redirects by hand and carrying Parley's session cookie.
 */

import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import passport from 'passport';
import { Strategy as FacebookStrategy } from 'passport-facebook';
import { Strategy as OAuth2Strategy } from 'passport-oauth2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sniffImageType } from '../../server/avatars/image-sniff.ts';
import { facebookSandbox } from './facebook.ts';
import { wordpressSandbox } from './wordpress.ts';

const WP = { clientId: '4242', clientSecret: 'wp-secret' };
const FB = { appId: '98765', appSecret: 'fb-secret' };

/** What the verify callback received, as the callback route reports it. */
interface Outcome {
  error: { name: string; message: string; code?: unknown; type?: unknown } | null;
  user: {
    accessToken: string;
    profile: {
      id: string;
      username?: string;
      displayName?: string;
      profileUrl?: string;
      name?: { givenName?: string; familyName?: string };
      emails?: { value: string }[];
      photos?: { value: string }[];
    };
  } | null;
  info: { message?: string } | null;
  status: number | null;
}

type Session = Record<string, unknown>;

/** Just enough of express-session for passport-oauth2's state store: an in-memory cookie session. */
function cookieSessions() {
  const sessions = new Map<string, Session>();
  return function session(req: Request, res: Response, next: NextFunction) {
    const sid = /(?:^|;\s*)sid=([^;]+)/.exec(req.get('cookie') ?? '')?.[1];
    let id = sid !== undefined && sessions.has(sid) ? sid : undefined;
    if (id === undefined) {
      id = randomUUID();
      sessions.set(id, {});
      res.append('Set-Cookie', `sid=${id}; Path=/; HttpOnly`);
    }
    Object.assign(req, { session: sessions.get(id) });
    next();
  };
}

/** Parley's WordPress.com strategy: plain OAuth 2 plus the `/me` profile call. */
class WordPressStrategy extends OAuth2Strategy {
  meUrl = '';
  override userProfile(accessToken: string, done: (err?: unknown, profile?: unknown) => void) {
    // biome-ignore lint/correctness/useHookAtTopLevel: node-oauth's setter, not a React hook.
    this._oauth2.useAuthorizationHeaderforGET(true);
    this._oauth2.get(this.meUrl, accessToken, (err, body) => {
      if (err || typeof body !== 'string') {
        done(new Error('Failed to fetch user profile'));
        return;
      }
      const me = JSON.parse(body) as Record<string, unknown>;
      done(null, {
        provider: 'wordpress',
        id: String(me.ID),
        username: me.username,
        displayName: me.display_name,
        profileUrl: me.profile_URL,
        emails: [{ value: me.email }],
        photos: [{ value: me.avatar_URL }],
      });
    });
  }
}

async function listen(app: express.Express): Promise<{ server: Server; origin: string }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let providers: { server: Server; origin: string };
let parley: { server: Server; origin: string };

beforeAll(async () => {
  const providerApp = express();
  const parleyApp = express();
  providers = await listen(providerApp);
  parley = await listen(parleyApp);

  const wpRedirect = `${parley.origin}/callback/wordpress`;
  const fbRedirect = `${parley.origin}/callback/facebook`;
  providerApp.use('/wordpress', wordpressSandbox({ ...WP, redirectUri: wpRedirect }));
  providerApp.use('/facebook', facebookSandbox({ ...FB, redirectUri: fbRedirect }));

  const auth = new passport.Passport();
  const verify = (
    accessToken: string,
    _refreshToken: string,
    profile: unknown,
    done: (err: unknown, user?: unknown) => void,
  ) => done(null, { accessToken, profile });
  for (const [name, secret] of [
    ['wordpress', WP.clientSecret],
    ['wordpress-bad-secret', 'not-the-secret'],
  ] as const) {
    const strategy = new WordPressStrategy(
      {
        authorizationURL: `${providers.origin}/wordpress/oauth2/authorize`,
        tokenURL: `${providers.origin}/wordpress/oauth2/token`,
        clientID: WP.clientId,
        clientSecret: secret,
        callbackURL: wpRedirect,
        scope: 'auth',
        state: true,
        sessionKey: 'oauth2:wordpress',
      },
      verify,
    );
    strategy.meUrl = `${providers.origin}/wordpress/rest/v1.1/me`;
    auth.use(name, strategy);
  }
  for (const [name, secret] of [
    ['facebook', FB.appSecret],
    ['facebook-bad-secret', 'not-the-secret'],
  ] as const) {
    const base = `${providers.origin}/facebook/v25.0`;
    const strategy = new FacebookStrategy(
      {
        authorizationURL: `${base}/dialog/oauth`,
        tokenURL: `${base}/oauth/access_token`,
        profileURL: `${base}/me`,
        graphAPIVersion: 'v25.0',
        clientID: FB.appId,
        clientSecret: secret,
        callbackURL: fbRedirect,
        // As Parley will configure it. Note passport-facebook maps 'name' to
        // first_name,last_name,middle_name: the full name needs 'displayName'.
        profileFields: ['id', 'name', 'picture'],
        enableProof: true,
        state: true,
        sessionKey: 'oauth2:facebook',
      },
      verify,
    );
    auth.use(name, strategy);
  }

  parleyApp.use(cookieSessions());
  parleyApp.use(auth.initialize());
  parleyApp.get('/start/:strategy', (req, res, next) => {
    const session = (req as unknown as { session: Session }).session;
    session.strategy = req.params.strategy;
    const authType = req.query.auth_type === 'reauthenticate' ? 'reauthenticate' : undefined;
    auth.authenticate(req.params.strategy, { session: false, authType } as object)(req, res, next);
  });
  parleyApp.get('/callback/:provider', (req, res, next) => {
    const session = (req as unknown as { session: Session }).session;
    const name = typeof session.strategy === 'string' ? session.strategy : req.params.provider;
    auth.authenticate(
      name,
      { session: false },
      (
        err: (Error & { code?: unknown; type?: unknown }) | null,
        user: unknown,
        info: unknown,
        status: unknown,
      ) => {
        const outcome: Outcome = {
          error: err
            ? { name: err.name, message: err.message, code: err.code, type: err.type }
            : null,
          user: (user || null) as Outcome['user'],
          info: (info ?? null) as Outcome['info'],
          status: typeof status === 'number' ? status : null,
        };
        res.json(outcome);
      },
    )(req, res, next);
  });
});

afterAll(async () => {
  for (const { server } of [providers, parley]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A browser with one cookie jar, for Parley's origin only (the sandboxes set none). */
class Browser {
  cookie = '';

  async get(url: string): Promise<globalThis.Response> {
    const headers: Record<string, string> = {};
    if (url.startsWith(parley.origin) && this.cookie) headers.cookie = this.cookie;
    const res = await fetch(url, { redirect: 'manual', headers });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    return res;
  }

  /** Parley's sign-in route → the provider's authorize URL it redirects to. */
  async start(strategy: string, query = ''): Promise<URL> {
    const res = await this.get(`${parley.origin}/start/${strategy}${query}`);
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location') ?? '');
  }

  async callback(location: string): Promise<Outcome> {
    const res = await this.get(location);
    expect(res.status).toBe(200);
    return (await res.json()) as Outcome;
  }
}

/** Reads the consent page's form: where it posts and its hidden request id. */
async function openConsent(authorizeUrl: URL) {
  const res = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  const html = await res.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1];
  expect(action).toBeDefined();
  expect(requestId).toBeDefined();
  return { html, action: new URL(action ?? '', authorizeUrl), requestId: requestId ?? '' };
}

/** Presses a consent button; returns where the provider redirects (the callback). */
async function decide(authorizeUrl: URL, decision: string): Promise<URL> {
  const consent = await openConsent(authorizeUrl);
  const res = await fetch(consent.action, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ request: consent.requestId, decision }),
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
}

/** A code obtained without passport, for calling the token endpoint directly. */
async function directCode(provider: 'wordpress' | 'facebook', userId: string): Promise<string> {
  const url =
    provider === 'wordpress'
      ? new URL(`${providers.origin}/wordpress/oauth2/authorize`)
      : new URL(`${providers.origin}/facebook/v25.0/dialog/oauth`);
  url.search = new URLSearchParams({
    client_id: provider === 'wordpress' ? WP.clientId : FB.appId,
    redirect_uri: `${parley.origin}/callback/${provider}`,
    response_type: 'code',
    state: 'direct',
  }).toString();
  const location = await decide(url, userId);
  return location.searchParams.get('code') ?? '';
}

describe('WordPress.com sandbox with passport-oauth2', () => {
  it('signs a reader in: consent page → chosen user → profile in the verify callback', async () => {
    const browser = new Browser();
    const authorize = await browser.start('wordpress');
    expect(authorize.pathname).toBe('/wordpress/oauth2/authorize');
    expect(authorize.searchParams.get('scope')).toBe('auth');
    const state = authorize.searchParams.get('state');
    expect(state).toBeTruthy();

    const consent = await openConsent(authorize);
    expect(consent.html).toContain('<title>Sign in to Parley Sandbox with WordPress.com</title>');
    for (const name of ['Ada Lovelace', 'Grace Hopper', 'Alan Turing']) {
      expect(consent.html).toContain(`Continue as ${name}`);
    }
    expect(consent.html).toMatch(/value="deny">Deny</);

    const callback = await decide(authorize, '1002');
    expect(callback.origin + callback.pathname).toBe(`${parley.origin}/callback/wordpress`);
    expect(callback.searchParams.get('state')).toBe(state);

    const outcome = await browser.callback(callback.href);
    expect(outcome.error).toBeNull();
    expect(outcome.user?.profile).toEqual({
      provider: 'wordpress',
      id: '1002',
      username: 'gracehopper',
      displayName: 'Grace Hopper',
      profileUrl: 'https://gravatar.com/gracehopper',
      emails: [{ value: 'grace@example.com' }],
      photos: [{ value: `${providers.origin}/wordpress/avatars/1002.png` }],
    });
    const avatar = await fetch(`${providers.origin}/wordpress/avatars/1002.png`);
    expect(avatar.headers.get('content-type')).toBe('image/png');
    expect(sniffImageType(new Uint8Array(await avatar.arrayBuffer()))).toBe('image/png');
  });

  it('reports a denied consent as a failure with WordPress.com’s error and no user', async () => {
    const browser = new Browser();
    const authorize = await browser.start('wordpress');
    const callback = await decide(authorize, 'deny');
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('error_description')).toBeTruthy();
    expect(callback.searchParams.get('state')).toBe(authorize.searchParams.get('state'));
    const outcome = await browser.callback(callback.href);
    expect(outcome.error).toBeNull();
    expect(outcome.user).toBeNull();
    expect(outcome.info?.message).toBe(callback.searchParams.get('error_description'));
  });

  it('lets the strategy refuse a tampered state', async () => {
    const browser = new Browser();
    const callback = await decide(await browser.start('wordpress'), '1001');
    callback.searchParams.set('state', 'forged');
    const outcome = await browser.callback(callback.href);
    expect(outcome.user).toBeNull();
    expect(outcome.status).toBe(403);
    expect(outcome.info?.message).toBe('Invalid authorization request state.');
  });

  it('refuses a code used twice', async () => {
    const browser = new Browser();
    const first = await decide(await browser.start('wordpress'), '1001');
    expect((await browser.callback(first.href)).user?.profile.id).toBe('1001');
    // A fresh state in the session, so only the replayed code can fail.
    const second = await browser.start('wordpress');
    first.searchParams.set('state', second.searchParams.get('state') ?? '');
    const outcome = await browser.callback(first.href);
    expect(outcome.user).toBeNull();
    expect(outcome.error).toMatchObject({ name: 'TokenError', code: 'invalid_grant' });
  });

  it('refuses an expired code', async () => {
    const browser = new Browser();
    const callback = await decide(await browser.start('wordpress'), '1001');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 61_000);
      const outcome = await browser.callback(callback.href);
      expect(outcome.error).toMatchObject({
        code: 'invalid_grant',
        message: expect.stringMatching(/expired/),
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers a wrong client secret with a token error', async () => {
    const browser = new Browser();
    const callback = await decide(await browser.start('wordpress-bad-secret'), '1001');
    const outcome = await browser.callback(callback.href);
    expect(outcome.user).toBeNull();
    expect(outcome.error).toMatchObject({ name: 'TokenError', code: 'invalid_client' });
  });

  it('shows an error page, not a redirect, for an unregistered redirect_uri', async () => {
    const authorize = await new Browser().start('wordpress');
    authorize.searchParams.set('redirect_uri', 'https://evil.example/callback');
    const res = await fetch(authorize, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('redirect_uri');
  });

  it('checks the token request directly: Basic auth, redirect_uri, grant_type, bearer /me', async () => {
    const token = `${providers.origin}/wordpress/oauth2/token`;
    const redirectUri = `${parley.origin}/callback/wordpress`;
    const post = (body: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(token, { method: 'POST', headers, body: new URLSearchParams(body) });

    const mismatched = await post({
      ...{ client_id: WP.clientId, client_secret: WP.clientSecret },
      ...{ grant_type: 'authorization_code', code: await directCode('wordpress', '1003') },
      redirect_uri: `${redirectUri}/other`,
    });
    expect(mismatched.status).toBe(400);
    expect(await mismatched.json()).toMatchObject({ error: 'invalid_grant' });

    const noGrantType = await post({
      ...{ client_id: WP.clientId, client_secret: WP.clientSecret },
      ...{ code: await directCode('wordpress', '1003'), redirect_uri: redirectUri },
    });
    expect(await noGrantType.json()).toMatchObject({ error: 'unsupported_grant_type' });

    const basic = Buffer.from(`${WP.clientId}:${WP.clientSecret}`).toString('base64');
    const ok = await post(
      {
        grant_type: 'authorization_code',
        code: await directCode('wordpress', '1003'),
        redirect_uri: redirectUri,
      },
      { authorization: `Basic ${basic}` },
    );
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as Record<string, unknown>;
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      blog_id: '0',
      blog_url: null,
      scope: 'auth',
    });

    const me = await fetch(`${providers.origin}/wordpress/rest/v1.1/me`, {
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect(await me.json()).toMatchObject({ ID: 1003, username: 'alanturing' });
    const anonymous = await fetch(`${providers.origin}/wordpress/rest/v1.1/me`);
    expect(anonymous.status).toBe(403);
  });

  it('revokes the access token a replayed code bought', async () => {
    const form = new URLSearchParams({
      ...{ client_id: WP.clientId, client_secret: WP.clientSecret },
      ...{ grant_type: 'authorization_code', code: await directCode('wordpress', '1001') },
      redirect_uri: `${parley.origin}/callback/wordpress`,
    });
    const token = `${providers.origin}/wordpress/oauth2/token`;
    const first = (await (await fetch(token, { method: 'POST', body: form })).json()) as {
      access_token: string;
    };
    const me = () =>
      fetch(`${providers.origin}/wordpress/rest/v1.1/me`, {
        headers: { authorization: `Bearer ${first.access_token}` },
      });
    expect((await me()).status).toBe(200);
    const replay = await fetch(token, { method: 'POST', body: form });
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await me()).status).toBe(403);
  });

  it('refuses a consent form posted without its pending request', async () => {
    const res = await fetch(`${providers.origin}/wordpress/oauth2/authorize`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ decision: '1001' }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });
});

describe('Facebook sandbox with passport-facebook', () => {
  it('signs a reader in: consent page → chosen user → profile in the verify callback', async () => {
    const browser = new Browser();
    const authorize = await browser.start('facebook');
    expect(authorize.pathname).toBe('/facebook/v25.0/dialog/oauth');
    const consent = await openConsent(authorize);
    expect(consent.html).toContain('<title>Sign in to Parley Sandbox with Facebook</title>');
    expect(consent.html).toContain('Continue as Ada Lovelace');
    expect(consent.html).toMatch(/value="deny">Cancel</);
    expect(consent.html).not.toContain('data-testid="reauthenticate"');

    const callback = await decide(authorize, '100000000000001');
    expect(callback.searchParams.get('state')).toBe(authorize.searchParams.get('state'));
    const outcome = await browser.callback(callback.href);
    expect(outcome.error).toBeNull();
    expect(outcome.user?.profile).toMatchObject({
      provider: 'facebook',
      id: '100000000000001',
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      photos: [{ value: `${providers.origin}/facebook/avatars/100000000000001.png` }],
    });
    expect(outcome.user?.profile.displayName).toBeUndefined();
  });

  it('reports a denied consent as a failure with Facebook’s error and no user', async () => {
    const browser = new Browser();
    const authorize = await browser.start('facebook');
    const callback = await decide(authorize, 'deny');
    expect(Object.fromEntries(callback.searchParams)).toMatchObject({
      error: 'access_denied',
      error_reason: 'user_denied',
      error_code: '200',
      state: authorize.searchParams.get('state'),
    });
    const outcome = await browser.callback(callback.href);
    expect(outcome.user).toBeNull();
    expect(outcome.error).toBeNull();
    expect(outcome.info?.message).toBe(callback.searchParams.get('error_description'));
  });

  it('lets the strategy refuse a tampered state', async () => {
    const browser = new Browser();
    const callback = await decide(await browser.start('facebook'), '100000000000002');
    callback.searchParams.set('state', 'forged');
    const outcome = await browser.callback(callback.href);
    expect(outcome.user).toBeNull();
    expect(outcome.status).toBe(403);
  });

  it('refuses a code used twice', async () => {
    const browser = new Browser();
    const first = await decide(await browser.start('facebook'), '100000000000002');
    expect((await browser.callback(first.href)).user?.profile.id).toBe('100000000000002');
    const second = await browser.start('facebook');
    first.searchParams.set('state', second.searchParams.get('state') ?? '');
    const outcome = await browser.callback(first.href);
    expect(outcome.user).toBeNull();
    expect(outcome.error).toMatchObject({
      name: 'FacebookTokenError',
      code: 100,
      type: 'OAuthException',
    });
  });

  it('answers a wrong app secret with a Graph API token error', async () => {
    const browser = new Browser();
    const callback = await decide(await browser.start('facebook-bad-secret'), '100000000000002');
    const outcome = await browser.callback(callback.href);
    expect(outcome.user).toBeNull();
    expect(outcome.error).toMatchObject({ name: 'FacebookTokenError', type: 'OAuthException' });
  });

  it('shows an error page, not a redirect, for an unregistered redirect_uri', async () => {
    const authorize = await new Browser().start('facebook');
    authorize.searchParams.set('redirect_uri', `${parley.origin}/callback/facebook?next=/evil`);
    const res = await fetch(authorize, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  it('shows auth_type=reauthenticate on the consent page', async () => {
    const authorize = await new Browser().start('facebook', '?auth_type=reauthenticate');
    expect(authorize.searchParams.get('auth_type')).toBe('reauthenticate');
    const { html } = await openConsent(authorize);
    expect(html).toContain('data-testid="reauthenticate"');
  });

  it('exchanges a code by GET with query parameters, and checks appsecret_proof on /me', async () => {
    const params = new URLSearchParams({
      client_id: FB.appId,
      client_secret: FB.appSecret,
      redirect_uri: `${parley.origin}/callback/facebook`,
      code: await directCode('facebook', '100000000000003'),
    });
    const res = await fetch(`${providers.origin}/facebook/v25.0/oauth/access_token?${params}`);
    const body = (await res.json()) as { access_token: string };
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 5183944,
    });

    const me = (proof: string) =>
      fetch(
        `${providers.origin}/facebook/v25.0/me?fields=id,name,picture&access_token=${body.access_token}&appsecret_proof=${proof}`,
      );
    const good = createHmac('sha256', FB.appSecret).update(body.access_token).digest('hex');
    const ok = await me(good);
    expect(await ok.json()).toEqual({
      id: '100000000000003',
      name: 'Alan Turing',
      picture: {
        data: {
          url: `${providers.origin}/facebook/avatars/100000000000003.png`,
          width: 50,
          height: 50,
          is_silhouette: false,
        },
      },
    });
    const withEmail = await fetch(
      `${providers.origin}/facebook/v25.0/me?fields=id,email&access_token=${body.access_token}`,
    );
    expect(await withEmail.json()).toEqual({ id: '100000000000003' });
    const wrong = await me(createHmac('sha256', 'other').update(body.access_token).digest('hex'));
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { type: 'OAuthException', code: 100 } });
  });
});
