import { Router } from 'express';
import { dashboardMessages } from '../../contract/i18n/dashboard/index.ts';
import { directionOf, type Locale } from '../../contract/i18n/locales.ts';
import type { AssetSources, WidgetAssets } from '../embed/assets.ts';
import { escapeHtml } from '../http/html.ts';
import { browserLocale } from '../i18n/request-locale.ts';

// The dashboard runs only its own hashed script and talks only to its own
// origin (plus Vite's dev server under npm run dev: AssetSources); comment
// HTML it shows is sanitised, and this keeps it inert anyway.
const dashboardCsp = (sources: AssetSources) =>
  [
    "default-src 'none'",
    `script-src ${sources.script}`,
    `style-src ${sources.style}`,
    `connect-src ${sources.connect}`,
    "img-src 'self' https: data:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

/**
 * The dashboard's HTML: an empty root, and `head` loading the app
 * (WidgetAssets.head: hashed JS and CSS, cached forever under /assets).
 * `locale` (the browser's best match) sets lang, dir and title until the app
 * loads; the app then applies the owner's saved choice (widget/admin/i18n.ts).
 */
export function renderDashboardPage(head: string, locale: Locale = 'en'): string {
  const title = dashboardMessages(locale)['page.title'];
  return `<!doctype html>
<html lang="${locale}" dir="${directionOf(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escapeHtml(typeof title === 'string' ? title : 'Parley')}</title>
${head}
</head>
<body>
<div id="admin-root"></div>
</body>
</html>
`;
}

/**
 * The site owner's dashboard at /admin and every client-side path under it.
 * Mount after the /admin/api router; /admin/api paths are passed on anyway.
 */
export function dashboardRoutes(assets: WidgetAssets | null): Router {
  const router = Router();
  router.get('/admin{/*path}', (req, res, next) => {
    if (req.path === '/admin/api' || req.path.startsWith('/admin/api/')) return next();
    res.setHeader('Cache-Control', 'no-store');
    if (!assets) {
      res.status(503).type('text/plain').send('Parley dashboard is not built (run npm run build)');
      return;
    }
    res.setHeader('Content-Security-Policy', dashboardCsp(assets.sources));
    // The page depends on Accept-Language (a shared cache must not mix them).
    res.setHeader('Vary', 'Accept-Language');
    res.type('html').send(renderDashboardPage(assets.head('admin'), browserLocale(req)));
  });
  return router;
}
