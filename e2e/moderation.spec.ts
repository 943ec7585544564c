import type { Browser, Page } from '@playwright/test';
import { en } from '../contract/i18n/reader/en.ts';
import { expect, hostPage, PARLEY_URL, postAsGuest, tabTo, test } from './fixtures.ts';
import { OWNER } from './urls.ts';

// These tests share the "moderated" site and change its settings: one at a time.
test.describe.configure({ mode: 'serial' });

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
  // Not "No comments yet" above it: the reader sees their own.
  await expect(page.frameLocator('iframe.parley-frame').getByTestId('comment-count')).toHaveText(
    'Comments',
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
  // j moves down the queue (newest first) until this comment is the current one.
  for (let i = 0; i < 20 && (await item.getAttribute('aria-current')) !== 'true'; i++) {
    await admin.keyboard.press('j');
  }
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

/** Signs the owner in to the dashboard in a new page. */
async function ownerDashboard(browser: Browser, path = '/admin'): Promise<Page> {
  const admin = await browser.newPage();
  await admin.goto(`${PARLEY_URL}${path}`);
  await admin.getByLabel('Email').fill(OWNER.email);
  await admin.getByLabel('Password').fill(OWNER.password);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin.getByRole('navigation', { name: 'Dashboard' })).toBeVisible();
  return admin;
}

test('settings changed in the dashboard change the widget; a spam-looking comment is filed as spam with its reason', async ({
  page,
  browser,
  request,
}) => {
  const run = Date.now().toString(36);
  const privacy = `https://moderated.example/privacy?v=${run}`;
  const admin = await ownerDashboard(browser);
  await admin.getByRole('link', { name: 'Settings' }).click();
  await admin.getByLabel('Blocked words').fill('casino\ncheap pills');
  await admin.getByLabel('Blocklist matches go to').selectOption({ label: 'Spam' });
  await admin.getByLabel('Privacy policy URL').fill(privacy);
  await admin.getByRole('button', { name: 'Save settings' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  const url = await hostPage(request, { body: MODERATED() });
  await page.goto(url);
  const frame = page.frameLocator('iframe.parley-frame');
  await expect(
    frame.getByRole('link', { name: 'Learn how your comment data is processed' }),
  ).toHaveAttribute('href', privacy);
  const text = `Win big at the CASINO today ${run}`;
  await postAsGuest(frame, text, { name: `Spammer ${run}`, email: `spam-${run}@example.com` });
  // The author can't tell spam from held: both just wait.
  await expect(
    frame.getByTestId('comment').filter({ hasText: text }).getByTestId('awaiting-moderation'),
  ).toBeVisible();

  await admin.getByRole('link', { name: 'Moderation' }).click();
  await admin.getByRole('tab', { name: 'Spam' }).click();
  const item = admin.getByRole('article', { name: `Comment by Spammer ${run}` });
  await expect(item).toContainText(text);
  await expect(item).toContainText(/casino/i);
  await admin.close();
});

test('a banned reader cannot post any more', async ({ page, browser, request }) => {
  // Lift any ban left by an earlier run: the owner empties "Banned identities".
  const owner = await ownerDashboard(browser);
  await owner.getByRole('link', { name: 'Settings' }).click();
  await expect(owner.getByLabel('Site name')).toHaveValue('Moderated blog');
  const banned = owner.getByLabel('Banned identities');
  if ((await banned.inputValue()) !== '') {
    await banned.fill('');
    await owner.getByRole('button', { name: 'Save settings' }).click();
    await expect(owner.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  }
  await owner.close();

  const url = await hostPage(request, { body: MODERATED() });
  await page.goto(url);
  const frame = page.frameLocator('iframe.parley-frame');
  const popupOpened = page.waitForEvent('popup');
  await frame.getByRole('button', { name: 'Log in with Twitter' }).click();
  const popup = await popupOpened;
  await popup.getByRole('button', { name: /Continue as Alan Turing/ }).click();
  await expect(frame.getByText('You are commenting using your Twitter account')).toBeVisible();
  const run = Date.now().toString(36);
  await frame.getByLabel('Comment', { exact: true }).fill(`Trolling ${run}`);
  await frame.getByRole('button', { name: 'Post Comment' }).click();
  await expect(frame.getByTestId('comment').filter({ hasText: `Trolling ${run}` })).toBeVisible();

  const admin = await ownerDashboard(browser);
  const item = admin.getByRole('article').filter({ hasText: `Trolling ${run}` });
  await item.getByRole('button', { name: 'Ban author' }).click();
  await item.getByRole('button', { name: 'Yes, ban' }).click();
  await expect(admin.getByRole('status').filter({ hasText: /Banned Alan Turing/ })).toBeVisible();
  await admin.close();

  await frame.getByLabel('Comment', { exact: true }).fill(`Trying again ${run}`);
  await frame.getByRole('button', { name: 'Post Comment' }).click();
  // In the widget's own words for the server's `banned` (the reader's catalogue).
  await expect(frame.getByText(String(en['error.banned']))).toBeVisible();
  await expect(frame.getByLabel('Comment', { exact: true })).toHaveValue(`Trying again ${run}`);
});

test('an owner signs in and moderates a queue with the keyboard alone, and undoes', async ({
  page,
  request,
}) => {
  const url = await hostPage(request, {
    body: `<div id="parley-thread"></div><script src="${PARLEY_URL}/embed.js" data-site="moderated" async></script>`,
  });
  const run = Date.now().toString(36);
  for (const n of [1, 2]) {
    const res = await request.post(`${PARLEY_URL}/api/v1/comments`, {
      data: {
        site: 'moderated',
        page: url,
        pageUrl: url,
        pageTitle: 'Keyboard queue',
        body: `Held number ${n} ${run}`,
        author: { name: `Queue ${n} ${run}`, email: `q${n}-${run}@example.com` },
      },
    });
    expect(res.status()).toBe(201);
  }
  await page.goto(`${PARLEY_URL}/admin`);
  await tabTo(page, page.getByLabel('Email'));
  await page.keyboard.type(OWNER.email);
  await tabTo(page, page.getByLabel('Password'));
  await page.keyboard.type(OWNER.password);
  await page.keyboard.press('Enter');
  const first = page.getByRole('article', { name: `Comment by Queue 1 ${run}` });
  const second = page.getByRole('article', { name: `Comment by Queue 2 ${run}` });
  await expect(first).toBeVisible();
  await expect(first).toContainText('Site’s moderation setting');
  for (let i = 0; i < 30 && (await second.getAttribute('aria-current')) !== 'true'; i++) {
    await page.keyboard.press('j');
  }
  await expect(second).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('a');
  await expect(second).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Approved: 1 comment.' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Undo' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Undone.' })).toBeVisible();
  await expect(second).toBeVisible();
});
