import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request } from 'express';
import passport from 'passport';
import { Strategy as TwitterStrategy } from 'passport-twitter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffImageType } from '../../server/avatars/image-sniff.ts';
import { hmacSha1, signatureBaseString, signOAuth1 } from './oauth1.ts';
import { twitterSandbox } from './twitter.ts';

const CONSUMER = { consumerKey: 'parley-test-key', consumerSecret: 'parley-test-secret' };

type Server = ReturnType<express.Express['listen']>;
const servers: Server[] = [];

async function listen(app: express.Express): Promise<string> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** What Parley's verify callback saw. */
interface SignedInUser {
  id: string;
  username: string;
  displayName: string;
  photo: string | undefined;
  profileUrl: string | undefined;
}

/** The part of the `oauth` package's client the strategy keeps in `_oauth`. */
interface OAuthClient {
  get(
    url: string,
    token: string,
    tokenSecret: string,
    cb: (err: { statusCode: number; data?: string } | null, body?: string | Buffer) => void,
  ): void;
}

/**
 * Parley's side, reduced to what sign-in needs: the real passport-twitter
 * strategy with only its URLs pointed at the sandbox, and a per-cookie
 * in-memory session (passport-oauth1 keeps the request-token secret there).
 *
 * passport-twitter's own `userProfile` parses the v1.1 verify_credentials
 * shape, which X refuses to low-tier apps (403, code 453). So, as Parley's real
 * strategy will, `userProfile` is replaced by a call to GET /2/users/me signed
 * with the same OAuth client, mapped onto passport's profile.
 */
function parleyStandIn(sandboxUrl: string) {
  const app = express();
  const sessions = new Map<string, Record<string, unknown>>();
  app.use((req: Request, res: express.Response, next: NextFunction) => {
    let sid = /(?:^|;\s*)sid=([\w-]+)/.exec(req.get('cookie') ?? '')?.[1];
    if (!sid || !sessions.has(sid)) {
      sid = randomBytes(16).toString('hex');
      sessions.set(sid, {});
      res.cookie('sid', sid, { httpOnly: true, sameSite: 'lax' });
    }
    (req as Request & { session: unknown }).session = sessions.get(sid);
    next();
  });

  const authenticator = new passport.Passport();
  const strategy = new TwitterStrategy(
    {
      ...CONSUMER,
      callbackURL: '/auth/twitter/callback',
      requestTokenURL: `${sandboxUrl}/twitter/oauth/request_token`,
      accessTokenURL: `${sandboxUrl}/twitter/oauth/access_token`,
      userAuthorizationURL: `${sandboxUrl}/twitter/oauth/authenticate`,
      userProfileURL: `${sandboxUrl}/twitter/2/users/me?user.fields=profile_image_url,name,username,url`,
    },
    (_token, _tokenSecret, profile, done) => {
      const user: SignedInUser = {
        id: profile.id,
        username: profile.username,
        displayName: profile.displayName,
        photo: profile.photos?.[0]?.value,
        profileUrl: (profile._json as { url?: string }).url,
      };
      done(null, user);
    },
  );
  const oauth = (strategy as unknown as { _oauth: OAuthClient })._oauth;
  const profileUrl = `${sandboxUrl}/twitter/2/users/me?user.fields=profile_image_url,name,username,url`;
  Object.assign(strategy, {
    userProfile(
      token: string,
      tokenSecret: string,
      _params: unknown,
      done: (err: Error | null, profile?: unknown) => void,
    ) {
      oauth.get(profileUrl, token, tokenSecret, (err, body) => {
        if (err) return done(new Error(`Failed to fetch user profile (${err.statusCode})`));
        const { data } = JSON.parse(String(body)) as {
          data: {
            id: string;
            name: string;
            username: string;
            profile_image_url?: string;
            url?: string;
          };
        };
        done(null, {
          provider: 'twitter',
          id: data.id,
          username: data.username,
          displayName: data.name,
          _json: data,
          photos: data.profile_image_url ? [{ value: data.profile_image_url }] : [],
        });
      });
    },
  });
  authenticator.use(strategy);

  app.get('/auth/twitter', authenticator.authenticate('twitter', { session: false }));
  app.get(
    '/auth/twitter/forced',
    authenticator.authenticate('twitter', { session: false, forceLogin: true } as object),
  );
  app.get('/auth/twitter/callback', (req, res, next) => {
    authenticator.authenticate(
      'twitter',
      { session: false },
      (err: Error | null, user: SignedInUser | false) => {
        if (err) return res.status(500).json({ error: err.message });
        if (!user) return res.status(401).json({ user: false, query: req.query });
        res.json({ user });
      },
    )(req, res, next);
  });
  return app;
}

