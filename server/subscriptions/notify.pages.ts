/**
 * The pages behind the links of reader emails: a question with one button
 * (a GET never acts: mail scanners open links before the reader does), and
 * the result. Same-origin form posts only, no script, never framed or cached,
 * and no Referer (the URL carries the token).
 */
import type { Response } from 'express';
import { directionOf, type Locale } from '../../contract/i18n/locales.ts';
import { escapeHtml } from '../http/html.ts';

export interface NotifyPage {
  readonly status: number;
  readonly locale: Locale;
  readonly title: string;
  readonly message: string;
  readonly list?: readonly string[];
  /** A button that POSTs to `action` (a URL relative to the page). */
  readonly form?: { readonly action: string; readonly button: string };
}

export function sendNotifyPage(res: Response, page: NotifyPage): void {
  res
    .status(page.status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
    })
    .send(`<!doctype html>
<html lang="${page.locale}" dir="${directionOf(page.locale)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${escapeHtml(page.title)}</title>
  <style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; color: #1e1e1e; } button { font: inherit; padding: .5rem 1rem; border-radius: 6px; border: 0; background: #0969da; color: #fff; cursor: pointer; }</style>
</head>
<body>
  <h1>${escapeHtml(page.title)}</h1>
  <p role="status" data-testid="notify-message">${escapeHtml(page.message)}</p>
${page.list?.length ? `  <ul>${page.list.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>\n` : ''}${
  page.form
    ? `  <form method="post" action="${escapeHtml(page.form.action)}">
    <input type="hidden" name="List-Unsubscribe" value="One-Click">
    <button type="submit" data-testid="notify-button">${escapeHtml(page.form.button)}</button>
  </form>\n`
    : ''
}</body>
</html>
`);
}
