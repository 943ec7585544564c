/**
 * The iframe page built from a hand-made URL: whatever the query says, no
 * script URL or other site's address reaches the widget (its permalinks and
 * sign-in return address come from `url`), and no site id breaks the page.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadBootstrap } from '../../contract/api.ts';
import { startTestServer, type TestServer } from '../test/test-server.ts';

const ORIGIN = 'https://blog.example';

function bootstrapOf(html: string): ThreadBootstrap {
  const m = html.match(/<script id="parley-bootstrap" type="application\/json">([^<]*)<\/script>/);
  if (!m?.[1]) throw new Error('no bootstrap in the page');
  return JSON.parse(m[1]) as ThreadBootstrap;
}

describe('the iframe page given hostile parameters', () => {
  let server: TestServer;
  const load = (params: Record<string, string>) =>
    fetch(`${server.url}/embed/thread?${new URLSearchParams(params)}`);

  beforeAll(async () => {
    if (!existsSync('dist/widget/.vite/manifest.json'))
      throw new Error('Build the widget first: npm run build');
    server = await startTestServer();
    await server.buildSite({ origins: [ORIGIN, 'https://www.blog.example'] });
  });
  afterAll(() => server.stop());

  it('accepts a page URL on one of the site’s origins', async () => {
    const res = await load({ site: 'blog', url: `${ORIGIN}/post?x=1`, origin: ORIGIN });
    const boot = bootstrapOf(await res.text());
    expect(boot.pageUrl).toBe(`${ORIGIN}/post?x=1`);
    expect(boot.page).toBe(`${ORIGIN}/post?x=1`);
    const www = await load({ site: 'blog', url: 'https://www.blog.example/p', origin: ORIGIN });
    expect(bootstrapOf(await www.text()).pageUrl).toBe('https://www.blog.example/p');
  });

  it.each([
    'javascript:alert(document.domain)//',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://evil.example/phish',
    'https://blog.example.evil.example/',
    'http://blog.example/downgraded',
    '//evil.example/x',
    'not a url',
  ])('never puts %j into the widget’s permalinks', async (url) => {
    const res = await load({ site: 'blog', page: 'post-1', url, origin: ORIGIN });
    expect(res.status).toBe(200);
    const html = await res.text();
    const boot = bootstrapOf(html);
    expect(boot.pageUrl).toBe('');
    // The thread is still there for the page's own id; only the address is gone.
    expect(boot.page).toBe('post-1');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('evil.example');
  });

  it('shows no thread when the only page key it was given is a foreign URL', async () => {
    const res = await load({ site: 'blog', url: 'https://evil.example/p', origin: ORIGIN });
    const boot = bootstrapOf(await res.text());
    expect(boot.page).toBe('');
    expect(boot.thread).toBeNull();
  });
});

describe('where the iframe lets avatars load from', () => {
  const imgSrc = async (env: Record<string, string>) => {
    const server = await startTestServer('sqlite', env);
    try {
      await server.buildSite();
      const res = await fetch(
        `${server.url}/embed/thread?${new URLSearchParams({ site: 'blog', url: `${ORIGIN}/p`, origin: ORIGIN })}`,
      );
      return res.headers.get('content-security-policy')?.match(/img-src ([^;]*)/)?.[1];
    } finally {
      await server.stop();
    }
  };

  it('is Parley itself and data: only, whatever providers are configured (issue 12)', async () => {
    expect(await imgSrc({})).toBe("'self' data:");
    expect(
      await imgSrc({
        TWITTER_CONSUMER_KEY: 'key',
        TWITTER_CONSUMER_SECRET: 'secret',
        TWITTER_API_URL: 'http://127.0.0.1:21999/twitter',
        FACEBOOK_APP_ID: 'id',
        FACEBOOK_APP_SECRET: 'secret',
      }),
    ).toBe("'self' data:");
  });
});
