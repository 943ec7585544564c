/**
 * A guest's data rights by emailed link (issue 12), in Chromium, Firefox and
 * WebKit: they ask from the widget, open the link from the email (read from
 * the suite's mail catcher), download their data and delete it, and find
 * their comment as "Deleted user"; the same link used again is refused.
 */
import type { APIRequestContext } from '@playwright/test';
import { expect, journey } from '../engines/fixture.ts';
import { click, fill, see, waitFor } from '../engines/steps.ts';
import { hostPage } from '../fixtures.ts';
import { MAIL_API_URL, PARLEY_URL } from '../urls.ts';
import { openThread, postAsGuest, seeComment } from './reader.ts';

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The link in the newest mail to `to`, once one has come. */
async function linkMailedTo(request: APIRequestContext, to: string): Promise<string> {
  const link = await waitFor(
    `a data link mailed to ${to}`,
    async () => {
      const res = await request.get(`${MAIL_API_URL}/messages?to=${encodeURIComponent(to)}`);
      const mails = (await res.json()) as { subject: string; text: string }[];
      return /https:\/\/\S+\/data\/e2e\?token=[\w-]+/.exec(mails.at(-1)?.text ?? '')?.[0] ?? null;
    },
    (found) => found !== null,
  );
  return link as string;
}

journey(
  'a guest downloads and deletes their data through an emailed link',
  async ({ open, request }) => {
    const session = await open();
    const { tab } = session;
    const url = await hostPage(request);
    await openThread(tab, url);
    const email = `guest-${stamp()}@reader.example`;
    const text = `A guest who will leave ${stamp()}`;
    await postAsGuest(tab, text, { name: 'Gwen Guest', email });
    await seeComment(tab, text);

    await click(tab, 'widget', { role: 'button', name: 'Your data on this site' });
    await fill(tab, 'widget', { label: 'Your email' }, email);
    await click(tab, 'widget', { role: 'button', name: 'Email me a link' });
    await see(tab, 'widget', { text: /a link is on its way to it/ });

    const link = await linkMailedTo(request, email);
    expect(link.startsWith(`${PARLEY_URL}/data/e2e?token=`)).toBe(true);
    // Opened from the mail client: a tab of its own, on Parley's page.
    const mail = await session.newTab();
    await mail.goto(link);
    await click(mail, 'page', { role: 'button', name: 'Continue' });
    await see(mail, 'page', { testId: 'guest-data-summary', hasText: '1 comment' });
    await see(mail, 'page', { testId: 'guest-data-download' });
    // The download itself is the same JSON the API tests read (a download
    // dialog differs per engine, and the page's CSP lets no script fetch it).
    const download = await mail.evaluate<{ href: string; download: boolean }>(
      'page',
      `() => { const a = document.querySelector('[data-testid="guest-data-download"]'); return { href: a.href, download: a.hasAttribute('download') }; }`,
    );
    expect(download).toEqual({ href: `${PARLEY_URL}/data/e2e/export`, download: true });

    await click(mail, 'page', {
      role: 'button',
      name: 'Delete, keep my comments as “Deleted user”',
    });
    await see(mail, 'page', { testId: 'guest-data-done', hasText: '1 comment kept as' });

    // The page the guest left open hears of it (the event stream) and reloads its thread.
    await see(tab, 'widget', { testId: 'comment', hasText: new RegExp(`Deleted user.*${text}`) });

    // The link worked once: opened again (replayed, or forwarded), it is refused.
    const again = await session.newTab();
    await again.goto(link);
    await click(again, 'page', { role: 'button', name: 'Continue' });
    await see(again, 'page', { testId: 'guest-data-error', hasText: 'cannot be used' });
  },
);
