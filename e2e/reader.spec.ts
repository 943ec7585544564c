import { BLOG_URL, expect, openThread, POSTS, postAsGuest, test } from './fixtures.ts';

test('the demo blog has three posts, each with its comment thread', async ({ page }) => {
  await page.goto('/');
  const links = page.getByRole('main').getByRole('link');
  await expect(links).toHaveCount(3);
  for (const slug of POSTS) {
    const frame = await openThread(page, `/posts/${slug}`);
    await expect(frame.getByRole('button', { name: 'Post Comment' })).toBeVisible();
  }
});

test('a guest posts, replies, reloads and finds both, nested', async ({ page }) => {
  const frame = await openThread(page, `/posts/${POSTS[0]}`);
  const comments = frame.getByTestId('comment');
  const before = await comments.count();

  const first = `Lovely post, ${Date.now()}`;
  await postAsGuest(frame, first, {
    name: 'Ada Reader',
    email: 'ada@example.com',
    website: 'ada.example',
  });
  const mine = comments.filter({ hasText: first });
  await expect(mine).toBeVisible();
  await expect(frame.getByTestId('comment-count')).toHaveText(
    `${before + 1} comment${before ? 's' : ''}`,
  );
  await expect(frame.getByLabel('Comment', { exact: true })).toHaveValue('');
  await expect(mine.getByRole('link', { name: 'Ada Reader' })).toHaveAttribute(
    'href',
    'http://ada.example/',
  );
  const parentId = await mine.getAttribute('id');

  await mine.getByRole('button', { name: 'Reply to Ada Reader' }).click();
  const replyForm = frame.getByTestId('comment-form').filter({ hasText: 'Reply to Ada Reader' });
  const reply = `Thanks, me again ${Date.now()}`;
  await postAsGuest(replyForm, reply, { name: 'Bob Replier', email: 'bob@example.com' });
  await expect(comments.filter({ hasText: reply })).toBeVisible();

  await page.reload();
  const reloaded = page.frameLocator('iframe.parley-frame');
  await expect(reloaded.locator('[data-loaded="true"]')).toBeVisible();
  const parent = reloaded.locator(`#${parentId}`);
  await expect(parent).toContainText(first);
  await expect(parent).toHaveAttribute('data-depth', '1');
  const nested = reloaded.locator(`li:has(> #${parentId}) article`).filter({ hasText: reply });
  await expect(nested).toHaveAttribute('data-depth', '2');
  await expect(reloaded.getByTestId('comment-count')).toHaveText(`${before + 2} comments`);
});

test('the widget frame loads from the Parley origin, not the blog', async ({ page }) => {
  await openThread(page, `/posts/${POSTS[1]}`);
  const src = await page.locator('iframe.parley-frame').getAttribute('src');
  expect(new URL(src ?? '').origin).not.toBe(new URL(BLOG_URL).origin);
  expect(new URL(src ?? '').searchParams.get('page')).toBe(`${BLOG_URL}/posts/${POSTS[1]}`);
});