let sandboxUrl: string;
let parleyUrl: string;

beforeAll(async () => {
  const sandbox = express();
  sandbox.use('/twitter', twitterSandbox(CONSUMER));
  sandboxUrl = await listen(sandbox);
  parleyUrl = await listen(parleyStandIn(sandboxUrl));
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A fetch that keeps one cookie jar (just `sid`) and never follows redirects. */
function browser() {
  let cookie = '';
  return async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookie && url.startsWith(parleyUrl)) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0] ?? '';
    return res;
  };
}

function hiddenRequestId(html: string): string {
  const id = /name="request" value="([^"]+)"/.exec(html)?.[1];
  if (!id) throw new Error('no request field on the consent page');
  return id;
}

/** Start → consent page, returning the page and how to answer it. */
async function startSignIn(path = '/auth/twitter') {
  const go = browser();
  const start = await go(`${parleyUrl}${path}`);
  expect(start.status).toBe(302);
  const consentUrl = new URL(start.headers.get('location') ?? '');
  expect(consentUrl.origin + consentUrl.pathname).toBe(`${sandboxUrl}/twitter/oauth/authenticate`);
  const page = await go(consentUrl.href);
  const html = await page.text();
  const answer = (decision: string) =>
    go(`${sandboxUrl}/twitter/oauth/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request: hiddenRequestId(html), decision }).toString(),
    });
  return { go, page, html, consentUrl, answer };
}

describe('twitter sandbox with the real passport-twitter strategy', () => {
  it('signs a reader in: consent page, chosen account, profile from /2/users/me', async () => {
    const { go, page, html, consentUrl, answer } = await startSignIn();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(html).toContain('Sign in to Parley Sandbox with Twitter');
    expect(html).toContain('Continue as Ada Lovelace (@ada)');
    expect(html).toContain('Continue as Grace Hopper (@grace)');
    expect(html).toContain('Continue as Alan Turing (@alan)');
    expect(html).toContain('>Cancel</button>');
    expect(html).not.toContain('force_login');

    const back = await answer('1002');
    expect(back.status).toBe(302);
    const callback = new URL(back.headers.get('location') ?? '');
    expect(callback.origin + callback.pathname).toBe(`${parleyUrl}/auth/twitter/callback`);
    expect(callback.searchParams.get('oauth_token')).toBe(
      consentUrl.searchParams.get('oauth_token'),
    );
    expect(callback.searchParams.get('oauth_verifier')).toBeTruthy();

    const done = await go(callback.href);
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({
      user: {
        id: '1002',
        username: 'grace',
        displayName: 'Grace Hopper',
        photo: `${sandboxUrl}/twitter/avatars/1002.png`,
        profileUrl: 'https://x.com/grace',
      },
    });
    const avatar = await fetch(`${sandboxUrl}/twitter/avatars/1002.png`);
    expect(avatar.headers.get('content-type')).toBe('image/png');
    expect(sniffImageType(new Uint8Array(await avatar.arrayBuffer()))).toBe('image/png');

    // The consent page can't be answered twice.
    expect((await answer('1001')).status).toBe(400);
  });

  it('sends ?denied=<request token> on Cancel, and the strategy fails cleanly', async () => {
    const { go, consentUrl, answer } = await startSignIn();
    const back = await answer('deny');
    expect(back.status).toBe(302);
    const callback = new URL(back.headers.get('location') ?? '');
    expect(callback.searchParams.get('denied')).toBe(consentUrl.searchParams.get('oauth_token'));
    expect(callback.searchParams.has('oauth_verifier')).toBe(false);
    const done = await go(callback.href);
    expect(done.status).toBe(401);
    expect(((await done.json()) as { user: unknown }).user).toBe(false);
  });

  it('passes force_login=true through to the consent page', async () => {
    const { consentUrl, html } = await startSignIn('/auth/twitter/forced');
    expect(consentUrl.searchParams.get('force_login')).toBe('true');
    expect(html).toContain('data-testid="force-login">force_login=true<');
  });

  it('refuses a consent answer that no rendered page issued', async () => {
    const res = await fetch(`${sandboxUrl}/twitter/oauth/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'request=forged&decision=1001',
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });
});

