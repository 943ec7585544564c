import { expect, hostPage, PARLEY_URL, postAsGuest, test } from './fixtures.ts';
import { OWNER } from './urls.ts';

const MODERATED = (body = '') =>
  `<div id="parley-thread"></div><script src="${PARLEY_URL}/embed.js" data-site="moderated" async></script>${body}`;

test('a first comment waits for the owner, who approves it from the dashboard with the keyboard', async ({
  page,
  browser,
  request,
}) => {
  const url = await hostPage(request, { body: MODERATED() });
  await page.goto(url);
  const frame = page.frameLocator('iframe.parley-frame');
  const run = Date.now().toString(36);
  const text = `My very first comment ${run}`;
  const name = `Newcomer ${run}`;
  await postAsGuest(frame, text, { name, email: `nell-${run}@example.com` });

  // The author sees it, marked, now and after a reload; the count stays at zero.
  const mine = frame.getByTestId('comment').filter({ hasText: text });
  await expect(mine.getByTestId('awaiting-moderation')).toHaveText(
    'Your comment is awaiting moderation.',
  );
  await page.reload();
  await expect(
    page.frameLocator('iframe.parley-frame').getByTestId('comment').filter({ hasText: text }),
  ).toBeVisible();
  await expect(page.frameLocator('iframe.parley-frame').getByTestId('comment-count')).toHaveText(
    'No comments yet',
  );

  // Another reader sees nothing yet.
  const stranger = await browser.newPage();
  await stranger.goto(url);
  const theirs = stranger.frameLocator('iframe.parley-frame');
  await expect(theirs.locator('[data-loaded="true"]')).toBeVisible();
  await expect(theirs.getByTestId('comment')).toHaveCount(0);

  // The owner signs in to the dashboard and approves it: j to pick it, a to approve.
  const admin = await browser.newPage();
  await admin.goto(`${PARLEY_URL}/admin`);
  await admin.getByLabel('Email').fill(OWNER.email);
  await admin.getByLabel('Password').fill(OWNER.password);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  const item = admin.getByRole('article', { name: `Comment by ${name}` });
  await expect(item).toContainText(text);
  await expect(item).toContainText(/first/i); // the pipeline's reason: first-time moderation
  await admin.keyboard.press('j');
  await expect(item).toHaveAttribute('aria-current', 'true');
  await admin.keyboard.press('a');
  await expect(item).toHaveCount(0);

  // Published: the other reader sees it on their next load.
  await stranger.reload();
  const published = stranger.frameLocator('iframe.parley-frame');
  await expect(published.getByTestId('comment').filter({ hasText: text })).toBeVisible();
  await expect(published.getByTestId('comment-count')).toHaveText('1 comment');
  await expect(published.getByTestId('awaiting-moderation')).toHaveCount(0);
  await Promise.all([stranger.close(), admin.close()]);
});

test('the dashboard refuses a wrong password', async ({ page }) => {
  await page.goto(`${PARLEY_URL}/admin`);
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
});
