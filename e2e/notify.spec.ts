/**
 * Reply notifications for signed-in readers (Chromium; the guest's journey
 * runs in all three engines, journeys/notify.journey.ts). WordPress.com gives
 * Parley the reader's email: they confirm it by email once on a site, and
 * after that a ticked box is on at once. X gives none: no box to tick.
 */
import type { APIRequestContext, FrameLocator, Page } from '@playwright/test';
import { expect, hostPage, openThread, PARLEY_URL, seedComment, test } from './fixtures.ts';
import { MAIL_API_URL } from './urls.ts';

interface Mail {
  subject: string;
  text: string;
}

const REPLIES = 'Notify me of new replies by email';

const mailsTo = async (request: APIRequestContext, address: string) =>
  (await (await request.get(`${MAIL_API_URL}/messages?to=${address}`)).json()) as Mail[];

async function signIn(page: Page, frame: FrameLocator, provider: string, reader: string) {
  const popupOpened = page.waitForEvent('popup');
  await frame.getByRole('button', { name: `Log in with ${provider}` }).click();
  const popup = await popupOpened;
  await popup.getByRole('button', { name: new RegExp(`Continue as ${reader}`) }).click();
  await expect(frame.getByText(`You are commenting using your ${provider} account`)).toBeVisible();
}

async function post(frame: FrameLocator, text: string, tick: boolean) {
  await frame.getByLabel('Comment', { exact: true }).fill(text);
  if (tick) await frame.getByRole('checkbox', { name: REPLIES }).check();
  await frame.getByRole('button', { name: 'Post Comment' }).click();
  await expect(frame.getByTestId('comment').filter({ hasText: text })).toBeVisible();
}

test('a WordPress.com reader confirms their provider email once; the next box is on at once', async ({
  page,
  request,
}) => {
  const address = 'alan@example.com';
  const url = await hostPage(request);
  const frame = await openThread(page, url);
  await signIn(page, frame, 'WordPress.com', 'Alan Turing');

  const before = (await mailsTo(request, address)).length;
  const first = `Signed in and curious ${Date.now()}`;
  await post(frame, first, true);
  await expect(
    frame.getByRole('status').filter({ hasText: 'Check your email to confirm.' }),
  ).toBeVisible();
  await expect.poll(async () => (await mailsTo(request, address)).length).toBe(before + 1);
  const confirm = (await mailsTo(request, address))[before] as Mail;
  const link = /https:\S+\/confirm\?token=\S+/.exec(confirm.text)?.[0] as string;
  expect(link.startsWith(`${PARLEY_URL}/notify/e2e/confirm?token=`)).toBe(true);
  expect((await request.post(link)).status()).toBe(200);

  // Confirmed once: the next box needs no email, and says nothing more.
  const second = `And again ${Date.now()}`;
  await post(frame, second, true);
  await expect(frame.getByText('Check your email to confirm.')).toHaveCount(0);
  const thread = (await (
    await request.get(`${PARLEY_URL}/api/v1/comments?site=e2e&page=${encodeURIComponent(url)}`)
  ).json()) as { comments: { id: string; html: string }[] };
  const parentId = thread.comments.find((c) => c.html.includes(second))?.id as string;
  const answer = `A reply for Alan ${Date.now()}`;
  await seedComment(request, url, answer, { parentId, name: 'Replier' });
  await expect
    .poll(async () => (await mailsTo(request, address)).map((m) => m.text).join('\n'))
    .toContain(answer);
  // One confirmation (for the first box) and the reply: no second confirmation.
  const confirmations = (mails: Mail[]) =>
    mails.filter((m) => m.subject.includes('Confirm')).length;
  const all = await mailsTo(request, address);
  expect(confirmations(all)).toBe(confirmations(all.slice(0, before)) + 1);
});

test('an X reader, whose provider gives no email, is offered no box', async ({ page, request }) => {
  const frame = await openThread(page, await hostPage(request));
  await expect(frame.getByRole('checkbox', { name: REPLIES })).toBeVisible();
  await signIn(page, frame, 'Twitter', 'Grace Hopper');
  await expect(frame.getByRole('checkbox', { name: REPLIES })).toHaveCount(0);
  await expect(
    frame.getByRole('checkbox', { name: 'Notify me of new comments on this post' }),
  ).toHaveCount(0);
});
