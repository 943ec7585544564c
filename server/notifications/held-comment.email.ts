/**
 * The email that tells moderators a comment is waiting for them. Its links go
 * to the dashboard, which checks the moderator's session before acting: the
 * email itself carries no token and can do nothing on its own, so a forwarded
 * or leaked message is harmless.
 */
import { dashboardMessages } from '../../contract/i18n/dashboard/index.ts';
import { formatMessage, type MessageParams } from '../../contract/i18n/format.ts';
import { directionOf, type Locale } from '../../contract/i18n/locales.ts';
import { PAGE_CATALOGUES, type PageKey, pageText } from '../../contract/i18n/pages/index.ts';
import { CHECK_KEYS, reasonWords } from '../../contract/moderation-reason-words.ts';
import type { VerdictDetail } from '../../contract/moderation-reasons.schema.ts';
import { escapeHtml } from '../http/html.ts';

export { escapeHtml };

export type ModerationAction = 'approve' | 'spam' | 'trash';

/**
 * Why the pipeline held the comment, one entry per check that objected: in
 * English (`reason`), and as data (`detail`) worded in the site's language
 * from the dashboard's reason words (contract/moderation-reason-words.ts).
 */
export interface HoldReason {
  readonly check: string;
  readonly reason: string;
  readonly detail?: VerdictDetail;
}

/** The comment's body: what the reader typed, or the stored (sanitised) HTML. */
export type HeldCommentBody = { readonly text: string } | { readonly html: string };

export type HeldComment = HeldCommentBody & {
  readonly id: string;
  readonly authorName: string;
  readonly authorEmail?: string | null;
  readonly pageUrl: string;
  readonly pageTitle: string;
  readonly reasons: readonly HoldReason[];
};

export interface HeldCommentEmailInput {
  readonly site: { readonly id: string; readonly name: string };
  readonly comment: HeldComment;
  readonly moderatorEmails: readonly string[];
  /** Base URL of this Parley server (config.publicUrl). */
  readonly publicUrl: string;
  /** The site's language (its setting; English when it has none): moderators read it. */
  readonly locale?: Locale;
}

