import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import type { ProviderProfile } from './auth.types.ts';
import { bindLoginTicket, completeLoginTicket, failLoginTicket } from './ticket.service.ts';

const PROVIDERS_ENV = {
  WORDPRESS_CLIENT_ID: 'wp-id',
  WORDPRESS_CLIENT_SECRET: 'wp-secret',
  TWITTER_CONSUMER_KEY: 'tw-key',
  TWITTER_CONSUMER_SECRET: 'tw-secret',
};

const profile: ProviderProfile = {
  provider: 'twitter',
  providerUserId: '1002',
  displayName: 'Grace Hopper',
  username: 'grace',
  avatarUrl: 'https://sandbox.example/avatars/1002.svg',
  profileUrl: 'https://x.com/grace',
  email: 'grace@example.com',
};

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

describe.each(DIALECTS)('sign-in API on %s', (dialect) => {
  let server: TestServer;
  const call = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  /** A ticket completed at the provider, as the callback would leave it. */
  async function completedTicket(provider: 'twitter' | 'wordpress' = 'twitter', site = 'blog') {
    const { verifier, challenge } = pkce();
    const res = await call('/auth/tickets', { site, provider, challenge });
    expect(res.status).toBe(201);
    const { ticket } = await res.json();
    const { code } = await completeLoginTicket(
      server.parley.db,
      ticket,
      { ...profile, provider },
      server.parley.config.authSecret,
    );
    return { ticket, verifier, code };
  }

  async function signIn(site = 'blog') {
    const t = await completedTicket('twitter', site);
    const res = await call('/auth/redeem', t);
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`parley_rt_${site}=`)) ?? '';
    return { ...(await res.json()), cookie: cookie.split(';')[0] as string, setCookie: cookie };
  }

  beforeAll(async () => {
    // PUBLIC_URL stays the default (http://localhost:$PORT, and PORT is 0 here).
    server = await startTestServer(dialect, PROVIDERS_ENV);
    await server.buildSite();
    await server.buildSite({ id: 'other', origins: ['https://other.example'] });
  });
  afterAll(() => server.stop());

  it('creates a ticket with a start URL for a configured provider', async () => {
    const res = await call('/auth/tickets', {
      site: 'blog',
      provider: 'wordpress',
      challenge: pkce().challenge,
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    // Opened in the popup, so absolute, on Parley's public URL.
    expect(body.startUrl).toBe(`http://localhost:0/auth/wordpress/start?ticket=${body.ticket}`);
    expect(body.ticket).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it.each([
    ['a provider without credentials', { provider: 'facebook' }, 404, 'unknown_provider'],
    ['an unknown provider', { provider: 'myspace' }, 400, 'invalid_body'],
    ['an unknown site', { site: 'nope' }, 404, 'unknown_site'],
    ['a challenge that is not a SHA-256', { challenge: 'short' }, 400, 'invalid_body'],
    [
      'a return page on another origin',
      { returnUrl: 'https://evil.example/' },
      403,
      'origin_not_allowed',
    ],
  ])('refuses %s', async (_name, override, status, code) => {
    const res = await call('/auth/tickets', {
      site: 'blog',
      provider: 'twitter',
      challenge: pkce().challenge,
      ...override,
    });
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
  });

  it('redeems a completed ticket once, with the verifier and code, into a session', async () => {
    const { verifier, challenge } = pkce();
    const { ticket } = await (
      await call('/auth/tickets', { site: 'blog', provider: 'twitter', challenge })
    ).json();
    expect((await call('/auth/redeem', { ticket, verifier })).status).toBe(202);
    const { code } = await completeLoginTicket(
      server.parley.db,
      ticket,
      profile,
      server.parley.config.authSecret,
    );

    const wrongVerifier = await call('/auth/redeem', { ticket, verifier: pkce().verifier, code });
    expect(wrongVerifier.status).toBe(403);
    expect((await wrongVerifier.json()).error.code).toBe('invalid_verifier');
    const wrongCode = await call('/auth/redeem', { ticket, verifier, code: pkce().verifier });
    expect((await wrongCode.json()).error.code).toBe('invalid_verifier');

    const ok = await call('/auth/redeem', { ticket, verifier, code });
    expect(ok.status).toBe(200);
    const session = await ok.json();
    expect(session).toEqual({
      accessToken: expect.stringMatching(/^v1\./),
      expiresIn: 900,
      identity: {
        name: 'Grace Hopper',
        url: 'https://x.com/grace',
        avatarUrl: expect.stringMatching(/^\/avatars\/[0-9a-f]{32}$/),
        provider: 'twitter',
        // The provider gave an email: reply notifications can reach them (the address is never sent).
        emailable: true,
      },
    });
    expect(JSON.stringify(session)).not.toContain('grace@example.com');
    const cookie = ok.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(
      /parley_rt_blog=[^;]+; Max-Age=\d+; Path=\/api\/v1\/auth; .*HttpOnly; Secure; Partitioned; SameSite=None/,
    );

    const replay = await call('/auth/redeem', { ticket, verifier, code });
    expect(replay.status).toBe(409);
    expect((await replay.json()).error.code).toBe('ticket_used');
  });

  it('completes by polling with the verifier alone only for a ticket bound to a browser', async () => {
    const unbound = await completedTicket();
    const refused = await call('/auth/redeem', {
      ticket: unbound.ticket,
      verifier: unbound.verifier,
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('invalid_verifier');

    const { verifier, challenge } = pkce();
    const { ticket } = await (
      await call('/auth/tickets', { site: 'blog', provider: 'twitter', challenge })
    ).json();
    await bindLoginTicket(server.parley.db, ticket, verifier);
    await completeLoginTicket(server.parley.db, ticket, profile, server.parley.config.authSecret);
    expect((await call('/auth/redeem', { ticket, verifier })).status).toBe(200);
  });

  it('reports a denied sign-in and an expired ticket', async () => {
    const { verifier, challenge } = pkce();
    const { ticket } = await (
      await call('/auth/tickets', { site: 'blog', provider: 'twitter', challenge })
    ).json();
    await failLoginTicket(server.parley.db, ticket, 'denied');
    expect((await (await call('/auth/redeem', { ticket, verifier })).json()).error.code).toBe(
      'login_denied',
    );

    const late = await completedTicket();
    await server.parley.db
      .updateTable('login_tickets')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', late.ticket)
      .execute();
    const res = await call('/auth/redeem', late);
    expect(res.status).toBe(410);
    expect((await res.json()).error.code).toBe('ticket_expired');
  });

  it('keeps one identity per provider account and refreshes its profile at each sign-in', async () => {
    await signIn();
    const { verifier, challenge } = pkce();
    const { ticket } = await (
      await call('/auth/tickets', { site: 'blog', provider: 'twitter', challenge })
    ).json();
    await bindLoginTicket(server.parley.db, ticket, verifier);
    await completeLoginTicket(
      server.parley.db,
      ticket,
      {
        ...profile,
        displayName: 'Grace B. Hopper',
      },
      server.parley.config.authSecret,
    );
    const session = await (await call('/auth/redeem', { ticket, verifier })).json();
    expect(session.identity.name).toBe('Grace B. Hopper');
    const rows = await server.parley.db
      .selectFrom('identities')
      .select('display_name')
      .where('provider', '=', 'twitter')
      .where('provider_user_id', '=', '1002')
      .execute();
    expect(rows).toEqual([{ display_name: 'Grace B. Hopper' }]);
  });

  it('shows the signed-in reader at /me, never their email', async () => {
    const { accessToken } = await signIn();
    const me = await call('/me', undefined, { authorization: `Bearer ${accessToken}` });
    expect(me.status).toBe(200);
    const text = await me.text();
    expect(JSON.parse(text).identity.name).toBe('Grace Hopper');
    expect(text).not.toContain('grace@example.com');
    expect((await call('/me')).status).toBe(401);
    const forged = await call('/me', undefined, {
      authorization: `Bearer ${accessToken.slice(0, -2)}xx`,
    });
    expect((await forged.json()).error.code).toBe('invalid_token');
  });

  it('posts a comment as the signed-in identity, ignoring any author sent', async () => {
    const { accessToken } = await signIn();
    const res = await call(
      '/comments',
      {
        site: 'blog',
        page: 'p',
        pageUrl: 'https://blog.example/p',
        body: 'Signed in!',
        author: { name: 'Impostor', email: 'x@y.z' },
      },
      { authorization: `Bearer ${accessToken}` },
    );
    expect(res.status).toBe(201);
    const text = await res.text();
    expect(JSON.parse(text).comment.author).toEqual({
      name: 'Grace Hopper',
      url: 'https://x.com/grace',
      avatarUrl: expect.stringMatching(/^\/avatars\/[0-9a-f]{32}$/),
      provider: 'twitter',
    });
    expect(text).not.toContain('grace@example.com');
  });

  it('refuses a token issued for one site on another', async () => {
    const { accessToken, cookie } = await signIn('blog');
    const res = await call(
      '/comments',
      { site: 'other', page: 'p', pageUrl: 'https://other.example/p', body: 'Cross-site' },
      { authorization: `Bearer ${accessToken}` },
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('token_site_mismatch');
    const refresh = await call(
      '/auth/refresh',
      { site: 'other' },
      { cookie: cookie.replace('parley_rt_blog', 'parley_rt_other') },
    );
    expect(refresh.status).toBe(401);
  });

  it('rotates the refresh token, and revokes the session when an old one comes back', async () => {
    const { cookie } = await signIn();
    const first = await call('/auth/refresh', { site: 'blog' }, { cookie });
    expect(first.status).toBe(200);
    const rotated = (
      first.headers.getSetCookie().find((c) => c.startsWith('parley_rt_blog=')) ?? ''
    ).split(';')[0] as string;
    expect(rotated).not.toBe(cookie);
    const { accessToken } = await first.json();

    // The old token again at once: another tab racing. It gets an access
    // token, and the cookie (already rotated in the shared jar) stays.
    const racing = await call('/auth/refresh', { site: 'blog' }, { cookie });
    expect(racing.status).toBe(200);
    expect(racing.headers.getSetCookie()).toEqual([]);

    // The old token again later: somebody copied it. Everything of that session stops.
    await server.parley.db
      .updateTable('sessions')
      .set({ refreshed_at: new Date(Date.now() - 60_000).toISOString() })
      .execute();
    expect((await call('/auth/refresh', { site: 'blog' }, { cookie })).status).toBe(401);
    expect((await call('/auth/refresh', { site: 'blog' }, { cookie: rotated })).status).toBe(401);
    expect((await call('/me', undefined, { authorization: `Bearer ${accessToken}` })).status).toBe(
      401,
    );
  });

  it('logs out everywhere: the access token and the refresh cookie stop working', async () => {
    const { accessToken, cookie } = await signIn();
    const out = await call('/auth/logout', {}, { authorization: `Bearer ${accessToken}`, cookie });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join('\n')).toMatch(/parley_rt_blog=;/);
    expect((await call('/me', undefined, { authorization: `Bearer ${accessToken}` })).status).toBe(
      401,
    );
    expect((await call('/auth/refresh', { site: 'blog' }, { cookie })).status).toBe(401);
    const post = await call(
      '/comments',
      { site: 'blog', page: 'p', pageUrl: 'https://blog.example/p', body: 'x' },
      { authorization: `Bearer ${accessToken}` },
    );
    expect(post.status).toBe(401);
  });

  it('finishes a redirect sign-in with the code from the fragment and the held verifier, never without the code', async () => {
    const { verifier, challenge } = pkce();
    const { ticket } = await (
      await call('/auth/tickets', {
        site: 'blog',
        provider: 'twitter',
        challenge,
        returnUrl: 'https://blog.example/p',
      })
    ).json();
    expect((await call(`/auth/tickets/${ticket}/hold`, { verifier: pkce().verifier })).status).toBe(
      404,
    );
    const hold = await call(`/auth/tickets/${ticket}/hold`, { verifier });
    expect(hold.status).toBe(204);
    const pending = (hold.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
    expect(hold.headers.getSetCookie()[0]).toMatch(/HttpOnly; Secure; Partitioned; SameSite=None/);
    await bindLoginTicket(server.parley.db, ticket, null);
    const { code } = await completeLoginTicket(
      server.parley.db,
      ticket,
      profile,
      server.parley.config.authSecret,
    );
    // The starter of a redirect sign-in has the verifier but never sees the code.
    const polled = await call('/auth/redeem', { ticket, verifier });
    expect(polled.status).toBe(403);
    expect((await polled.json()).error.code).toBe('invalid_verifier');
    // Whoever holds the code but not the verifier gets nothing either.
    const wrong = await call('/auth/redeem', { ticket, code, verifier: pkce().verifier });
    expect(wrong.status).toBe(403);
    const noVerifier = await call('/auth/redeem', { ticket, code });
    expect(noVerifier.status).toBe(403);
    const res = await call('/auth/redeem', { ticket, code }, { cookie: pending });
    expect(res.status).toBe(200);
    expect((await res.json()).identity.name).toBe('Grace Hopper');
    expect((await call('/auth/redeem', { ticket, code }, { cookie: pending })).status).toBe(409);
  });

  it('keeps the refresh token in the body for a widget whose cookies are dropped (WebKit)', async () => {
    const t = await completedTicket();
    const redeemed = await call('/auth/redeem', { ...t, keep: 'body' });
    expect(redeemed.status).toBe(200);
    expect(redeemed.headers.getSetCookie()).toEqual([]);
    const { refreshToken } = await redeemed.json();
    expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const refreshed = await call('/auth/refresh', { site: 'blog', refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.getSetCookie()).toEqual([]);
    const next = await refreshed.json();
    expect(next.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(next.refreshToken).not.toBe(refreshToken);
    expect(next.identity.name).toBe('Grace Hopper');
    // The rotated-away token is refused; another site's refresh too.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(
      (await call('/auth/refresh', { site: 'other', refreshToken: next.refreshToken })).status,
    ).toBe(401);
  });

  it('leaves a readable hint cookie beside the HttpOnly one, and clears both on logout', async () => {
    const { accessToken, cookie } = await signIn();
    const hint = 'parley_hint_blog=1';
    const refreshed = await call('/auth/refresh', { site: 'blog' }, { cookie });
    const set = refreshed.headers.getSetCookie();
    expect(set.find((c) => c.startsWith(hint))).toMatch(
      /Path=\/; .*Secure; Partitioned; SameSite=None/,
    );
    expect(set.find((c) => c.startsWith(hint))).not.toMatch(/HttpOnly/);
    const out = await call('/auth/logout', {}, { authorization: `Bearer ${accessToken}` });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().some((c) => /^parley_hint_blog=;/.test(c))).toBe(true);
  });

  it('limits ticket creation per client', async () => {
    const limited = await startTestServer(dialect, PROVIDERS_ENV);
    try {
      await limited.buildSite();
      const statuses: number[] = [];
      for (let i = 0; i < 32; i++) {
        const res = await fetch(`${limited.url}/api/v1/auth/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ site: 'blog', provider: 'twitter', challenge: pkce().challenge }),
        });
        statuses.push(res.status);
        if (res.status === 429) {
          expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
          expect((await res.json()).error.code).toBe('rate_limited');
        }
      }
      expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true);
      expect(statuses.slice(30)).toEqual([429, 429]);
    } finally {
      await limited.stop();
    }
  });
});
