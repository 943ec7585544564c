/**
 * The email that proves a guest owns an address (issue 12). Every request
 * gets the same message, whether or not the address has comments on the
 * site: what is there shows only once the link is opened.
 */
import { escapeHtml } from '../http/html.ts';
import type { OutgoingMail } from '../notifications/mailer.ts';

export interface GuestLinkEmailInput {
  readonly to: string;
  readonly site: { readonly name: string };
  /** The page the link opens, token included. */
  readonly link: string;
  readonly expiresInMinutes: number;
}

export function guestLinkEmail(input: GuestLinkEmailInput): OutgoingMail {
  const { site, link, to, expiresInMinutes } = input;
  const lines = [
    `Someone (we hope you) asked what the comments on "${site.name}" hold about ${to}.`,
    'Open this link to download it, or to delete it:',
    link,
    `The link works once, within ${expiresInMinutes} minutes (a newer request replaces it), and only for "${site.name}": other sites using the same comment server keep their own data and need their own request.`,
    'If you did not ask, ignore this email: nothing happens without the link. Do not forward it: whoever opens it first can see and delete these comments.',
  ];
  const html = `<!doctype html><html><body style="font: 15px/1.5 system-ui, sans-serif; color: #1e1e1e">
<p>${escapeHtml(lines[0] as string)}</p>
<p>${escapeHtml(lines[1] as string)}</p>
<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>
<p>${escapeHtml(lines[3] as string)}</p>
<p style="color: #555">${escapeHtml(lines[4] as string)}</p>
</body></html>`;
  return {
    to,
    subject: `[${site.name}] Your data on ${site.name}`,
    text: `${lines.join('\n\n')}\n`,
    html,
  };
}
