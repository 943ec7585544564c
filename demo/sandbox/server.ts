/**
 * Runs the three sandbox providers on one port, so the demo (and the e2e
 * tests) sign readers in offline. Returns the environment that points
 * Parley's real strategies at them.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, isIP } from 'node:net';
import express from 'express';
import { facebookSandbox } from './facebook.ts';
import { twitterSandbox } from './twitter.ts';
import { wordpressSandbox } from './wordpress.ts';

// Sandbox credentials: they only open the sandboxes, never a real provider.
const CREDENTIALS = {
  WORDPRESS_CLIENT_ID: 'parley-demo-wordpress',
  WORDPRESS_CLIENT_SECRET: 'sandbox-wordpress-secret',
  TWITTER_CONSUMER_KEY: 'parley-demo-twitter',
  TWITTER_CONSUMER_SECRET: 'sandbox-twitter-secret',
  FACEBOOK_APP_ID: '1000000000000001',
  FACEBOOK_APP_SECRET: 'sandbox-facebook-secret',
};

export interface Sandboxes {
  server: Server;
  url: string;
  /** Variables for Parley's config (credentials and endpoint URLs). */
  env: Record<string, string>;
}

/**
 * Starts the sandboxes on `port` (0: any) for a Parley reachable at
 * `parleyUrl`. With `tls` (PEM file paths) they answer over HTTPS, as real
 * providers do; the e2e suite runs every browser test that way.
 */
export async function startSandboxes(options: {
  port: number;
  host?: string;
  parleyUrl: string;
  tls?: { key: string; cert: string } | undefined;
}): Promise<Sandboxes> {
  const callback = (provider: string) => `${options.parleyUrl}/auth/${provider}/callback`;
  const app = express();
  app.use(
    '/wordpress',
    wordpressSandbox({
      clientId: CREDENTIALS.WORDPRESS_CLIENT_ID,
      clientSecret: CREDENTIALS.WORDPRESS_CLIENT_SECRET,
      redirectUri: callback('wordpress'),
    }),
  );
  app.use(
    '/twitter',
    twitterSandbox({
      consumerKey: CREDENTIALS.TWITTER_CONSUMER_KEY,
      consumerSecret: CREDENTIALS.TWITTER_CONSUMER_SECRET,
    }),
  );
  app.use(
    '/facebook',
    facebookSandbox({
      appId: CREDENTIALS.FACEBOOK_APP_ID,
      appSecret: CREDENTIALS.FACEBOOK_APP_SECRET,
      redirectUri: callback('facebook'),
    }),
  );
  const host = options.host ?? '127.0.0.1';
  const tls = options.tls;
  const server = await new Promise<Server>((resolve, reject) => {
    const s = tls
      ? createHttpsServer({ key: readFileSync(tls.key), cert: readFileSync(tls.cert) }, app)
      : createHttpServer(app);
    s.once('error', reject);
    s.listen(options.port, host, () => resolve(s));
  });
  const url = `${tls ? 'https' : 'http'}://${host}:${(server.address() as AddressInfo).port}`;
  return {
    server,
    url,
    env: {
      ...CREDENTIALS,
      WORDPRESS_API_URL: `${url}/wordpress`,
      TWITTER_API_URL: `${url}/twitter`,
      FACEBOOK_WWW_URL: `${url}/facebook`,
      FACEBOOK_GRAPH_URL: `${url}/facebook`,
      // Parley fetches the sandbox users' pictures through its avatar proxy,
      // which refuses private addresses (issue 12); open exactly the address
      // the sandboxes listen on, and only in the demo.
      AVATAR_PROXY_ALLOW: isIP(host) ? host : '127.0.0.1,::1',
    },
  };
}
