/**
 * The pages an emailed data link leads to, on Parley's own origin. Plain
 * HTML forms, no script: they work with JavaScript off, and the CSP lets
 * nothing load or run (form-action 'self' only).
 */
import type { Response } from 'express';
import type { DeleteAccountResult } from '../../contract/reader-data.schema.ts';
import type { ReaderDeletion } from '../../contract/reader-deletion.ts';
import { escapeHtml as e } from '../http/html.ts';

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function send(res: Response, status: number, title: string, body: string): void {
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
    })
    .send(`<!doctype html>
<html lang="en">
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

const perSite = (siteName: string) =>
  `<p>This covers “${e(siteName)}” only: other sites using the same comment server keep their own data, and each needs its own request.</p>`;

/** The emailed link's landing page: nothing happens until the guest presses Continue. */
export function sendLinkPage(
  res: Response,
  site: { id: string; name: string },
  action: string,
  token: string,
): void {
  send(
    res,
    200,
    `Your data on ${site.name}`,
    `  <p>Continue to see what “${e(site.name)}” holds about your email address, and to download or delete it.</p>
  <form method="post" action="${e(action)}">
    <input type="hidden" name="token" value="${e(token)}">
    <button type="submit" data-testid="guest-data-continue">Continue</button>
  </form>
  ${perSite(site.name)}`,
  );
}

/** What the site holds for the address, and the two choices. */
export function sendChoicesPage(
  res: Response,
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
  const count = view.comments === 1 ? '1 comment' : `${view.comments} comments`;
  send(
    res,
    200,
    `Your data on ${site.name}`,
    `  <p data-testid="guest-data-summary">“${e(site.name)}” holds ${count} written with <strong>${e(view.email)}</strong>.</p>
  ${perSite(site.name)}
  <p><a class="button" href="${e(paths.export)}" download data-testid="guest-data-download">Download my data (JSON)</a></p>
  <form method="post" action="${e(paths.delete)}">
    <fieldset>
      <legend>Delete my data on ${e(site.name)}</legend>
      <p>Your name, email, website, picture, IP address and browser go from every comment written with this address. ${view.deletion === 'choice' ? 'Choose what becomes of the comments:' : 'This site’s policy decides what becomes of the comments:'}</p>
      ${view.deletion === 'remove' ? '' : '<button type="submit" name="comments" value="anonymise" data-testid="guest-data-anonymise">Delete, keep my comments as “Deleted user”</button><br>'}
      ${view.deletion === 'anonymise' ? '' : '<button type="submit" name="comments" value="remove" class="danger" data-testid="guest-data-remove">Delete, and remove my comments</button>\n      <p>A removed comment that has replies stays as a “deleted” placeholder, so the replies keep their place.</p>'}
    </fieldset>
  </form>
  <p>IP addresses and browsers are erased from every comment after ${view.retentionDays} days anyway. This page works for ${view.sessionMinutes} minutes.</p>`,
  );
}

/** After the deletion: what was done, on which site. */
export function sendDeletedPage(
  res: Response,
  site: { name: string },
  result: DeleteAccountResult,
): void {
  const count = result.affected === 1 ? '1 comment' : `${result.affected} comments`;
  const what = result.comments === 'anonymise' ? 'kept as “Deleted user”' : 'removed';
  send(
    res,
    200,
    `Your data on ${site.name} was deleted`,
    `  <p data-testid="guest-data-done">${count} ${what} on “${e(site.name)}”. Nothing of your address is left there.</p>
  ${perSite(site.name)}`,
  );
}

/** A refusal as a page (the browser) — the API shape goes to clients asking for JSON. */
export function sendErrorPage(res: Response, status: number, message: string): void {
  send(
    res,
    status,
    'This link cannot be used',
    `  <p data-testid="guest-data-error">${e(message)}</p>`,
  );
}
