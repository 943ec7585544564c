import type { ThreadBootstrap } from '../../contract/api.ts';
import { escapeHtml, scriptSafeJson } from '../http/html.ts';
import type { WidgetManifest } from './assets.ts';

export { scriptSafeJson };

/**
 * The iframe's HTML. The thread's first data is inlined so the app's first
 * render needs no API round trip; the JS and CSS are hashed, cached forever.
 */
export function renderThreadPage(
  bootstrap: ThreadBootstrap,
  manifest: WidgetManifest,
  assetBase: string,
): string {
  const theme = escapeHtml(bootstrap.theme);
  return `<!doctype html>
<html lang="en" data-theme="${theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Comments</title>
<link rel="stylesheet" href="${escapeHtml(`${assetBase}/${manifest.threadCss}`)}">
<script type="module" src="${escapeHtml(`${assetBase}/${manifest.threadJs}`)}"></script>
</head>
<body>
<div id="parley-root"></div>
<script id="parley-bootstrap" type="application/json">${scriptSafeJson(bootstrap)}</script>
</body>
</html>
`;
}
