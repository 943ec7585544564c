import type { FrameLocator, Page } from '@playwright/test';
import { expect, openThread, PARLEY_URL, POSTS, postAsGuest, test } from './fixtures.ts';
import { HOST_URL } from './urls.ts';

const PROVIDERS = [
  {
    name: 'WordPress.com',
    label: 'WordPress.com',
    deny: 'Deny',
    reader: 'Grace Hopper',
    other: 'Alan Turing',
    post: POSTS[0],
  },
  {
    name: 'Twitter',
    label: 'Twitter',
    deny: 'Cancel',
    reader: 'Grace Hopper',
    other: 'Alan Turing',
    post: POSTS[1],
  },
  {
    name: 'Facebook',
    label: 'Facebook',
    deny: 'Cancel',
    reader: 'Grace Hopper',
    other: 'Alan Turing',
    post: POSTS[2],
  },
] as const;

/** Clicks "Log in with …" and answers the sandbox provider's consent page in the popup. */
async function signInWithPopup(
  page: Page,
  frame: FrameLocator,
  provider: string,
  choice: RegExp | string,
) {
  const popupOpened = page.waitForEvent('popup');
  await frame.getByRole('button', { name: `Log in with ${provider}` }).click();
  const popup = await popupOpened;
  await expect(frame.getByText(`Connecting to ${provider}…`)).toBeVisible();
  await popup.getByRole('button', { name: choice }).click();
  return popup;
}

for (const p of PROVIDERS) {
  test.describe(`signing in with ${p.name}`, () => {
    test('popup sign-in, post, stay signed in across reloads and tabs, log out, change account', async ({
      page,
      context,
    }) => {
      let frame = await openThread(page, `/posts/${p.post}`);
      await expect(page.getByTestId('sandbox-notice')).toBeVisible();
      await expect(
        frame.getByText('Fill in your details below or click an icon to log in'),
      ).toBeVisible();

      const draft = `Typed before signing in with ${p.name}, ${Date.now()}`;
      await frame.getByLabel('Comment', { exact: true }).fill(draft);
      await signInWithPopup(page, frame, p.label, new RegExp(`Continue as ${p.reader}`));
      await expect(
        frame.getByText(`You are commenting using your ${p.label} account`),
      ).toBeVisible();
      await expect(frame.getByText(p.reader).first()).toBeVisible();
      await expect(frame.getByLabel('Comment', { exact: true })).toHaveValue(draft);
      await expect(frame.getByLabel('Email', { exact: true })).toHaveCount(0);

      await frame.getByRole('button', { name: 'Post Comment' }).click();
      const mine = frame.getByTestId('comment').filter({ hasText: draft });
      await expect(mine).toBeVisible();
      // Facebook shares no profile link without the user_link permission.
      await expect(
        p.name === 'Facebook'
          ? mine.getByText(p.reader, { exact: true })
          : mine.getByRole('link', { name: p.reader }),
      ).toBeVisible();
      await expect(mine.getByLabel(`via ${p.label}`)).toBeVisible();

      await page.reload();
      frame = page.frameLocator('iframe.parley-frame');
      await expect(
        frame.getByText(`You are commenting using your ${p.label} account`),
      ).toBeVisible();
      // Another tab of the same blog: signed in there too.
      const tab = await context.newPage();
      await tab.goto(`/posts/${p.post}`);
      await expect(
        tab
          .frameLocator('iframe.parley-frame')
          .getByText(`You are commenting using your ${p.label} account`),
      ).toBeVisible();
      await tab.close();

      await frame.getByRole('button', { name: 'Log Out' }).click();
      await expect(frame.getByLabel('Email', { exact: true })).toBeVisible();
      await page.reload();
      frame = page.frameLocator('iframe.parley-frame');
      await expect(frame.locator('[data-loaded="true"]')).toBeVisible();
      await expect(frame.getByRole('button', { name: `Log in with ${p.label}` })).toBeVisible();
      await expect(frame.getByText('You are commenting using')).toHaveCount(0);

      // Change: the provider is asked for its account chooser, another user is picked.
      await signInWithPopup(page, frame, p.label, new RegExp(`Continue as ${p.reader}`));
      await expect(
        frame.getByText(`You are commenting using your ${p.label} account`),
      ).toBeVisible();
      // Change goes straight to the provider's account chooser, in the same click.
      const popupOpened = page.waitForEvent('popup');
      await frame.getByRole('button', { name: 'Change' }).click();
      const popup = await popupOpened;
      await expect(frame.getByText(`Connecting to ${p.label}…`)).toBeVisible();
      if (p.name !== 'WordPress.com')
        await expect(popup.getByText(/force_login|reauthenticate/i)).toBeVisible();
      await popup.getByRole('button', { name: new RegExp(`Continue as ${p.other}`) }).click();
      await expect(frame.getByText(p.other).first()).toBeVisible();
      await expect(
        frame.getByText(`You are commenting using your ${p.label} account`),
      ).toBeVisible();
    });
  });
}

test('consent denied: a clear message, the draft kept, and the guest form still works', async ({
  page,
}) => {
  const frame = await openThread(page, `/posts/${POSTS[2]}`);
  const draft = `Kept through a refusal ${Date.now()}`;
  await frame.getByLabel('Comment', { exact: true }).fill(draft);
  const popup = await signInWithPopup(page, frame, 'Facebook', 'Cancel');
  await expect(frame.getByText('You cancelled signing in with Facebook.')).toBeVisible();
  if (!popup.isClosed()) await popup.waitForEvent('close');
  await expect(frame.getByLabel('Comment', { exact: true })).toHaveValue(draft);
  await expect(frame.getByRole('button', { name: 'Log in with Facebook' })).toBeVisible();
  const text = `Posted as a guest after saying no, ${Date.now()}`;
  await postAsGuest(frame, text);
  await expect(frame.getByTestId('comment').filter({ hasText: text })).toBeVisible();
});

