/**
 * Issue 8 §1 in a real browser: the attacker creates a login ticket through
 * the public API (they hold its verifier) and gets the victim's browser to
 * run the sign-in: a forwarded start link (popup mode), a forwarded provider
 * link (the attacker bound the ticket in their own browser; the mode a
 * provider's COOP would force), and a forwarded redirect-mode link. The
 * victim is signed in at the providers' sandboxes as anyone would be. In
 * every case the attacker's polling never yields a session. Debian's
 * Chromium blocks third-party cookies, so all of this runs that way too.
 */
import { attackerTicket } from './attacker.ts';
import { BLOG_URL, expect, openThread, PARLEY_URL, POSTS, test } from './fixtures.ts';
import { PROVIDERS } from './journeys/reader.ts';

for (const p of PROVIDERS) {
  test.describe(`attacker with ${p.label}`, () => {
    test('a forwarded start link stops at Parley’s page in the victim’s browser', async ({
      page,
      request,
    }) => {
      const { startUrl, poll } = await attackerTicket(request, 'demo', p.id);
      await page.goto(startUrl);
      await expect(page.getByTestId('auth-message')).toContainText(
        'start signing in from the comment form',
      );
      expect(new URL(page.url()).origin).toBe(PARLEY_URL);
      expect(await poll()).toBe(202);
    });

    test('a forwarded provider link fails at the victim’s callback', async ({
      page,
      playwright,
    }) => {
      // The attacker's own browser: binds the ticket, takes the provider's URL.
      const attacker = await playwright.request.newContext({ ignoreHTTPSErrors: true });
      const { ticket, verifier, startUrl, poll } = await attackerTicket(attacker, 'demo', p.id);
      const bound = await attacker.post(`${PARLEY_URL}/auth/${p.id}/bind`, {
        headers: { origin: PARLEY_URL },
        data: { ticket, verifier },
      });
      expect(bound.status()).toBe(204);
      const go = await attacker.get(startUrl, { maxRedirects: 0 });
      expect(go.status()).toBe(302);
      const authorize = go.headers().location ?? '';
      // The victim opens it and approves at the provider.
      await page.goto(authorize);
      await page.getByRole('button', { name: /Continue as Grace Hopper/ }).click();
      await expect(page.getByTestId('auth-message')).toContainText(/comment form/);
      expect(await poll()).toBe(202);
      await attacker.dispose();
    });

    test('a forwarded redirect-mode link is refused when opened, and the starter can’t poll it', async ({
      page,
      request,
    }) => {
      const { startUrl, poll } = await attackerTicket(
        request,
        'demo',
        p.id,
        `${BLOG_URL}/posts/${POSTS[0]}`,
      );
      const res = await page.goto(startUrl);
      expect(res?.status()).toBe(403);
      await expect(page.getByTestId('auth-message')).toContainText('comment form');
      expect(new URL(page.url()).origin).toBe(PARLEY_URL);
      // Redirect mode is redeemed only with the code, which only the returning page sees.
      expect(await poll()).toBe(403);
    });
  });
}

test('a guest page load makes no failing request (no refresh without a session, no missing favicon)', async ({
  page,
}) => {
  // Our own servers: what else the page requests is e2e/third-party.spec.ts's business.
  const ours = (url: string) => url.startsWith(PARLEY_URL) || url.startsWith(BLOG_URL);
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400 && ours(response.url()))
      failures.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    // The live-update stream is open until the page goes: a reload cuts it.
    const cutStream =
      request.url().startsWith(`${PARLEY_URL}/api/v1/events?`) &&
      request.failure()?.errorText === 'net::ERR_ABORTED';
    if (ours(request.url()) && !cutStream) failures.push(`failed ${request.url()}`);
  });
  const refreshes: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/v1/auth/refresh')) refreshes.push(request.url());
  });
  await openThread(page, `/posts/${POSTS[0]}`);
  await page.reload();
  await openThread(page, `/posts/${POSTS[1]}`);
  expect(failures).toEqual([]);
  expect(refreshes).toEqual([]);
});
