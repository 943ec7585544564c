/**
 * The emails readers get: the double opt-in confirmation, and a new reply
 * or comment with its one-click unsubscribe (RFC 8058). Both take only the
 * fields they show, so nothing else of a row (an IP, another reader's
 * address) can reach them.
 */
import { directionOf, type Locale } from '../../contract/i18n/locales.ts';
import { pageText } from '../../contract/i18n/pages/index.ts';
import {
  escapeHtml,
  htmlMessage,
  htmlToText,
  isHttpUrl,
  oneLine,
  quoteText,
} from '../notifications/held-comment.email.ts';
import type { OutgoingMail } from '../notifications/mailer.ts';

export type SubscriptionKind = 'replies' | 'page';

const BODY_STYLE =
  "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2328;max-width:600px";
const BUTTON_STYLE =
  'display:inline-block;padding:8px 16px;border-radius:6px;background:#0969da;color:#ffffff;text-decoration:none;font-weight:600';
const FOOTER_STYLE = 'font-size:13px;color:#656d76';

function htmlDocument(locale: Locale, body: string): string {
  return `<!doctype html>
<html lang="${locale}" dir="${directionOf(locale)}"><body style="${BODY_STYLE}">
${body}
</body></html>`;
}

export interface ConfirmEmailInput {
  readonly to: string;
  readonly locale: Locale;
  readonly siteName: string;
  readonly pageTitle: string;
  /** What was asked for (one email confirms both boxes). */
  readonly kinds: readonly SubscriptionKind[];
  readonly confirmUrl: string;
  readonly validDays: number;
}

/** Lines naming what the reader asked for, in their language (also used by the pages). */
export function kindLines(
  locale: Locale,
  kinds: readonly SubscriptionKind[],
  pageTitle: string,
): string[] {
  const t = pageText(locale);
  const page = oneLine(pageTitle, 100);
  return kinds.map((kind) =>
    t(kind === 'replies' ? 'notify.confirm.replies' : 'notify.confirm.page', { page }),
  );
}

export function confirmEmail(input: ConfirmEmailInput): OutgoingMail {
  const { locale } = input;
  const t = pageText(locale);
  const site = oneLine(input.siteName, 60);
  const lines = kindLines(locale, input.kinds, input.pageTitle);
  const text = [
    t('notify.confirm.intro', { site }),
    ...lines.map((l) => `- ${l}`),
    '',
    `${t('notify.confirm.action')}: ${input.confirmUrl}`,
    t('notify.confirm.expires', { count: input.validDays }),
    '',
    '-- ',
    t('notify.confirm.ignore'),
  ].join('\n');
  const html = htmlDocument(
    locale,
    `<p>${escapeHtml(t('notify.confirm.intro', { site }))}</p>
<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>
<p><a href="${escapeHtml(input.confirmUrl)}" style="${BUTTON_STYLE}">${escapeHtml(t('notify.confirm.action'))}</a></p>
<p style="${FOOTER_STYLE}">${escapeHtml(t('notify.confirm.expires', { count: input.validDays }))}<br>${escapeHtml(t('notify.confirm.ignore'))}</p>`,
  );
  return { to: input.to, subject: t('notify.confirm.subject', { site }), text, html };
}

export interface ReplyEmailInput {
  readonly to: string;
  readonly locale: Locale;
  readonly kind: SubscriptionKind;
  readonly siteName: string;
  readonly page: { readonly url: string; readonly title: string };
  readonly comment: {
    readonly id: string;
    readonly authorName: string;
    /** The stored, sanitised HTML (comments/render.ts). */
    readonly html: string;
  };
  /** https in production (RFC 8058 asks for it): PUBLIC_URL decides. */
  readonly unsubscribeUrl: string;
}

/** The page URL with the anchor the widget scrolls to (`#comment-<id>`, see README). */
export function commentLink(pageUrl: string, commentId: string): string | null {
  if (!isHttpUrl(pageUrl)) return null;
  const url = new URL(pageUrl);
  url.hash = `comment-${commentId}`;
  return url.href;
}

export function replyEmail(input: ReplyEmailInput): OutgoingMail {
  const { locale, kind } = input;
  const t = pageText(locale);
  const site = oneLine(input.siteName, 60);
  const page = oneLine(input.page.title, 100) || oneLine(input.page.url, 100);
  const author = oneLine(input.comment.authorName, 100) || t('email.anonymous');
  const link = commentLink(input.page.url, input.comment.id);
  const wroteKey = kind === 'replies' ? 'notify.reply.wrote' : 'notify.comment.wrote';
  const subjectKey = kind === 'replies' ? 'notify.reply.subject' : 'notify.comment.subject';
  const why =
    kind === 'replies' ? t('notify.why.replies', { site }) : t('notify.why.page', { site, page });
  const text = [
    t(wroteKey, { author, page }),
    '',
    quoteText(htmlToText(input.comment.html)),
    '',
    ...(link ? [`${t('notify.view')}: ${link}`, ''] : []),
    '-- ',
    why,
    `${t('notify.unsubscribe')}: ${input.unsubscribeUrl}`,
  ].join('\n');
  const pageHtml = link
    ? `<a href="${escapeHtml(link)}">${escapeHtml(page)}</a>`
    : escapeHtml(page);
  const html = htmlDocument(
    locale,
    `<p>${htmlMessage(locale, wroteKey, { author: `<strong>${escapeHtml(author)}</strong>`, page: pageHtml })}</p>
<blockquote style="margin:16px 0;padding:8px 12px;border-inline-start:4px solid #d0d7de;color:#424a53">${input.comment.html}</blockquote>
${link ? `<p><a href="${escapeHtml(link)}" style="${BUTTON_STYLE}">${escapeHtml(t('notify.view'))}</a></p>\n` : ''}<p style="${FOOTER_STYLE}">${escapeHtml(why)}<br><a href="${escapeHtml(input.unsubscribeUrl)}">${escapeHtml(t('notify.unsubscribe'))}</a></p>`,
  );
  return {
    to: input.to,
    subject: t(subjectKey, { site, author, page }),
    text,
    html,
    headers: {
      // RFC 2369 + RFC 8058: mail clients show an Unsubscribe button that
      // POSTs "List-Unsubscribe=One-Click" to this URL, no sign-in, no page.
      'List-Unsubscribe': `<${input.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
