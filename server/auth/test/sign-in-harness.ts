/**
 * Real sign-in over real HTTP for the attacker tests: Parley with the real
 * Passport strategies, pointed at the three sandbox providers, and a fetch
 * "browser" with a cookie jar for Parley's origin that follows redirects by
 * hand. auth.routes.test.ts uses the same world.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { expect } from 'vitest';
import type { SandboxUser } from '../../../demo/sandbox/consent-page.ts';
import { facebookSandbox } from '../../../demo/sandbox/facebook.ts';
import { twitterSandbox } from '../../../demo/sandbox/twitter.ts';
import { wordpressSandbox } from '../../../demo/sandbox/wordpress.ts';
import { type Dialect, startTestServer, type TestServer } from '../../test/test-server.ts';
import type { ProviderId } from '../auth.types.ts';

export const SAMPLE_USER: Record<ProviderId, string> = {
  wordpress: '1002',
  twitter: '1001',
  facebook: '100000000000003',
};

export const WP = { clientId: 'wp-client', clientSecret: 'wp-secret' };
export const TW = { consumerKey: 'tw-key', consumerSecret: 'tw-secret' };
export const FB = { appId: 'fb-app', appSecret: 'fb-secret' };

export async function listen(app: express.Express, port = 0): Promise<Server> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

export interface SignInWorld {
  parley: TestServer;
  parleyUrl: string;
  /** Where the three sandboxes answer: `${sandboxUrl}/wordpress` and so on. */
  sandboxUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the three sandboxes and Parley (site "blog" on https://blog.example).
 * `users` replaces every sandbox's sample accounts; `env` adds to Parley's.
 */
export async function startSignInWorld(
  dialect: Dialect,
  options: { users?: readonly SandboxUser[]; env?: Record<string, string> } = {},
): Promise<SignInWorld> {
  const { users, env } = options;
  const probe = await listen(express());
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  const parleyUrl = `http://127.0.0.1:${port}`;
  const providers = express();
  providers.use(
    '/wordpress',
    wordpressSandbox({ ...WP, redirectUri: `${parleyUrl}/auth/wordpress/callback`, users }),
  );
  providers.use('/twitter', twitterSandbox({ ...TW, users }));
  providers.use(
    '/facebook',
    facebookSandbox({ ...FB, redirectUri: `${parleyUrl}/auth/facebook/callback`, users }),
  );
  const sandbox = await listen(providers);
  const sandboxUrl = `http://127.0.0.1:${(sandbox.address() as AddressInfo).port}`;
  const parley = await startTestServer(dialect, {
    PORT: String(port),
    PUBLIC_URL: parleyUrl,
    WORDPRESS_CLIENT_ID: WP.clientId,
    WORDPRESS_CLIENT_SECRET: WP.clientSecret,
    WORDPRESS_API_URL: `${sandboxUrl}/wordpress`,
    TWITTER_CONSUMER_KEY: TW.consumerKey,
    TWITTER_CONSUMER_SECRET: TW.consumerSecret,
    TWITTER_API_URL: `${sandboxUrl}/twitter`,
    FACEBOOK_APP_ID: FB.appId,
    FACEBOOK_APP_SECRET: FB.appSecret,
    FACEBOOK_WWW_URL: `${sandboxUrl}/facebook`,
    FACEBOOK_GRAPH_URL: `${sandboxUrl}/facebook`,
    AUTH_RATE_LIMIT: '10000',
    ...env,
  });
  await parley.buildSite();
  return {
    parley,
    parleyUrl,
    sandboxUrl,
    async stop() {
      await parley.stop();
      sandbox.closeAllConnections();
      await new Promise((resolve) => sandbox.close(resolve));
    },
  };
}

/** One browser: its own cookie jar for Parley's origin (the sandboxes set none). */
export class Browser {
  cookies = new Map<string, string>();
  readonly parleyUrl: string;

  constructor(parleyUrl: string) {
    this.parleyUrl = parleyUrl;
  }

  async fetch(url: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...init.headers };
    if (url.startsWith(this.parleyUrl) && this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const res = await fetch(url, { redirect: 'manual', ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const [name, value] = [pair.slice(0, eq), pair.slice(eq + 1)];
      if (value === '' || /Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** POSTs JSON to Parley's API from this browser (the widget's fetch). */
  api(path: string, body: unknown) {
    return this.fetch(`${this.parleyUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }
}

export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/**
 * At the provider: loads the authorize URL, presses the consent button for
 * `user`, and returns the callback URL the provider redirects to. The
 * provider is another site: no Parley cookies go there.
 */
export async function consent(authorize: string, user: string): Promise<string> {
  const page = await fetch(authorize, { redirect: 'manual' });
  expect(page.status).toBe(200);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
  const request = /name="request" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const answer = await fetch(new URL(action, authorize), {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ request, decision: user }),
  });
  expect(answer.status).toBe(302);
  return answer.headers.get('location') ?? '';
}