export interface HeldCommentEmail {
  /** Each moderator once, in the order given. */
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const ACTIONS: readonly { action: ModerationAction; label: PageKey; color: string }[] = [
  { action: 'approve', label: 'email.approve', color: '#1a7f37' },
  { action: 'spam', label: 'email.spam', color: '#9a6700' },
  { action: 'trash', label: 'email.trash', color: '#cf222e' },
];

/**
 * A message as HTML: its own text escaped, its parameters given as HTML
 * already (escaped, or markup we built), so a link can sit inside a sentence
 * whatever the language's word order.
 */
export function htmlMessage(locale: Locale, key: PageKey, params: MessageParams): string {
  const message = PAGE_CATALOGUES[locale][key] ?? PAGE_CATALOGUES.en[key];
  const template =
    typeof message === 'string'
      ? escapeHtml(message)
      : {
          ...message,
          ...Object.fromEntries(Object.entries(message).map(([k, v]) => [k, escapeHtml(v)])),
        };
  return formatMessage(locale, template, params);
}

/** Dashboard URL that opens the comment with the action ready to confirm (sign-in required there). */
export function moderationActionUrl(
  publicUrl: string,
  commentId: string,
  action: ModerationAction,
): string {
  return `${trimSlash(publicUrl)}/admin/comments/${encodeURIComponent(commentId)}?action=${action}`;
}

/** Dashboard URL of the site's moderation queue. */
export function moderationQueueUrl(publicUrl: string, siteId: string): string {
  return `${trimSlash(publicUrl)}/admin/queue?site=${encodeURIComponent(siteId)}`;
}

/**
 * Renders the held-comment notification. Takes only the fields it shows, so
 * the reader's IP or user agent cannot reach the email even if a whole row is
 * passed in.
 */
export function heldCommentEmail(input: HeldCommentEmailInput): HeldCommentEmail {
  const { site, comment, publicUrl } = input;
  const locale = input.locale ?? 'en';
  const t = pageText(locale);
  const siteName = oneLine(site.name, 60) || site.id;
  const pageTitle = oneLine(comment.pageTitle, 100) || oneLine(comment.pageUrl, 100);
  const author = oneLine(comment.authorName, 100) || t('email.anonymous');
  const authorEmail = comment.authorEmail ? oneLine(comment.authorEmail, 254) : '';
  const body = 'text' in comment ? comment.text : htmlToText(comment.html);
  const links = ACTIONS.map((a) => ({
    ...a,
    label: t(a.label),
    url: moderationActionUrl(publicUrl, comment.id, a.action),
  }));
  const queueUrl = moderationQueueUrl(publicUrl, site.id);
  const reasons = comment.reasons.map((r) => reasonLine(locale, r));
  const signInNote = t('email.signInNote', { site: siteName });
  const authorLine = `${author}${authorEmail ? ` <${authorEmail}>` : ''}`;

  const text = [
    t('email.wrote', { author: authorLine, page: pageTitle }),
    comment.pageUrl,
    '',
    quoteText(body),
    '',
    t('email.whyHeld'),
    ...(reasons.length > 0 ? reasons.map((r) => `- ${r}`) : [`- ${t('email.noReason')}`]),
    '',
    ...links.map((l) => `${l.label}: ${l.url}`),
    '',
    `${t('email.allWaiting', { site: siteName })}: ${queueUrl}`,
    '',
    '-- ',
    signInNote,
    t('email.why', { site: siteName }),
  ].join('\n');

  const pageLink = isHttpUrl(comment.pageUrl)
    ? `<a href="${escapeHtml(comment.pageUrl)}">${escapeHtml(pageTitle)}</a>`
    : escapeHtml(pageTitle);
  const authorHtml = `<strong>${escapeHtml(author)}</strong>${authorEmail ? ` &lt;${escapeHtml(authorEmail)}&gt;` : ''}`;
  const html = `<!doctype html>
<html lang="${locale}" dir="${directionOf(locale)}"><body style="font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2328;max-width:600px">
<p>${htmlMessage(locale, 'email.wrote', { author: authorHtml, page: pageLink })}</p>
<blockquote style="margin:16px 0;padding:8px 12px;border-inline-start:4px solid #d0d7de;color:#424a53">${escapeHtml(body).replace(/\n/g, '<br>\n')}</blockquote>
<p style="margin-bottom:4px"><strong>${escapeHtml(t('email.whyHeld'))}</strong></p>
<ul style="margin-top:0">${(reasons.length > 0 ? reasons : [t('email.noReason')]).map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>
<p>${links
    .map(
      (l) =>
        `<a href="${escapeHtml(l.url)}" style="display:inline-block;margin:0 8px 8px 0;padding:8px 16px;border-radius:6px;background:${l.color};color:#ffffff;text-decoration:none;font-weight:600">${escapeHtml(l.label)}</a>`,
    )
    .join('')}</p>
<p><a href="${escapeHtml(queueUrl)}">${escapeHtml(t('email.allWaiting', { site: siteName }))}</a></p>
<p style="font-size:13px;color:#656d76">${escapeHtml(signInNote)}<br>${escapeHtml(t('email.why', { site: siteName }))}</p>
</body></html>`;

  return {
    to: uniqueAddresses(input.moderatorEmails),
    subject: t('email.subject', { site: siteName, page: pageTitle }),
    text,
    html,
  };
}

/**
 * "Many links: 3 links (…)" in `locale`, from the reason's code; a reason
 * without one (an old event, an old prose reason) as the English it has.
 */
function reasonLine(locale: Locale, reason: HoldReason): string {
  const said = reason.detail ? reasonWords(reason.detail) : null;
  if (!said) return `${oneLine(reason.check, 60)}: ${oneLine(reason.reason, 300)}`;
  const words = dashboardMessages(locale);
  const checkKey = CHECK_KEYS[reason.check];
  const check = checkKey ? formatMessage(locale, words[checkKey]) : reason.check;
  const why = formatMessage(locale, words[said.key], said.params);
  return `${oneLine(check, 60)}: ${oneLine(why, 300)}`;
}

/**
 * Plain text of a stored comment body (see comments/render.ts: p, br, em,
 * strong, code, pre, blockquote, a). Links keep their target next to their text
 * so the moderator sees where they point.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|pre|blockquote)>/gi, '\n\n')
      .replace(
        /<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi,
        (_m, href: string, label: string) =>
          decodeEntities(href) === decodeEntities(label) ? label : `${label} (${href})`,
      )
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function decodeEntities(text: string): string {
  return text.replace(
    /&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);/gi,
    (match, entity: string) => {
      const lower = entity.toLowerCase();
      if (lower.startsWith('#x')) return safeCodePoint(Number.parseInt(lower.slice(2), 16), match);
      if (lower.startsWith('#')) return safeCodePoint(Number.parseInt(lower.slice(1), 10), match);
      return NAMED_ENTITIES[lower] ?? match;
    },
  );
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff
    ? String.fromCodePoint(code)
    : fallback;
}

export function quoteText(body: string): string {
  return body
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

// Whitespace, C0/C1 controls and bidi overrides (which could make a title read backwards).
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing controls is the point.
const BREAKS_AND_CONTROLS = /[\s\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g;

/** Collapses whitespace and control characters (no header injection, no layout tricks) and caps the length. */
export function oneLine(value: string, max: number): string {
  const flat = value.replace(BREAKS_AND_CONTROLS, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function uniqueAddresses(addresses: readonly string[]): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const raw of addresses) {
    const address = raw.trim();
    const key = address.toLowerCase();
    if (address && !seen.has(key)) {
      seen.add(key);
      unique.push(address);
    }
  }
  return unique;
}

export function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
