/**
 * The pages the sign-in popup (or the redirect fallback) shows on Parley's
 * own origin: the result page that hands the one-time code back to the
 * iframe that opened the popup, and short error pages. None may be framed,
 * cached, or run a script without this response's nonce.
 */
import { randomBytes } from 'node:crypto';
import type { Response } from 'express';
import { directionOf, type Locale } from '../../contract/i18n/locales.ts';
import { pageText } from '../../contract/i18n/pages/index.ts';
import { escapeHtml, scriptSafeJson } from '../http/html.ts';

/** What the popup posts to its opener (our own iframe) when the provider is done. */
export interface LoginResultMessage {
  type: 'loginResult';
  ticket: string;
  /** One-time code to redeem with the verifier; null when sign-in failed. */
  code: string | null;
  error: null | 'denied' | 'failed';
}

/**
 * Cross-Origin-Opener-Policy of the popup pages. helmet's default
 * `same-origin` would sever `window.opener` (the popup lands here from the
 * provider's origin), so these pages send `unsafe-none`. Should something on
 * the way still sever it, the iframe finishes by polling with its verifier.
 */

export interface AuthPage {
  status: number;
  /** The reader's language: the text is in it, and the page says so (lang, dir). */
  locale: Locale;
  title: string;
  /** Plain text paragraphs (escaped here). */
  message: string;
  /** An inline script, allowed by this response's CSP nonce. */
  script?: string;
  /** The script may fetch from Parley's own origin (the bind page). */
  connectSelf?: boolean;
}

/** Sends an auth page with the headers every one of them needs. */
export function sendAuthPage(res: Response, page: AuthPage): void {
  const nonce = randomBytes(16).toString('hex');
  const scriptSrc = page.script ? `'nonce-${nonce}'` : "'none'";
  res
    .status(page.status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; script-src ${scriptSrc};${page.connectSelf ? " connect-src 'self';" : ''} style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
      'Cross-Origin-Opener-Policy': 'unsafe-none',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    })
    .send(`<!doctype html>
<html lang="${page.locale}" dir="${directionOf(page.locale)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${escapeHtml(page.title)}</title>
  <style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1e1e1e; }</style>
</head>
<body>
  <h1>${escapeHtml(page.title)}</h1>
  <p role="status" data-testid="auth-message">${escapeHtml(page.message)}</p>
${page.script ? `  <script nonce="${nonce}">${page.script}</script>\n` : ''}</body>
</html>
`);
}

const RESULT_TEXT = {
  ok: ['signIn.ok.title', 'signIn.ok.message'],
  denied: ['signIn.denied.title', 'signIn.denied.message'],
  failed: ['signIn.failed.title', 'signIn.failed.message'],
} as const;

/**
 * The popup's last page. Its script posts the result to `window.opener` (the
 * iframe on Parley's origin, so targetOrigin is that origin, never '*') and
 * closes the popup, in every outcome. With no opener (a provider's own COOP
 * severed it) it closes too: the iframe finishes by polling with its
 * verifier. Where the browser refuses to close a window the page did not
 * open by script, the text stays.
 */
export function sendLoginResult(
  res: Response,
  result: {
    ticket: string;
    code: string | null;
    error: LoginResultMessage['error'];
    /** `new URL(config.publicUrl).origin`. */
    targetOrigin: string;
    locale: Locale;
  },
): void {
  const message: { parley: LoginResultMessage } = {
    parley: { type: 'loginResult', ticket: result.ticket, code: result.code, error: result.error },
  };
  const t = pageText(result.locale);
  const [title, text] = RESULT_TEXT[result.error ?? 'ok'];
  const script = `
    (function () {
      var opener = window.opener;
      if (opener && !opener.closed) {
        try { opener.postMessage(${scriptSafeJson(message)}, ${scriptSafeJson(result.targetOrigin)}); } catch (e) {}
      }
      window.close();
    })();
  `;
  sendAuthPage(res, {
    status: 200,
    locale: result.locale,
    title: t(title),
    message: t(text),
    script,
  });
}