/** Direct protocol calls, signed by the test's own signer. */
async function signedPost(
  path: string,
  sign: Partial<Parameters<typeof signOAuth1>[0]> = {},
): Promise<Response> {
  const url = `${sandboxUrl}/twitter${path}`;
  const authorization = signOAuth1({ method: 'POST', url, ...CONSUMER, ...sign });
  return fetch(url, { method: 'POST', headers: { authorization } });
}

async function signedGet(path: string, token: string, tokenSecret: string) {
  const url = `${sandboxUrl}/twitter${path}`;
  const authorization = signOAuth1({ method: 'GET', url, ...CONSUMER, token, tokenSecret });
  return fetch(url, { headers: { authorization } });
}

async function requestToken() {
  const res = await signedPost('/oauth/request_token', {
    oauth: { oauth_callback: 'http://parley.test/cb' },
  });
  expect(res.status).toBe(200);
  const body = new URLSearchParams(await res.text());
  expect(body.get('oauth_callback_confirmed')).toBe('true');
  return { token: body.get('oauth_token') ?? '', secret: body.get('oauth_token_secret') ?? '' };
}

/** Request token → consent as Ada → the verifier from the callback. */
async function authorisedRequestToken() {
  const { token, secret } = await requestToken();
  const page = await fetch(`${sandboxUrl}/twitter/oauth/authorize?oauth_token=${token}`);
  const consent = await fetch(`${sandboxUrl}/twitter/oauth/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request: hiddenRequestId(await page.text()), decision: '1001' }),
    redirect: 'manual',
  });
  const callback = new URL(consent.headers.get('location') ?? '');
  expect(callback.origin + callback.pathname).toBe('http://parley.test/cb');
  return { token, secret, verifier: callback.searchParams.get('oauth_verifier') ?? '' };
}

async function errorCode(res: Response): Promise<number | undefined> {
  return ((await res.json()) as { errors: { code: number }[] }).errors[0]?.code;
}

describe('twitter sandbox OAuth 1.0a checks', () => {
  it('computes the signature of Twitter’s documented example', () => {
    const params: [string, string][] = [
      ['status', 'Hello Ladies + Gentlemen, a signed OAuth request!'],
      ['include_entities', 'true'],
      ['oauth_consumer_key', 'xvz1evFS4wEEPTGEFPHBog'],
      ['oauth_nonce', 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '1318622958'],
      ['oauth_token', '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb'],
      ['oauth_version', '1.0'],
    ];
    const base = signatureBaseString(
      'POST',
      new URL('https://api.twitter.com/1.1/statuses/update.json'),
      params,
    );
    expect(
      hmacSha1(
        base,
        'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
        'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
      ),
    ).toBe('hCtSmYh+iHYCEqBWrE7C7hYmtUk=');
  });

  it('rejects a request signed with the wrong consumer secret', async () => {
    const res = await signedPost('/oauth/request_token', {
      consumerSecret: 'not-the-secret',
      oauth: { oauth_callback: 'http://parley.test/cb' },
    });
    expect(res.status).toBe(401);
    expect(await errorCode(res)).toBe(32);
  });

  it('rejects an unknown consumer key and an unsigned request', async () => {
    const unknown = await signedPost('/oauth/request_token', {
      consumerKey: 'someone-else',
      oauth: { oauth_callback: 'http://parley.test/cb' },
    });
    expect(unknown.status).toBe(401);
    const unsigned = await fetch(`${sandboxUrl}/twitter/oauth/request_token`, { method: 'POST' });
    expect(unsigned.status).toBe(401);
  });

  it('covers form body parameters with the signature', async () => {
    const url = `${sandboxUrl}/twitter/oauth/request_token`;
    const form = { x_auth_access_type: 'read' };
    const post = (body: string) =>
      fetch(url, {
        method: 'POST',
        headers: {
          authorization: signOAuth1({
            method: 'POST',
            url,
            ...CONSUMER,
            form,
            oauth: { oauth_callback: 'http://parley.test/cb' },
          }),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body,
      });
    expect((await post('x_auth_access_type=read')).status).toBe(200);
    const tampered = await post('x_auth_access_type=write');
    expect(tampered.status).toBe(401);
    expect(await errorCode(tampered)).toBe(32);
  });

  it('rejects a replayed nonce', async () => {
    const sign = { nonce: 'fixed-nonce-1', oauth: { oauth_callback: 'http://parley.test/cb' } };
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await signedPost('/oauth/request_token', { ...sign, timestamp })).status).toBe(200);
    const replay = await signedPost('/oauth/request_token', { ...sign, timestamp });
    expect(replay.status).toBe(401);
    expect(await errorCode(replay)).toBe(32);
  });

  it('rejects a timestamp more than 5 minutes off', async () => {
    for (const offset of [-301, 301]) {
      const res = await signedPost('/oauth/request_token', {
        timestamp: Math.floor(Date.now() / 1000) + offset,
        oauth: { oauth_callback: 'http://parley.test/cb' },
      });
      expect(res.status).toBe(401);
      expect(await errorCode(res)).toBe(135);
    }
  });

  it('exchanges a verifier once, then refuses it', async () => {
    const { token, secret, verifier } = await authorisedRequestToken();
    const exchange = () =>
      signedPost('/oauth/access_token', {
        token,
        tokenSecret: secret,
        oauth: { oauth_verifier: verifier },
      });
    const first = await exchange();
    expect(first.status).toBe(200);
    const body = new URLSearchParams(await first.text());
    expect(body.get('user_id')).toBe('1001');
    expect(body.get('screen_name')).toBe('ada');
    expect(body.get('oauth_token')).toMatch(/^1001-/);
    expect((await exchange()).status).toBe(401);
  });

  it('refuses a wrong verifier, and the request token dies with it', async () => {
    const { token, secret, verifier } = await authorisedRequestToken();
    const wrong = await signedPost('/oauth/access_token', {
      token,
      tokenSecret: secret,
      oauth: { oauth_verifier: 'guess' },
    });
    expect(wrong.status).toBe(401);
    const right = await signedPost('/oauth/access_token', {
      token,
      tokenSecret: secret,
      oauth: { oauth_verifier: verifier },
    });
    expect(right.status).toBe(401);
  });

  it('refuses an access-token request signed without the request token secret', async () => {
    const { token, verifier } = await authorisedRequestToken();
    const res = await signedPost('/oauth/access_token', {
      token,
      tokenSecret: 'wrong',
      oauth: { oauth_verifier: verifier },
    });
    expect(res.status).toBe(401);
  });

  it('answers verify_credentials with 403 code 453 and /2/users/me with the user', async () => {
    const { token, secret, verifier } = await authorisedRequestToken();
    const access = new URLSearchParams(
      await (
        await signedPost('/oauth/access_token', {
          token,
          tokenSecret: secret,
          oauth: { oauth_verifier: verifier },
        })
      ).text(),
    );
    const accessToken = access.get('oauth_token') ?? '';
    const accessSecret = access.get('oauth_token_secret') ?? '';

    const v1 = await signedGet('/1.1/account/verify_credentials.json', accessToken, accessSecret);
    expect(v1.status).toBe(403);
    expect(await errorCode(v1)).toBe(453);

    const me = await signedGet('/2/users/me?user.fields=url', accessToken, accessSecret);
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      data: { id: '1001', name: 'Ada Lovelace', username: 'ada', url: 'https://x.com/ada' },
    });

    const badSecret = await signedGet('/2/users/me', accessToken, 'wrong');
    expect(badSecret.status).toBe(401);
    expect(await errorCode(badSecret)).toBe(32);
    const unknownToken = await signedGet('/2/users/me', 'nope', accessSecret);
    expect(unknownToken.status).toBe(401);
  });

  it('shows an error page, not a chooser, for an unknown request token', async () => {
    const res = await fetch(`${sandboxUrl}/twitter/oauth/authenticate?oauth_token=nope`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(await res.text()).not.toContain('Continue as');
  });
});
