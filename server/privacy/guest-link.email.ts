/**
 * The email that proves a guest owns an address (issue 12). Every request
 * gets the same message, whether or not the address has comments on the
 * site: what is there shows only once the link is opened. Written in the
 * reader's language (issue 11), which the link carries on to the pages.
 */
import { directionOf, type Locale } from '../../contract/i18n/locales.ts';
import { pageText } from '../../contract/i18n/pages/index.ts';
import { escapeHtml } from '../http/html.ts';
import type { OutgoingMail } from '../notifications/mailer.ts';

export interface GuestLinkEmailInput {
  readonly to: string;
  readonly locale: Locale;
  readonly site: { readonly name: string };
  /** The page the link opens, token (and language) included. */
  readonly link: string;
  readonly expiresInMinutes: number;
}

export function guestLinkEmail(input: GuestLinkEmailInput): OutgoingMail {
  const { site, link, to, expiresInMinutes, locale } = input;
  const t = pageText(locale);
  const lines = [
    t('data.email.asked', { site: site.name, email: to }),
    t('data.email.open'),
    link,
    t('data.email.once', { site: site.name, count: expiresInMinutes }),
    t('data.email.ignore'),
  ];
  const html = `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><body style="font: 15px/1.5 system-ui, sans-serif; color: #1e1e1e">
<p>${escapeHtml(lines[0] as string)}</p>
<p>${escapeHtml(lines[1] as string)}</p>
<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>
<p>${escapeHtml(lines[3] as string)}</p>
<p style="color: #555">${escapeHtml(lines[4] as string)}</p>
</body></html>`;
  return {
    to,
    subject: t('data.email.subject', { site: site.name }),
    text: `${lines.join('\n\n')}\n`,
    html,
  };
}
