/**
 * Issue 8's legitimate flows, 15 of 15: each provider × popup, opener severed
 * (a provider's own COOP), third-party cookies blocked (sign-in, then a reload
 * keeps it), popup blocked (redirect fallback), and consent denied. Debian's
 * Chromium blocks third-party cookies by default, so every row runs that way;
 * the "cookies blocked" row also asserts the reload.
 */
import type { Page } from '@playwright/test';
import { expect, openThread, POSTS, test } from './fixtures.ts';

const PROVIDERS = [
  { id: 'wordpress', label: 'WordPress.com', deny: 'Deny', post: POSTS[0] },
  { id: 'twitter', label: 'Twitter', deny: 'Cancel', post: POSTS[1] },
  { id: 'facebook', label: 'Facebook', deny: 'Cancel', post: POSTS[2] },
] as const;

const signedInAs = (label: string) => `You are commenting using your ${label} account`;

async function popupSignIn(page: Page, label: string, choice: RegExp | string) {
  const frame = page.frameLocator('iframe.parley-frame');
  const opened = page.waitForEvent('popup');
  await frame.getByRole('button', { name: `Log in with ${label}` }).click();
  const popup = await opened;
  await popup.getByRole('button', { name: choice }).click();
  if (!popup.isClosed()) await popup.waitForEvent('close');
  return frame;
}

for (const p of PROVIDERS) {
  test.describe(`${p.label} sign-in`, () => {
    test('popup', async ({ page }) => {
      await openThread(page, `/posts/${p.post}`);
      const frame = await popupSignIn(page, p.label, /Continue as Grace Hopper/);
      await expect(frame.getByText(signedInAs(p.label))).toBeVisible();
    });

    test('opener severed by the provider’s COOP', async ({ page, context }) => {
      // The provider's own pages answer with COOP same-origin: the popup is
      // cut from the widget there, before Parley's callback.
      await context.route(/\/(oauth2?|dialog)\//, async (route) => {
        const response = await route.fetch({ maxRedirects: 0 });
        await route.fulfill({
          response,
          headers: { ...response.headers(), 'cross-origin-opener-policy': 'same-origin' },
        });
      });
      await openThread(page, `/posts/${p.post}`);
      const frame = await popupSignIn(page, p.label, /Continue as Alan Turing/);
      await expect(frame.getByText(signedInAs(p.label))).toBeVisible();
    });

    test('third-party cookies blocked: signed in, and still after a reload', async ({ page }) => {
      await openThread(page, `/posts/${p.post}`);
      const frame = await popupSignIn(page, p.label, /Continue as Ada Lovelace/);
      await expect(frame.getByText(signedInAs(p.label))).toBeVisible();
      await page.reload();
      await expect(
        page.frameLocator('iframe.parley-frame').getByText(signedInAs(p.label)),
      ).toBeVisible();
    });

    test('popup blocked: redirect and back', async ({ page }) => {
      await page.addInitScript(() => {
        window.open = () => null;
      });
      const frame = await openThread(page, `/posts/${p.post}`);
      await frame.getByRole('button', { name: `Log in with ${p.label}` }).click();
      await page.getByRole('button', { name: /Continue as Grace Hopper/ }).click();
      await expect(page).toHaveURL(new RegExp(`/posts/${p.post}$`));
      await expect(
        page.frameLocator('iframe.parley-frame').getByText(signedInAs(p.label)),
      ).toBeVisible();
    });

    test('consent denied', async ({ page }) => {
      await openThread(page, `/posts/${p.post}`);
      const frame = await popupSignIn(page, p.label, p.deny);
      await expect(frame.getByText(`You cancelled signing in with ${p.label}.`)).toBeVisible();
      await expect(frame.getByRole('button', { name: `Log in with ${p.label}` })).toBeVisible();
    });
  });
}
