import type { ThreadBootstrap } from '../../contract/api.ts';
import { directionOf } from '../../contract/i18n/locales.ts';
import { escapeHtml, scriptSafeJson } from '../http/html.ts';

export { scriptSafeJson };

/**
 * The iframe's HTML. The thread's first data is inlined so the app's first
 * render needs no API round trip. `head` loads the app (WidgetAssets.head):
 * hashed JS and CSS, cached forever.
 */
export function renderThreadPage(
  bootstrap: Omit<ThreadBootstrap, 'thread'>,
  /** The thread's first page as script-safe JSON (the cached API body), or "null". */
  threadJson: string,
  head: string,
): string {
  const theme = escapeHtml(bootstrap.theme);
  const title = bootstrap.messages['frame.title'];
  // The frame's document title in the reader's language (a plain string).
  const titleText = escapeHtml(typeof title === 'string' ? title : 'Comments');
  // Spliced in as it is, not parsed and serialised again.
  const data = `${scriptSafeJson(bootstrap).slice(0, -1)},"thread":${threadJson}}`;
  return `<!doctype html>
<html lang="${bootstrap.locale}" dir="${directionOf(bootstrap.locale)}" data-theme="${theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${titleText}</title>
${head}
</head>
<body>
<div id="parley-root"></div>
<script id="parley-bootstrap" type="application/json">${data}</script>
</body>
</html>
`;
}
