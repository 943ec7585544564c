/**
 * The pages an emailed data link leads to, on Parley's own origin. Plain
 * HTML forms, no script: they work with JavaScript off, and the CSP lets
 * nothing load or run (form-action 'self' only).
 */
import type { Response } from 'express';
import { directionOf, type Locale } from '../../contract/i18n/locales.ts';
import { type PageKey, pageText } from '../../contract/i18n/pages/index.ts';
import type { DeleteAccountResult } from '../../contract/reader-data.schema.ts';
import type { ReaderDeletion } from '../../contract/reader-deletion.ts';
import type { ErrorCode } from '../errors.ts';
import { escapeHtml as e } from '../http/html.ts';
import { htmlMessage } from '../notifications/held-comment.email.ts';

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function send(res: Response, locale: Locale, status: number, title: string, body: string): void {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-store',
      // The link's token is in this page's URL: it must not leave in a Referer
      // to another origin. Not no-referrer: that makes the browser send
      // `Origin: null` with the page's own forms, which the server refuses.
      'Referrer-Policy': 'same-origin',
      'X-Robots-Tag': 'noindex',
      // The words depend on the browser's languages when the link names none.
      Vary: 'Accept-Language',
    })
    .send(`<!doctype html>
<html lang="${locale}" dir="${directionOf(locale)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${e(title)}</title>
  <style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; color: #1e1e1e; } button, .button { font: inherit; padding: .4rem .8rem; margin: .2rem 0; } .danger { color: #a40e26; } fieldset { margin: 1.5rem 0; }</style>
</head>
<body>
  <h1>${e(title)}</h1>
${body}
</body>
</html>
`);
}

const perSite = (locale: Locale, siteName: string) =>
  `<p>${e(pageText(locale)('data.perSite', { site: siteName }))}</p>`;

/** The emailed link's landing page: nothing happens until the guest presses Continue. */
export function sendLinkPage(
  res: Response,
  locale: Locale,
  site: { id: string; name: string },
  action: string,
  token: string,
): void {
  const t = pageText(locale);
  send(
    res,
    locale,
    200,
    t('data.title', { site: site.name }),
    `  <p>${e(t('data.link.intro', { site: site.name }))}</p>
  <form method="post" action="${e(action)}">
    <input type="hidden" name="token" value="${e(token)}">
    <button type="submit" data-testid="guest-data-continue">${e(t('data.link.continue'))}</button>
  </form>
  ${perSite(locale, site.name)}`,
  );
}

/** What the site holds for the address, and the two choices. */
export function sendChoicesPage(
  res: Response,
  locale: Locale,
  site: { id: string; name: string },
  paths: { export: string; delete: string },
  view: {
    email: string;
    comments: number;
    retentionDays: number;
    sessionMinutes: number;
    /** The site's policy: which ways to delete are offered. */
    deletion: ReaderDeletion;
  },
): void {
  const t = pageText(locale);
  const summary = htmlMessage(locale, 'data.summary', {
    site: e(site.name),
    email: `<strong>${e(view.email)}</strong>`,
    count: view.comments,
  });
  const anonymise = `<button type="submit" name="comments" value="anonymise" data-testid="guest-data-anonymise">${e(t('data.delete.anonymise'))}</button><br>`;
  const remove = `<button type="submit" name="comments" value="remove" class="danger" data-testid="guest-data-remove">${e(t('data.delete.remove'))}</button>
      <p>${e(t('data.delete.placeholder'))}</p>`;
  send(
    res,
    locale,
    200,
    t('data.title', { site: site.name }),
    `  <p data-testid="guest-data-summary">${summary}</p>
  ${perSite(locale, site.name)}
  <p><a class="button" href="${e(paths.export)}" download data-testid="guest-data-download">${e(t('data.download'))}</a></p>
  <form method="post" action="${e(paths.delete)}">
    <fieldset>
      <legend>${e(t('data.delete.legend', { site: site.name }))}</legend>
      <p>${e(t('data.delete.what'))} ${e(t(view.deletion === 'choice' ? 'data.delete.choose' : 'data.delete.policy'))}</p>
      ${view.deletion === 'remove' ? '' : anonymise}
      ${view.deletion === 'anonymise' ? '' : remove}
    </fieldset>
  </form>
  <p>${e(t('data.retention', { count: view.retentionDays }))} ${e(t('data.session', { count: view.sessionMinutes }))}</p>`,
  );
}

/** After the deletion: what was done, on which site. */
export function sendDeletedPage(
  res: Response,
  locale: Locale,
  site: { name: string },
  result: DeleteAccountResult,
): void {
  const t = pageText(locale);
  const done = t(result.comments === 'anonymise' ? 'data.deleted.kept' : 'data.deleted.removed', {
    site: site.name,
    count: result.affected,
  });
  send(
    res,
    locale,
    200,
    t('data.deleted.title', { site: site.name }),
    `  <p data-testid="guest-data-done">${e(done)}</p>
  ${perSite(locale, site.name)}`,
  );
}

/**
 * What a refusal means to the guest, by its code (never its English message).
 * A bad `comments` value can only come from a hand-made form or a policy
 * changed while the page was open: both are "not that choice".
 */
function refusalKey(code: ErrorCode, field: string | undefined): PageKey {
  switch (code) {
    case 'link_invalid':
      return 'data.error.linkInvalid';
    case 'unauthorized':
      return 'data.error.expired';
    case 'unknown_site':
      return 'data.error.unknownSite';
    case 'origin_not_allowed':
      return 'data.error.origin';
    case 'invalid_body':
      return field === 'comments' ? 'data.error.policy' : 'data.error.invalid';
    // A form the body parser refused (too long, not UTF-8): not as this page sends it.
    case 'body_too_large':
    case 'unsupported_media_type':
      return 'data.error.invalid';
    default:
      return 'data.error.other';
  }
}

/** A refusal as a page (the browser) — the API shape goes to clients asking for JSON. */
export function sendErrorPage(
  res: Response,
  locale: Locale,
  status: number,
  refusal: {
    code: ErrorCode;
    field: string | undefined;
    headers: Readonly<Record<string, string>>;
  },
): void {
  const t = pageText(locale);
  let title: string;
  let text: string;
  if (refusal.code === 'rate_limited') {
    title = t('data.error.busyTitle');
    text = t('data.error.rateLimited', { count: Number(refusal.headers['Retry-After']) || 60 });
  } else if (status >= 500) {
    title = t('data.error.serverTitle');
    text = t('data.error.server');
  } else {
    title = t('data.error.title');
    text = t(refusalKey(refusal.code, refusal.field));
  }
  send(res, locale, status, title, `  <p data-testid="guest-data-error">${e(text)}</p>`);
}
