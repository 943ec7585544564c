/**
 * Comments in the page itself (issue 12): a page that includes the fragment
 * from GET /api/v1/pages/html inside <div id="parley-thread"> shows the
 * comments with JavaScript off, and the live widget with it on, the
 * comments never leaving the screen on the way.
 */
import type { APIRequestContext } from '@playwright/test';
import { expect, hostPage, PARLEY_URL, test } from './fixtures.ts';
import { HOST_URL } from './urls.ts';

/** A page id of its own with two comments, one a reply, and the page embedding its fragment. */
async function pageWithFragment(request: APIRequestContext) {
  const pageId = `fragment-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const pageUrl = `${HOST_URL}/${pageId}`;
  const post = async (body: string, parentId: string | null, name: string) => {
    const res = await request.post(`${PARLEY_URL}/api/v1/comments`, {
      data: {
        site: 'e2e',
        page: pageId,
        pageUrl,
        pageTitle: 'Fragment',
        parentId,
        body,
        author: { name, email: `${name.toLowerCase()}@example.com` },
      },
    });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { comment: { id: string } }).comment.id;
  };
  const first = await post('Rendered **on the server**', null, 'Ada');
  await post('A reply, also in the page', first, 'Bo');
  // What a static site generator does at build time.
  const fragment = await request.get(
    `${PARLEY_URL}/api/v1/pages/html?${new URLSearchParams({ site: 'e2e', page: pageId })}`,
  );
  expect(fragment.status()).toBe(200);
  const url = await hostPage(request, {
    body: `<div id="parley-thread">${await fragment.text()}</div>
<script src="${PARLEY_URL}/embed.js" data-site="e2e" data-page-id="${pageId}" async></script>
<p id="after">After the comments</p>`,
  });
  return { url, first };
}

test('with JavaScript off, the page shows its comments from the fragment', async ({
  browser,
  request,
}) => {
  const { url, first } = await pageWithFragment(request);
  const context = await browser.newContext({ javaScriptEnabled: false, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(url);
  const thread = page.locator('#parley-thread');
  await expect(thread.getByRole('heading', { name: '2 comments' })).toBeVisible();
  const comment = thread.locator(`#comment-${first}`);
  await expect(comment.locator('strong')).toHaveText('on the server');
  await expect(comment.locator('[itemtype="https://schema.org/Comment"]')).toHaveCount(1);
  await expect(comment.getByText('A reply, also in the page')).toBeVisible();
  await expect(page.locator('iframe')).toHaveCount(0);
  await context.close();
});

test('with JavaScript on, the widget replaces the fragment, which stays until it is ready', async ({
  page,
  request,
}) => {
  const { url } = await pageWithFragment(request);
  // Hold the iframe page back, to look at the moment before the widget is ready.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(`${PARLEY_URL}/embed/thread**`, async (route) => {
    await held;
    await route.continue();
  });
  // Not "load": that waits for the held-back iframe.
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const thread = page.locator('#parley-thread');
  await expect(page.locator('iframe.parley-frame')).toHaveCount(1);
  await expect(thread.locator('.parley-static')).toBeVisible();
  const before = await page.locator('#after').boundingBox();
  // The hidden frame takes no room while the comments are still the fragment.
  expect(
    await page.locator('iframe.parley-frame').evaluate((f) => f.getBoundingClientRect().height),
  ).toBe(0);
  release();
  const frame = page.frameLocator('iframe.parley-frame');
  await expect(frame.locator('[data-loaded="true"]')).toBeVisible();
  await expect(frame.getByText('Rendered on the server')).toBeVisible();
  await expect(frame.getByText('A reply, also in the page')).toBeVisible();
  await expect(thread.locator('.parley-static')).toHaveCount(0);
  await expect(page.locator('iframe.parley-frame')).toBeVisible();
  // The widget (with its form) is at least as tall as the fragment: nothing after it moved up.
  const after = await page.locator('#after').boundingBox();
  expect(after?.y).toBeGreaterThanOrEqual(before?.y ?? 0);
});
