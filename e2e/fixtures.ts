/**
 * Every e2e test fails on an uncaught error or a dialog (alert/confirm) in
 * the page or the comments frame: a hostile comment that runs is a failure
 * even if the assertions pass.
 */
import { test as base, expect, type FrameLocator, type Page } from '@playwright/test';
import { BLOG_URL, PARLEY_URL } from './urls.ts';

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
  await scope.getByLabel('Comment').fill(text);
  await scope.getByLabel('Email').fill(who.email);
  await scope.getByLabel('Name').fill(who.name);
  if (who.website) await scope.getByLabel('Website').fill(who.website);
  await scope.getByRole('button', { name: 'Post Comment' }).click();
}

/** The snippet exactly as the README gives it to site owners. */
export const SNIPPET = `<div id="parley-thread"></div>
<script src="${PARLEY_URL}/embed.js" data-site="demo" async></script>`;

let counter = 0;

/**
 * Serves a host page of our own on the demo blog's origin (so the site's
 * origin check passes) at a path unique to this test: no canonical link, so
 * its thread is its own and parallel tests never share one.
 */
export async function hostPage(
  page: Page,
  options: { head?: string; body?: string; hash?: string } = {},
): Promise<string> {
  const path = `/e2e/${Date.now().toString(36)}-${process.pid}-${counter++}`;
  await page.route(`${BLOG_URL}${path}`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title>${options.head ?? ''}</head><body><h1>Test page</h1>${options.body ?? SNIPPET}</body></html>`,
    }),
  );
  return `${BLOG_URL}${path}`;
}
