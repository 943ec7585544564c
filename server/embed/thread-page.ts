import type { ThreadBootstrap } from '../../widget/shared/api-types.ts';
import type { WidgetManifest } from './assets.ts';

/** JSON safe to place inside a <script> element: nothing in it can close the element. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The iframe's HTML. The thread's first data is inlined so the app's first
 * render needs no API round trip; the JS and CSS are hashed, cached forever.
 */
export function renderThreadPage(
  bootstrap: ThreadBootstrap,
  manifest: WidgetManifest,
  assetBase: string,
): string {
  const theme = escapeAttr(bootstrap.theme);
  return `<!doctype html>
<html lang="en" data-theme="${theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Comments</title>
<link rel="stylesheet" href="${escapeAttr(`${assetBase}/${manifest.threadCss}`)}">
<script type="module" src="${escapeAttr(`${assetBase}/${manifest.threadJs}`)}"></script>
</head>
<body>
<div id="parley-root"></div>
<script id="parley-bootstrap" type="application/json">${scriptSafeJson(bootstrap)}</script>
</body>
</html>
`;
}