test('popup blocked: the page goes to the provider and back, signed in, draft kept', async ({
  page,
}) => {
  // As a popup blocker does: window.open gives nothing, in every frame.
  await page.addInitScript(() => {
    window.open = () => null;
  });
  const frame = await openThread(page, `/posts/${POSTS[0]}`);
  const draft = `Draft across a redirect ${Date.now()}`;
  await frame.getByLabel('Comment', { exact: true }).fill(draft);
  await frame.getByRole('button', { name: 'Log in with Twitter' }).click();
  await page.getByRole('button', { name: /Continue as Ada Lovelace/ }).click();
  await expect(page).toHaveURL(new RegExp(`/posts/${POSTS[0]}`));
  const back = page.frameLocator('iframe.parley-frame');
  await expect(back.getByText('You are commenting using your Twitter account')).toBeVisible();
  // The one-time code came back in the fragment; the loader took it off the URL.
  expect(page.url()).not.toContain('parley-login');
  await expect(back.getByLabel('Comment', { exact: true })).toHaveValue(draft);
});

test('opener severed by COOP: polling still completes the sign-in', async ({ page, context }) => {
  // Serve the provider callback with Cross-Origin-Opener-Policy: same-origin,
  // which cuts window.opener: no message can reach the widget.
  await context.route(/\/auth\/wordpress\/callback/, async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'cross-origin-opener-policy': 'same-origin' },
    });
  });
  const frame = await openThread(page, `/posts/${POSTS[1]}`);
  const popup = await signInWithPopup(page, frame, 'WordPress.com', /Continue as Ada Lovelace/);
  // Cut off from its opener, the result page still closes itself.
  if (!popup.isClosed()) await popup.waitForEvent('close');
  await expect(
    frame.getByText('You are commenting using your WordPress.com account'),
  ).toBeVisible();
});

test('a sign-in message from a foreign origin is ignored', async ({ page }) => {
  const frame = await openThread(page, `/posts/${POSTS[1]}`);
  const popupOpened = page.waitForEvent('popup');
  await frame.getByRole('button', { name: 'Log in with Twitter' }).click();
  const popup = await popupOpened;
  await expect(frame.getByText('Connecting to Twitter…')).toBeVisible();
  // The host page (another origin) forges the popup's message.
  await page.evaluate(() => {
    const iframe = document.querySelector('iframe.parley-frame') as HTMLIFrameElement;
    iframe.contentWindow?.postMessage(
      { parley: { type: 'loginResult', ticket: 'forged', code: 'forged', error: null } },
      '*',
    );
    iframe.contentWindow?.postMessage(
      { parley: { type: 'loginResult', ticket: 'forged', code: null, error: 'denied' } },
      '*',
    );
  });
  await expect(frame.getByText('Connecting to Twitter…')).toBeVisible();
  await popup.getByRole('button', { name: /Continue as Grace Hopper/ }).click();
  await expect(frame.getByText('You are commenting using your Twitter account')).toBeVisible();
});

test('a token issued on one site is refused on another', async ({ page, request }) => {
  const frame = await openThread(page, `/posts/${POSTS[0]}`);
  // Watch the widget's own redeem answer to learn the token it holds in memory.
  const redeemed = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/auth/redeem') && r.status() === 200,
  );
  await signInWithPopup(page, frame, 'Twitter', /Continue as Ada Lovelace/);
  const { accessToken } = (await (await redeemed).json()) as { accessToken: string };
  await expect(frame.getByText('You are commenting using your Twitter account')).toBeVisible();

  const elsewhere = await request.post(`${PARLEY_URL}/api/v1/comments`, {
    headers: { authorization: `Bearer ${accessToken}` },
    data: { site: 'e2e', page: `${HOST_URL}/x`, pageUrl: `${HOST_URL}/x`, body: 'Borrowed token' },
  });
  expect(elsewhere.status()).toBe(403);
  expect((await elsewhere.json()).error.code).toBe('token_site_mismatch');
});

for (const p of PROVIDERS) {
  test(`${p.name}: with the opener intact the message path signs in, no polling, and the popup closes itself`, async ({
    page,
  }) => {
    const redeems: Record<string, unknown>[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/auth/redeem')) redeems.push(request.postDataJSON());
    });
    const frame = await openThread(page, `/posts/${p.post}`);
    const popupOpened = page.waitForEvent('popup');
    await frame.getByRole('button', { name: `Log in with ${p.label}` }).click();
    const popup = await popupOpened;
    const closed = popup.waitForEvent('close');
    const consent = popup.getByRole('button', { name: new RegExp(`Continue as ${p.reader}`) });
    await consent.waitFor();
    const clicked = Date.now();
    await consent.click();
    await expect(frame.getByText(`You are commenting using your ${p.label} account`)).toBeVisible();
    const shown = Date.now() - clicked;
    await closed;
    expect(popup.isClosed()).toBe(true);
    // Exactly one redeem, and it carried the popup's code: nobody polled.
    expect(redeems).toEqual([expect.objectContaining({ code: expect.any(String) })]);
    test.info().annotations.push({ type: 'consent→identity', description: `${shown} ms` });
    console.log(`${p.name}: consent → identity shown in ${shown} ms`);
  });
}
