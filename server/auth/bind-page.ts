/**
 * The first page of a popup sign-in, on Parley's origin, before any provider
 * page can sever the opener: it proves that the widget instance which created
 * the ticket opened this very window (docs/security.md, flow 1).
 *
 * It posts `bindRequest` to `window.opener` (target origin Parley's own, so a
 * page of any other origin that opened the link never receives it), accepts
 * `bindProof` only from that opener and from Parley's origin, hands the
 * verifier to `POST /auth/<provider>/bind` (which sets the binding cookie),
 * and goes on to the provider. A forwarded link has no such opener: the page
 * stays, saying where to start.
 */
import type { Response } from 'express';
import type { Locale } from '../../contract/i18n/locales.ts';
import { pageText } from '../../contract/i18n/pages/index.ts';
import { scriptSafeJson } from '../http/html.ts';
import { sendAuthPage } from './callback-page.ts';

/** The API's words when no widget answers: the link was opened anywhere but from the comment form. */
export const NOT_FROM_FORM =
  'This sign-in link only works in the window the comment form opened. Close it and start signing in from the comment form.';
/** When the page says where to start if no widget has answered (it answers within milliseconds). */
const ANSWER_MS = 5000;

export function sendBindPage(
  res: Response,
  input: {
    ticket: string;
    providerName: string;
    /** Parley's origin: the only one the page talks to. */
    origin: string;
    bindUrl: string;
    /** Where to go once bound (start again, now with the binding cookie). */
    nextUrl: string;
    locale: Locale;
  },
): void {
  const json = scriptSafeJson;
  const t = pageText(input.locale);
  const notFromForm = t('signIn.notFromForm');
  const failed = t('signIn.bind.failed');
  const script = `
    (function () {
      var ticket = ${json(input.ticket)}, origin = ${json(input.origin)};
      var status = document.querySelector('[data-testid="auth-message"]');
      var settled = false;
      function fail(text) { settled = true; status.textContent = text; }
      var opener = window.opener;
      if (!opener) return fail(${json(notFromForm)});
      // Only words: a proof that comes later (a slow machine) is still taken.
      var timer = setTimeout(function () { if (!settled) status.textContent = ${json(notFromForm)}; }, ${ANSWER_MS});
      window.addEventListener('message', function (event) {
        if (settled || event.source !== opener || event.origin !== origin) return;
        var m = event.data && typeof event.data === 'object' ? event.data.parley : null;
        if (!m || m.type !== 'bindProof' || m.ticket !== ticket || typeof m.verifier !== 'string') return;
        settled = true;
        clearTimeout(timer);
        fetch(${json(input.bindUrl)}, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ticket: ticket, verifier: m.verifier })
        }).then(function (r) {
          if (r.status === 204) location.replace(${json(input.nextUrl)});
          else fail(${json(failed)});
        }, function () { fail(${json(failed)}); });
      });
      try { opener.postMessage({ parley: { type: 'bindRequest', ticket: ticket } }, origin); }
      catch (e) { fail(${json(notFromForm)}); }
    })();
  `;
  sendAuthPage(res, {
    status: 200,
    locale: input.locale,
    title: t('signIn.bind.title', { provider: input.providerName }),
    message: t('signIn.bind.connecting', { provider: input.providerName }),
    script,
    connectSelf: true,
  });
}
