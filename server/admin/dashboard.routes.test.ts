import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltWidgetAssets, loadWidgetAssets, type WidgetAssets } from '../embed/assets.ts';
import { dashboardRoutes } from './dashboard.routes.ts';

async function serve(assets: WidgetAssets | null) {
  const app = express();
  app.use(dashboardRoutes(assets));
  app.use((_req, res) => {
    res.status(404).send('next');
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

describe('dashboard page', () => {
  let built: Awaited<ReturnType<typeof serve>>;
  let unbuilt: Awaited<ReturnType<typeof serve>>;
  let assets: BuiltWidgetAssets;

  beforeAll(async () => {
    // npm test builds the widget before running these (rebuilding here would
    // race other test files reading dist/widget).
    const loaded = loadWidgetAssets('dist/widget');
    if (!loaded) throw new Error('Build the widget first: npm run build');
    assets = loaded;
    built = await serve(assets);
    unbuilt = await serve(null);
  });
  afterAll(() => {
    built.close();
    unbuilt.close();
  });

  it.each(['/admin', '/admin/', '/admin/blog/spam'])('serves the shell at %s', async (path) => {
    const res = await fetch(built.url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    // Nothing more than 'self' for code and styles (npm run dev adds its dev server only).
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).toMatch(/connect-src 'self';/);
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).toContain('<div id="admin-root"></div>');
    const admin = assets.apps.admin;
    expect(admin.script).toMatch(/^assets\/admin-[\w-]+\.js$/);
    expect(html).toContain(`<script type="module" src="/${admin.script}"></script>`);
    expect(admin.styles).toEqual([expect.stringMatching(/^assets\/admin-[\w-]+\.css$/)]);
    for (const css of admin.styles)
      expect(html).toContain(`<link rel="stylesheet" href="/${css}">`);
    for (const chunk of admin.preload) {
      expect(html).toContain(`<link rel="modulepreload" href="/${chunk}">`);
    }
  });

  it.each([
    ['fr-CH, fr;q=0.9, en;q=0.5', 'fr', 'ltr', 'Tableau de bord Parley'],
    ['ar-EG,ar;q=0.9', 'ar', 'rtl', 'لوحة تحكم Parley'],
    ['ja', 'ja', 'ltr', 'Parley ダッシュボード'],
    ['tlh, nl;q=0.5', 'en', 'ltr', 'Parley dashboard'],
  ])(
    'speaks the browser’s language before the app loads (Accept-Language: %s)',
    async (accept, lang, dir, title) => {
      const res = await fetch(`${built.url}/admin/blog`, {
        headers: { 'Accept-Language': accept },
      });
      expect(res.headers.get('vary')).toMatch(/accept-language/i);
      const html = await res.text();
      expect(html).toContain(`<html lang="${lang}" dir="${dir}">`);
      expect(html).toContain(`<title>${title}</title>`);
    },
  );

  it('leaves the API and other methods to the routers after it', async () => {
    for (const path of ['/admin/api', '/admin/api/me', '/administrator']) {
      const res = await fetch(built.url + path);
      expect(await res.text(), path).toBe('next');
    }
    const post = await fetch(`${built.url}/admin`, { method: 'POST' });
    expect(await post.text()).toBe('next');
  });

  it('holds the built dashboard files in memory, precompressed', () => {
    const { script, preload, styles } = assets.apps.admin;
    for (const file of [script, ...preload, ...styles]) {
      const asset = assets.get(file);
      expect(asset?.gzip, file).toBeDefined();
      expect(asset?.br, file).toBeDefined();
    }
  });

  it('says 503 when the widget is not built', async () => {
    const res = await fetch(`${unbuilt.url}/admin`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/not built/);
  });
});
