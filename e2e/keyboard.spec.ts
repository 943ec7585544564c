/**
 * Keyboard only (issue 11): a reader posts, replies, signs in and logs out,
 * without the mouse (the owner's queue: moderation.spec.ts). Focus is visible and
 * goes where a person expects; results are announced politely.
 */
import type { FrameLocator, Page } from '@playwright/test';
import { expect, hostPage, seedComment, tabTo, test } from './fixtures.ts';

const widget = (page: Page): FrameLocator => page.frameLocator('iframe.parley-frame');
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test('a guest posts and replies with the keyboard alone; focus follows, results are announced', async ({
  page,
  request,
}) => {
  const url = await hostPage(request);
  await seedComment(request, url, 'Tell me what you think', { name: 'Alice Liddell' });
  await page.goto(url);
  const frame = widget(page);
  await expect(frame.locator('[data-loaded="true"]')).toBeVisible();

  const text = `Typed, never clicked ${stamp()}`;
  await tabTo(page, frame.getByLabel('Comment', { exact: true }));
  await page.keyboard.type(text);
  await tabTo(page, frame.getByLabel('Email', { exact: true }));
  await page.keyboard.type('kay@example.com');
  await tabTo(page, frame.getByLabel('Name', { exact: true }));
  await page.keyboard.type('Kay Board');
  await tabTo(page, frame.getByRole('button', { name: 'Post Comment' }));
  await page.keyboard.press('Enter');
  // The new comment takes the focus, and the live region says it was posted.
  const mine = frame.getByTestId('comment').filter({ hasText: text });
  await expect(mine).toBeFocused();
  await expect(frame.getByTestId('announcer')).toHaveText('Your comment was posted.');

  // Reply: the form opens under Alice with the caret in it; Cancel goes back to Reply.
  const reply = frame.getByRole('button', { name: 'Reply to Alice Liddell' });
  await tabTo(page, reply);
  await page.keyboard.press('Enter');
  const form = frame.getByTestId('comment-form');
  await expect(form).toHaveCount(1);
  await expect(form.getByLabel('Comment', { exact: true })).toBeFocused();
  await tabTo(page, form.getByRole('button', { name: 'Cancel reply' }));
  await page.keyboard.press('Enter');
  await expect(reply).toBeFocused();

  await page.keyboard.press('Enter');
  // A person waits for the caret to land in the box before typing.
  await expect(form.getByLabel('Comment', { exact: true })).toBeFocused();
  const answer = `A keyboard reply ${stamp()}`;
  await page.keyboard.type(answer);
  await page.keyboard.press('Control+Enter');
  await expect(frame.getByTestId('comment').filter({ hasText: answer })).toBeFocused();
});

test('a reader signs in and logs out with the keyboard alone', async ({ page, request }) => {
  await page.goto(await hostPage(request));
  const frame = widget(page);
  await expect(frame.locator('[data-loaded="true"]')).toBeVisible();
  await tabTo(page, frame.getByRole('button', { name: 'Log in with WordPress.com' }));
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Enter')]);
  await popup.waitForLoadState();
  await tabTo(popup, popup.getByRole('button', { name: /^Continue as Grace Hopper\b/ }));
  await popup.keyboard.press('Enter');
  await expect(
    frame.getByText('You are commenting using your WordPress.com account'),
  ).toBeVisible();
  await tabTo(page, frame.getByRole('button', { name: 'Log Out' }));
  await page.keyboard.press('Enter');
  await expect(frame.getByRole('button', { name: 'Log in with WordPress.com' })).toBeVisible();
});
