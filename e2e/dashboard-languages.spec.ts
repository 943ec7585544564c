/**
 * The dashboard in the owner's language (issue 11, "the dashboard too"),
 * against the real server: a French browser gets French from the first
 * page, the server's refusals are said in French by their code (never the
 * server's English message), and the language picker switches to Arabic,
 * mirrored, and is remembered.
 */
import { ar } from '../contract/i18n/dashboard/ar.ts';
import { en } from '../contract/i18n/dashboard/en.ts';
import { fr } from '../contract/i18n/dashboard/fr.ts';
import { formatMessage, type Message, type MessageParams } from '../contract/i18n/format.ts';
import { expect, hostPage, PARLEY_URL, test } from './fixtures.ts';
import { OWNER } from './urls.ts';

const say = (message: Message | undefined, params?: MessageParams, locale = 'fr') =>
  formatMessage(locale, message ?? '', params);

test.describe('a French browser', () => {
  test.use({ locale: 'fr-FR' });

  test('gets the dashboard in French, the server’s refusals said by code', async ({
    page,
    request,
  }) => {
    const url = await hostPage(request, {
      body: `<div id="parley-thread"></div><script src="${PARLEY_URL}/embed.js" data-site="moderated" async></script>`,
    });
    const run = Date.now().toString(36);
    const posted = await request.post(`${PARLEY_URL}/api/v1/comments`, {
      data: {
        site: 'moderated',
        page: url,
        pageUrl: url,
        pageTitle: 'Languages',
        body: `Bonjour ${run}`,
        author: { name: `Lecteur ${run}`, email: `fr-${run}@example.com` },
      },
    });
    expect(posted.status()).toBe(201);

    await page.goto(`${PARLEY_URL}/admin?site=moderated`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page).toHaveTitle(String(fr['page.title']));
    await page.getByLabel(String(fr['login.email'])).fill(OWNER.email);
    await page.getByLabel(String(fr['login.password'])).fill('not the password');
    await page.getByRole('button', { name: String(fr['login.submit']) }).click();
    // The server answered 401 `unauthorized` with an English message; the owner reads French.
    await expect(page.getByRole('alert')).toHaveText(String(fr['error.unauthorized']));

    await page.getByLabel(String(fr['login.password'])).fill(OWNER.password);
    await page.getByRole('button', { name: String(fr['login.submit']) }).click();
    await expect(page.getByRole('navigation', { name: String(fr['header.nav']) })).toBeVisible();
    const tabs = page.getByRole('tablist', { name: String(fr['queue.statuses']) });
    await tabs.getByRole('tab', { name: new RegExp(`^${fr['status.all']}`) }).click();
    await page.getByLabel(String(fr['queue.search'])).fill(`Bonjour ${run}`);
    await page.getByRole('button', { name: String(fr['queue.searchButton']) }).click();
    const item = page.getByRole('article', {
      name: say(fr['item.label'], { name: `Lecteur ${run}` }),
    });
    await expect(item).toBeVisible();
    // Its date, relative, in French (Intl).
    await expect(item.locator('time')).toHaveText(new RegExp(`${fr['time.justNow']}|il y a`));
    await expect(item.getByRole('button', { name: String(fr['item.ban']) })).toBeVisible();

    // A number the server refuses: its 400 names the field, the words are ours.
    await page.getByRole('link', { name: String(fr['header.settings']) }).click();
    const linkLimit = page.getByLabel(String(fr['settings.linkLimit']));
    await linkLimit.fill('500');
    await page.getByRole('button', { name: String(fr['settings.save']) }).click();
    await expect(page.getByRole('alert')).toHaveText(String(fr['settings.correct']));
    await expect(linkLimit).toHaveAttribute('aria-invalid', 'true');
    await expect(
      page.getByText(say(fr['settings.invalidWhole'], { min: 0, max: 100 })),
    ).toBeVisible();
    await expect(page.getByText(String(en['settings.correct']))).toHaveCount(0);
  });
});

test('the language picker switches to Arabic, mirrored, and remembers it', async ({ page }) => {
  await page.goto(`${PARLEY_URL}/admin`);
  // The e2e browsers speak English: so does the dashboard by default.
  await expect(page.getByRole('button', { name: String(en['login.submit']) })).toBeVisible();
  await page.getByLabel(String(en.language)).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await page.getByLabel(String(ar['login.email'])).fill(OWNER.email);
  await page.getByLabel(String(ar['login.password'])).fill(OWNER.password);
  await page.getByRole('button', { name: String(ar['login.submit']) }).click();
  const nav = page.getByRole('navigation', { name: String(ar['header.nav']) });
  await expect(nav).toBeVisible();
  // Mirrored: the brand starts the header on the right, Sign out ends it on the left.
  const brand = await page.locator('.brand').boundingBox();
  const signOut = await page
    .getByRole('button', { name: String(ar['header.signOut']) })
    .boundingBox();
  expect(brand && signOut && brand.x > signOut.x).toBe(true);

  await page.reload();
  await expect(nav).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await page.getByRole('button', { name: String(ar['header.signOut']) }).click();
  await expect(page.getByRole('status')).toHaveText(String(ar['login.signedOut']));
});
