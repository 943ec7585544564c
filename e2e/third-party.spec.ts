/**
 * Issue 12: a page with Parley makes no request to any origin but the host
 * page's and Parley's, for a guest and for a signed-in reader. The demo's
 * sandbox sign-in providers count as third parties: their users' pictures
 * reach the page only through Parley's avatar proxy. (The sign-in popup is
 * its own window, on its way to the provider by the reader's choice; it is
 * not this page.)
 */
import type { Page, Request } from '@playwright/test';
import { BLOG_URL, expect, openThread, PARLEY_URL, POSTS, postAsGuest, test } from './fixtures.ts';

function thirdPartyRequests(page: Page): string[] {
  const allowed = new Set([new URL(BLOG_URL).origin, new URL(PARLEY_URL).origin]);
  const seen: string[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'about:' || url.protocol === 'blob:') return;
    if (!allowed.has(url.origin)) seen.push(request.url());
  });
  return seen;
}

/** Every avatar in the thread has loaded from Parley (none broken, none elsewhere). */
async function avatarsLoadedFromParley(page: Page) {
  const frame = page.frameLocator('iframe.parley-frame');
  const images = frame.getByTestId('comment').locator('[data-testid="avatar"] img');
  await expect(images.first()).toBeVisible();
  await expect
    .poll(() =>
      images.evaluateAll((imgs) =>
        imgs.map((img) => {
          const i = img as HTMLImageElement;
          return i.complete && i.naturalWidth > 0 ? new URL(i.src).origin : `pending ${i.src}`;
        }),
      ),
    )
    .toEqual(expect.arrayContaining([PARLEY_URL]));
  const origins = await images.evaluateAll((imgs) =>
    imgs.map((img) => new URL((img as HTMLImageElement).src).origin),
  );
  expect(new Set(origins)).toEqual(new Set([PARLEY_URL]));
}

test('a guest’s visit to the demo makes zero third-party requests', async ({ page }) => {
  const thirdParty = thirdPartyRequests(page);
  const frame = await openThread(page, `/posts/${POSTS[2]}`);
  await postAsGuest(frame, `Counting requests ${Date.now()}`);
  await expect(frame.getByTestId('comment').last()).toBeVisible();
  await page.reload();
  await openThread(page, `/posts/${POSTS[2]}`);
  await avatarsLoadedFromParley(page);
  expect(thirdParty).toEqual([]);
});

test('a signed-in reader’s visit makes zero third-party requests; their provider picture comes through Parley', async ({
  page,
}) => {
  const thirdParty = thirdPartyRequests(page);
  const frame = await openThread(page, `/posts/${POSTS[1]}`);
  const text = `Signed-in and counting ${Date.now()}`;
  await frame.getByLabel('Comment', { exact: true }).fill(text);
  const popupOpened = page.waitForEvent('popup');
  await frame.getByRole('button', { name: 'Log in with Twitter' }).click();
  const popup = await popupOpened;
  await popup.getByRole('button', { name: /Continue as Grace Hopper/ }).click();
  await expect(frame.getByText('You are commenting using your Twitter account')).toBeVisible();
  await expect(frame.getByLabel('Comment', { exact: true })).toHaveValue(text);
  await frame.getByRole('button', { name: 'Post Comment' }).click();
  const mine = frame.getByTestId('comment').filter({ hasText: text });
  await expect(mine).toBeVisible();
  // The sandbox's PNG, fetched by Parley and served from its origin.
  const picture = mine.locator('[data-testid="avatar"] img');
  await expect
    .poll(() =>
      picture.evaluate((img) => {
        const i = img as HTMLImageElement;
        return i.complete && i.naturalWidth > 0 ? new URL(i.src).origin : 'loading';
      }),
    )
    .toBe(PARLEY_URL);
  await page.reload();
  await openThread(page, `/posts/${POSTS[1]}`);
  await avatarsLoadedFromParley(page);
  expect(thirdParty).toEqual([]);
});
