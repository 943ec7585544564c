/**
 * The pictures in docs/screenshots/, taken from the real demo so they stay
 * current: `npm run screenshots` (README). The widget on the demo blog's
 * cream page, light and dark, in Arabic, and the dashboard.
 */
import type { Page } from '@playwright/test';
import { expect, hostPage, PARLEY_URL, POSTS, test } from '../fixtures.ts';
import { BLOG_URL, OWNER } from '../urls.ts';

const OUT = 'docs/screenshots';

/**
 * Languages to photograph the widget in besides English, each as
 * `widget-<lang>.png` on a page of that language (right to left where the
 * language is), with a comment and a reply in it.
 */
const LANGUAGES: { lang: string; dir: 'ltr' | 'rtl'; comment: string; reply: string }[] = [
  {
    lang: 'ar',
    dir: 'rtl',
    comment: 'مقال رائع، شكرًا على الشرح الواضح.',
    reply: 'أوافقك الرأي، جربته على مدونتي.',
  },
];

test.use({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });

/** Posts a comment through the public API, as a reader of the demo would. */
async function seed(
  page: Page,
  site: string,
  url: string,
  body: string,
  name: string,
  parentId?: string,
) {
  const res = await page.request.post(`${PARLEY_URL}/api/v1/comments`, {
    data: {
      site,
      page: url,
      pageUrl: url,
      pageTitle: 'Hello, Parley',
      parentId: parentId ?? null,
      body,
      author: { name, email: `${name.split(' ')[0]?.toLowerCase()}@example.com` },
    },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { comment: { id: string } }).comment.id;
}

/** The comments section of a page, from its heading to the end of the widget. */
async function shootThread(page: Page, file: string) {
  const frame = page.frameLocator('iframe.parley-frame');
  await expect(frame.locator('[data-loaded="true"]')).toBeVisible();
  // Avatars are pictures Parley serves (drawn for guests): wait until each has loaded.
  await expect
    .poll(() =>
      frame
        .locator('[data-testid="avatar"] img')
        .evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).complete)),
    )
    .toBe(true);
  await page.locator('iframe.parley-frame').evaluate((el) => el.scrollIntoView());
  const box = page.locator('iframe.parley-frame');
  await box.screenshot({ path: `${OUT}/${file}` });
}

test('the widget on the demo blog, light and dark, and the dashboard', async ({ page }) => {
  const url = `${BLOG_URL}/posts/${POSTS[0]}`;
  const first = await seed(
    page,
    'demo',
    `${BLOG_URL}/posts/${POSTS[0]}`,
    'Lovely write-up. The part about **one script tag** is exactly why I switched.',
    'Ada Lovelace',
  );
  await seed(page, 'demo', url, 'Same here: it took two minutes.', 'Grace Hopper', first);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(url);
  await shootThread(page, 'widget-light.png');

  // A dark blog: the frame paints its colour and turns dark by itself.
  const dark = await hostPage(page.request, {
    head: '<style>body { background: #16181d; color: #e8e6e3; font: 18px/1.6 Georgia, serif; max-width: 720px; margin: 2rem auto; }</style>',
  });
  const darkFirst = await seed(page, 'e2e', dark, 'Reads well in the dark too.', 'Night Owl');
  await seed(page, 'e2e', dark, 'Agreed, and it follows my page.', 'Ada Lovelace', darkFirst);
  await page.goto(dark);
  await shootThread(page, 'widget-dark.png');

  for (const { lang, dir, comment, reply } of LANGUAGES) {
    const other = await hostPage(page.request, {
      head: '<style>body { background: #fbf7ef; font: 18px/1.6 Georgia, serif; max-width: 720px; margin: 2rem auto; }</style>',
      body: `<div dir="${dir}" lang="${lang}"><div id="parley-thread"></div></div><script src="${PARLEY_URL}/embed.js" data-site="e2e" data-lang="${lang}" async></script>`,
    });
    const parent = await seed(page, 'e2e', other, comment, 'Layla Haddad');
    await seed(page, 'e2e', other, reply, 'Omar Khalil', parent);
    await page.goto(other);
    await shootThread(page, `widget-${lang}.png`);
  }

  // A queue to moderate: first comments on the "moderated" site wait for the owner.
  const held = await hostPage(page.request);
  await seed(page, 'moderated', held, 'First time here: is there an RSS feed?', 'Sam Newcomer');
  await seed(
    page,
    'moderated',
    held,
    'Great deals at https://deals.example and https://more.example',
    'Spammy Sam',
  );
  await page.goto(`${PARLEY_URL}/admin`);
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('tablist', { name: 'Comment status' })).toBeVisible();
  await expect(page.getByTestId('queue-item')).toHaveCount(2);
  await page.screenshot({ path: `${OUT}/dashboard-queue.png` });
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeVisible();
  await page.screenshot({ path: `${OUT}/dashboard-settings.png`, fullPage: true });
});
