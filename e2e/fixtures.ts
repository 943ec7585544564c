/**
 * Every e2e test fails on an uncaught error or a dialog (alert/confirm) in
 * the page or the comments frame: a hostile comment that runs is a failure
 * even if the assertions pass.
 */
import {
  type APIRequestContext,
  test as base,
  expect,
  type FrameLocator,
  type Locator,
  type Page,
} from '@playwright/test';
import { BLOG_URL, HOST_URL, PARLEY_URL } from './urls.ts';

export { BLOG_URL, expect, PARLEY_URL };

export const test = base.extend<{ guard: undefined }>({
  guard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('dialog', (dialog) => {
        problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
        void dialog.dismiss();
      });
      await use(undefined);
      expect(problems, 'no script errors or dialogs on the page').toEqual([]);
    },
    { auto: true },
  ],
});

export const POSTS = ['hello-parley', 'why-comments-in-an-iframe', 'markdown-in-comments'];

/** Seeds a comment through the public API, as another reader would have posted it. */
export async function seedComment(
  request: APIRequestContext,
  pageUrl: string,
  body: string,
  extra: { parentId?: string; name?: string; email?: string } = {},
): Promise<string> {
  const res = await request.post(`${PARLEY_URL}/api/v1/comments`, {
    data: {
      site: 'e2e',
      page: pageUrl,
      pageUrl,
      pageTitle: 'Test page',
      parentId: extra.parentId ?? null,
      body,
      author: { name: extra.name ?? 'Someone Else', email: extra.email ?? 'someone@example.com' },
    },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { comment: { id: string } }).comment.id;
}

/** The comments frame on a demo post, once the app inside says it has loaded. */
export async function openThread(page: Page, path: string): Promise<FrameLocator> {
  await page.goto(path);
  const frame = page.frameLocator('iframe.parley-frame');
  await expect(frame.locator('[data-loaded="true"]')).toBeVisible();
  return frame;
}

/** Fills the guest details of the form inside `scope` and posts `text`. */
export async function postAsGuest(
  scope: FrameLocator | ReturnType<FrameLocator['locator']>,
  text: string,
  who: { name: string; email: string; website?: string } = {
    name: 'Ada Reader',
    email: 'ada@example.com',
  },
): Promise<void> {
  await scope.getByLabel('Comment', { exact: true }).fill(text);
  await scope.getByLabel('Email', { exact: true }).fill(who.email);
  await scope.getByLabel('Name', { exact: true }).fill(who.name);
  if (who.website) await scope.getByLabel('Website', { exact: true }).fill(who.website);
  await scope.getByRole('button', { name: 'Post Comment' }).click();
}

/** The snippet exactly as the README gives it to site owners. */
export const SNIPPET = `<div id="parley-thread"></div>
<script src="${PARLEY_URL}/embed.js" data-site="e2e" async></script>`;

/**
 * Publishes a host page of the test's own on the "e2e" site's origin, at a URL
 * unique to this test: no canonical link, so its thread is its own and
 * parallel tests never share one. Returns the page's URL.
 */
export async function hostPage(
  request: APIRequestContext,
  options: { head?: string; body?: string } = {},
): Promise<string> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title>${options.head ?? ''}</head><body><h1>Test page</h1>${options.body ?? SNIPPET}</body></html>`;
  const res = await request.post(`${HOST_URL}/pages`, {
    data: html,
    headers: { 'content-type': 'text/html' },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { url: string }).url;
}

/** Presses Tab until `target` has the focus (at most `max` times), as a keyboard user would. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (
      await target
        .evaluate((el) => el === el.ownerDocument.activeElement && el.ownerDocument.hasFocus())
        .catch(() => false)
    )
      break;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
  // Focus is visible: an outline is drawn around what has it.
  const outline = await target.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline, 'a visible focus indicator').not.toBe('none');
}
