/**
 * Reply notifications (issue 12), in Chromium, Firefox and WebKit: a guest
 * ticks "Notify me of new replies by email", confirms through the link the
 * email brings (a page with one button: opening the link changes nothing),
 * another reader replies, the email arrives with a link to the reply, and the
 * mail client's one-click unsubscribe (RFC 8058) stops the next one. Emails
 * go to the run's mail sink (e2e/mail-server.ts).
 */
import type { APIRequestContext } from '@playwright/test';
import { expect, journey } from '../engines/fixture.ts';
import { click, fill, neverSee, see, waitFor } from '../engines/steps.ts';
import { hostPage, PARLEY_URL, seedComment } from '../fixtures.ts';
import { MAIL_API_URL } from '../urls.ts';
import { openThread, seeComment } from './reader.ts';

interface Mail {
  subject: string;
  headers: Record<string, string>;
  text: string;
  html: string;
}

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

function mailsTo(request: APIRequestContext, address: string): Promise<Mail[]> {
  return request
    .get(`${MAIL_API_URL}/messages?to=${encodeURIComponent(address)}`)
    .then((res) => res.json() as Promise<Mail[]>);
}

/** Waits until `address` has received `count` emails; returns them all. */
function waitForMail(request: APIRequestContext, address: string, count: number) {
  return waitFor(
    `${count} email(s) to ${address}`,
    () => mailsTo(request, address),
    (mails) => mails.length >= count,
  );
}

function linkIn(text: string, action: 'confirm' | 'unsubscribe'): string {
  const found = new RegExp(
    `${PARLEY_URL.replace(/[.]/g, '\\.')}/notify/\\S+/${action}\\?token=\\S+`,
  ).exec(text);
  if (!found) throw new Error(`no ${action} link in: ${text}`);
  return found[0];
}

journey(
  'a guest ticks "notify me", confirms by email, gets the reply, unsubscribes in one click',
  async ({ open, request }) => {
    const session = await open();
    const { tab, engine } = session;
    const url = await hostPage(request);
    const address = `notify-${engine}-${stamp()}@example.com`;
    const question = `Who answers in ${engine}? ${stamp()}`;

    await openThread(tab, url);
    await fill(tab, 'widget', { label: 'Comment' }, question);
    await fill(tab, 'widget', { label: 'Email' }, address);
    await fill(tab, 'widget', { label: 'Name' }, 'Curious Reader');
    await click(tab, 'widget', { label: 'Notify me of new replies by email' });
    await click(tab, 'widget', { role: 'button', name: 'Post Comment' });
    await seeComment(tab, question);
    await see(tab, 'widget', { text: 'Check your email to confirm' });

    // The confirmation: the link opens a page that asks; only its button
    // confirms. Links from the mail client open in a tab of their own.
    const [confirmMail] = await waitForMail(request, address, 1);
    expect(confirmMail?.subject).toBe('[E2E host pages] Confirm your email notifications');
    const mailTab = await session.newTab();
    await mailTab.goto(linkIn(confirmMail?.text ?? '', 'confirm'));
    await see(mailTab, 'page', { text: 'to email you about' });
    await click(mailTab, 'page', { role: 'button', name: 'Yes, email me' });
    await see(mailTab, 'page', { text: 'Notifications on' });

    // Another reader replies (through the API, as another browser would).
    const thread = (await (
      await request.get(`${PARLEY_URL}/api/v1/comments?site=e2e&page=${encodeURIComponent(url)}`)
    ).json()) as { comments: { id: string; html: string }[] };
    const parentId = thread.comments.find((c) => c.html.includes(question))?.id;
    expect(parentId, 'the guest’s comment is in the thread').toBeTruthy();
    const answer = `An answer for ${engine} ${stamp()}`;
    const replyId = await seedComment(request, url, answer, {
      parentId: parentId as string,
      name: 'Helpful Reader',
      email: `helper-${stamp()}@example.com`,
    });

    const mails = await waitForMail(request, address, 2);
    const reply = mails[1] as Mail;
    expect(reply.subject).toBe(
      '[E2E host pages] Helpful Reader replied to your comment on "Test page"',
    );
    expect(reply.text).toContain(answer);
    expect(reply.text).toContain(`${url}#comment-${replyId}`);
    expect(reply.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const unsubscribeUrl = /^<(.+)>$/.exec(reply.headers['list-unsubscribe'] ?? '')?.[1] ?? '';
    expect(unsubscribeUrl).toBe(linkIn(reply.text, 'unsubscribe'));

    // The email's link to the reply opens the page with it.
    await mailTab.goto(`${url}#comment-${replyId}`);
    await seeComment(mailTab, answer);

    // What a mail client's Unsubscribe button sends: no page, no cookie, no sign-in.
    const unsubscribed = await request.post(unsubscribeUrl, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      data: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.status()).toBe(200);
    expect(await unsubscribed.json()).toEqual({ unsubscribed: true });

    // The link now says it is spent, and a further reply sends nothing.
    const spentTab = await session.newTab();
    await spentTab.goto(unsubscribeUrl);
    await see(spentTab, 'page', { text: 'Link not valid' });
    await notButton(spentTab);
    await seedComment(request, url, `Another answer ${stamp()}`, { parentId: parentId as string });
    // Only waiting can show that nothing comes; the integration tests show it
    // without waiting (they publish the outbox themselves).
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await mailsTo(request, address)).toHaveLength(2);
  },
);

/** The spent link's page offers nothing to press. */
function notButton(tab: Parameters<typeof neverSee>[0]) {
  return neverSee(tab, 'page', { role: 'button' }, 500);
}
