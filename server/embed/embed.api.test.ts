import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadBootstrap } from '../../contract/api.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { loadWidgetAssets } from './assets.ts';
import { FIRST_PAINT_SCRIPT, INLINE_SCRIPT_HASHES, LOOK_SCRIPT } from './thread-page.ts';

function threadUrl(server: TestServer, params: Record<string, string>) {
  return `${server.url}/embed/thread?${new URLSearchParams(params)}`;
}

function bootstrapOf(html: string): ThreadBootstrap {
  const m = html.match(/<script id="parley-bootstrap" type="application\/json">([^<]*)<\/script>/);
  if (!m?.[1]) throw new Error('no bootstrap in the page');
  return JSON.parse(m[1]) as ThreadBootstrap;
}

describe.each(DIALECTS)('the iframe page and widget assets on %s', (dialect) => {
  let server: TestServer;
  const page = {
    site: 'blog',
    page: 'https://blog.example/p',
    url: 'https://blog.example/p',
    title: 'P',
    theme: 'dark',
    origin: 'https://blog.example',
  };

  beforeAll(async () => {
    // npm test builds the widget before running these.
    if (!existsSync('dist/widget/.vite/manifest.json'))
      throw new Error('Build the widget first: npm run build');
    server = await startTestServer(dialect);
    await server.buildSite({
      origins: ['https://blog.example', 'https://www.blog.example'],
      settings: { maxDepth: 3 },
    });
  });
  afterAll(() => server.stop());

  it('inlines the thread so the first render needs no API call', async () => {
    const body = {
      site: 'blog',
      page: page.page,
      pageUrl: page.url,
      pageTitle: 'P',
      body: 'inlined </script><script>alert(1)</script> \u2028 <!--',
      author: { name: 'A', email: 'a@example.com' },
    };
    const posted = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(posted.status).toBe(201);

    const res = await fetch(threadUrl(server, page));
    expect(res.status).toBe(200);
    // The page carries the whole thread: it goes out compressed.
    expect(res.headers.get('content-encoding')).toMatch(/^(gzip|br)$/);
    const html = await res.text();
    // The comment can't close the data element or open a script of its own:
    // the look, the app's module, the data, and the first-paint script are all.
    expect(html.match(/<script/g)).toHaveLength(4);
    expect(html).toContain(`<script>${FIRST_PAINT_SCRIPT}</script>`);
    // The first comments are in the page itself, escaped as the app shows them.
    const root = html.slice(
      html.indexOf('<div id="parley-root">'),
      html.indexOf('</div>\n<script'),
    );
    expect(root).toContain('data-testid="comment"');
    expect(root).toContain('inlined &lt;/script&gt;');
    expect(root).toContain('>1 comment</h2>');
    const boot = bootstrapOf(html);
    expect(boot).toMatchObject({
      site: 'blog',
      page: page.page,
      theme: 'dark',
      maxDepth: 3,
      hostOrigin: 'https://blog.example',
    });
    // No provider credentials on this server: no sign-in buttons are offered.
    expect(boot.providers).toEqual([]);
    expect(boot.thread?.total).toBe(1);
    expect(boot.thread?.comments[0]?.html).toContain('&lt;/script&gt;');
    expect(html).not.toContain('a@example.com');
  });

  it('applies the host’s look in the head, before anything of the body can paint', async () => {
    const html = await (
      await fetch(
        threadUrl(server, {
          ...page,
          bg: 'rgb(253, 248, 238)',
          font: '"Iowan Old Style", Georgia, serif',
          accent: '#c0ffee',
        }),
      )
    ).text();
    // The frame is shown before its page paints (widget/embed/loader.ts): the
    // look must be in place by then, escaped where it sits in an attribute.
    expect(html).toContain(
      ' data-bg="rgb(253, 248, 238)" data-font="&quot;Iowan Old Style&quot;, Georgia, serif" data-accent="#c0ffee">',
    );
    const look = html.indexOf(`<script>${LOOK_SCRIPT}</script>`);
    expect(look).toBeGreaterThan(0);
    expect(look).toBeLessThan(html.indexOf('<body>'));
    // Nothing asked for, nothing set: the page's own defaults.
    const plain = await (await fetch(threadUrl(server, page))).text();
    expect(plain).toMatch(/<html [^>]*data-theme="dark">/);
  });

  it('never shows one reader’s held comment or form token to another (the cached parts are public)', async () => {
    const held = { ...page, site: 'held', page: 'https://blog.example/held' };
    await server.buildSite({
      id: 'held',
      settings: {
        moderation: {
          blocklist: { words: ['casino'], emails: [], ips: [], identities: [], action: 'hold' },
        },
      },
    });
    const post = (text: string, email: string) =>
      fetch(`${server.url}/api/v1/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          site: 'held',
          page: held.page,
          pageUrl: held.url,
          pageTitle: 'P',
          body: text,
          author: { name: email, email },
        }),
      });
    expect((await post('Published for everyone', 'b@example.com')).status).toBe(201);
    // Everyone's page is cached now (the thread, its first render, compressed).
    const first = await (await fetch(threadUrl(server, held))).text();
    expect(first).toContain('Published for everyone');
    const mine = await post('My casino, held for review', 'a@example.com');
    const cookie = (mine.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
    expect(cookie).toMatch(/^parley_ak_held=/);
    const frame = (headers: Record<string, string> = {}) =>
      fetch(threadUrl(server, held), { headers: { 'accept-encoding': 'gzip, br', ...headers } });

    // The author sees their held comment, in the data and in the first render…
    const theirs = await (await frame({ cookie })).text();
    expect(theirs).toContain('My casino, held for review');
    expect(theirs).toContain('data-testid="awaiting-moderation"');
    // …and no one else does, before or after the author's page was made.
    for (const other of [await frame(), await frame({ 'accept-encoding': 'identity' })]) {
      const html = await other.text();
      expect(html).toContain('Published for everyone');
      expect(html).not.toContain('casino');
      expect(html).not.toContain('awaiting-moderation');
    }
    // Each page gets a form token of its own, made for it, never a cached one.
    const tokenOf = (html: string) => Number(bootstrapOf(html).formToken.split('.')[0]);
    const issued = tokenOf(theirs);
    while (Date.now() <= issued) await new Promise((r) => setTimeout(r, 1));
    expect(tokenOf(await (await frame()).text())).toBeGreaterThan(issued);
  });

  it('offers exactly the sign-in providers the server has credentials for', async () => {
    const withTwitter = await startTestServer(dialect, {
      TWITTER_CONSUMER_KEY: 'k',
      TWITTER_CONSUMER_SECRET: 's',
      FACEBOOK_APP_ID: 'only-an-id',
    });
    try {
      await withTwitter.buildSite();
      const html = await (await fetch(threadUrl(withTwitter, page))).text();
      expect(bootstrapOf(html).providers).toEqual(['twitter']);
    } finally {
      await withTwitter.stop();
    }
  });

  it('may only be framed by the site’s own origins', async () => {
    const res = await fetch(threadUrl(server, page));
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('frame-ancestors https://blog.example https://www.blog.example');
    // The look and first-paint scripts by their hashes; nothing else inline.
    expect(csp).toContain(`script-src 'self' ${INLINE_SCRIPT_HASHES};`);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('asks for a process of its own unless another site’s page frames it (Chromium starts it sooner)', async () => {
    const oac = async (headers: Record<string, string>) =>
      (await fetch(threadUrl(server, page), { headers })).headers.get('origin-agent-cluster');
    // blog.example is another site than the test server's 127.0.0.1.
    expect(await oac({ 'sec-fetch-dest': 'iframe', 'sec-fetch-site': 'cross-site' })).toBeNull();
    // Opened on its own, framed by a page of Parley's site, or by an old browser.
    expect(await oac({ 'sec-fetch-dest': 'document', 'sec-fetch-site': 'cross-site' })).toBe('?1');
    expect(await oac({ 'sec-fetch-dest': 'iframe', 'sec-fetch-site': 'same-site' })).toBe('?1');
    expect(await oac({})).toBe('?1');
    // A site one of whose origins is on Parley's own site keeps it however framed.
    await server.buildSite({ id: 'near', origins: ['https://blog.example', 'http://127.0.0.1:1'] });
    const near = await fetch(threadUrl(server, { ...page, site: 'near' }), {
      headers: { 'sec-fetch-dest': 'iframe', 'sec-fetch-site': 'cross-site' },
    });
    expect(near.status).toBe(200);
    expect(near.headers.get('origin-agent-cluster')).toBe('?1');
  });

  it('shows nothing of the thread to a host origin the site did not register', async () => {
    const html = await (
      await fetch(threadUrl(server, { ...page, origin: 'https://evil.example' }))
    ).text();
    expect(bootstrapOf(html)).toMatchObject({ thread: null, hostOrigin: '' });
  });

  it('answers an unknown site with a quiet, frameable "unavailable" page', async () => {
    const res = await fetch(threadUrl(server, { ...page, site: 'nope' }));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(bootstrapOf(await res.text())).toMatchObject({
      thread: null,
      hostOrigin: 'https://blog.example',
    });
    const forged = await fetch(
      threadUrl(server, { ...page, site: 'nope', origin: 'javascript:x' }),
    );
    expect(bootstrapOf(await forged.text()).hostOrigin).toBe('');
  });

  it('refuses repeated or oversized parameters with a 400, not a server error', async () => {
    const repeated = await fetch(`${server.url}/embed/thread?site=blog&site=other&page=x`);
    expect(repeated.status).toBe(400);
    const huge = await fetch(threadUrl(server, { ...page, page: 'x'.repeat(3000) }));
    expect(huge.status).toBe(400);
  });

  it('speaks data-lang, else the site’s language, else the host page’s, else the browser’s', async () => {
    await server.buildSite({
      id: 'fixed',
      origins: ['https://blog.example'],
      settings: { language: 'de' },
    });
    const localeOf = async (params: Record<string, string>, acceptLanguage = '') => {
      const res = await fetch(threadUrl(server, { ...page, ...params }), {
        headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
      });
      const html = await res.text();
      const boot = bootstrapOf(html);
      expect(html).toContain(
        `<html lang="${boot.locale}" dir="${boot.locale === 'ar' ? 'rtl' : 'ltr'}"`,
      );
      return boot.locale;
    };
    expect(await localeOf({})).toBe('en');
    expect(await localeOf({}, 'pt-PT,pt;q=0.9')).toBe('pt-BR');
    expect(await localeOf({ hostLang: 'ja-JP' }, 'fr')).toBe('ja');
    expect(await localeOf({ lang: 'ar', hostLang: 'ja' }, 'fr')).toBe('ar');
    // A language we don't ship is passed over, not an error.
    expect(await localeOf({ lang: 'it', hostLang: 'zh-Hans' })).toBe('zh-CN');
    // The site's setting wins over the host page and the browser, not over data-lang.
    expect(await localeOf({ site: 'fixed', hostLang: 'ja' }, 'fr')).toBe('de');
    expect(await localeOf({ site: 'fixed', lang: 'es' })).toBe('es');
    // Hostile values change nothing and break nothing.
    expect(await localeOf({ lang: '"><script>', hostLang: 'x'.repeat(500) })).toBe('en');
  });

  it('falls back to the auto theme for an unknown theme value', async () => {
    const html = await (await fetch(threadUrl(server, { ...page, theme: '"><script>' }))).text();
    expect(bootstrapOf(html).theme).toBe('auto');
    expect(html).toContain('data-theme="auto"');
  });

  it('serves embed.js compressed, loadable cross-origin, with a short cache', async () => {
    const res = await fetch(`${server.url}/embed.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toMatch(/max-age=300\b/);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    const etag = res.headers.get('etag') ?? '';
    const again = await fetch(`${server.url}/embed.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves the hashed app assets for a year, brotli when asked', async () => {
    const framePage = await fetch(threadUrl(server, page));
    const html = await framePage.text();
    const js = html.match(/<script type="module" src="(\/assets\/thread-[\w-]+\.js)"/)?.[1];
    // The stylesheet is inlined (the first comments paint without another
    // request), allowed by its hash; its file is still served, for anything else.
    const cssFile = loadWidgetAssets('dist/widget')?.apps.thread.styles[0] ?? '';
    const css = `/${cssFile}`;
    expect(js && cssFile).toBeTruthy();
    const cssText = readFileSync(`dist/widget/${cssFile}`, 'utf8');
    expect(html).toContain(`<style>${cssText}</style>`);
    expect(html).not.toContain('rel="stylesheet"');
    const cssHash = createHash('sha256').update(cssText).digest('base64');
    expect(framePage.headers.get('content-security-policy')).toContain(
      `style-src 'self' 'sha256-${cssHash}';`,
    );
    // Every file the page links (the entry, the chunks it preloads, its CSS) is served.
    const linked = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    for (const file of linked) expect((await fetch(`${server.url}${file}`)).status, file).toBe(200);
    const res = await fetch(`${server.url}${js}`, { headers: { 'accept-encoding': 'br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const raw = await fetch(`${server.url}${css}`, { headers: { 'accept-encoding': 'identity' } });
    expect(raw.headers.get('content-encoding')).toBeNull();
    expect(raw.headers.get('content-type')).toMatch(/text\/css/);
    const gz = await fetch(`${server.url}${css}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    // fetch decodes gzip itself: the same stylesheet arrives either way.
    expect(await gz.text()).toBe(await raw.text());
    expect((await fetch(`${server.url}/assets/nope.js`)).status).toBe(404);
  });

  it('reports health', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true });
  });
});
