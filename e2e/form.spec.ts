import { expect, hostPage, PARLEY_URL, seedComment, test } from './fixtures.ts';

/** A host page laid out like the demo blog: a 720 px column. */
const column = `<main style="max-width: 720px; margin: 0 auto; padding: 1.5rem"><div id="parley-thread"></div></main><script src="${PARLEY_URL}/embed.js" data-site="e2e" async></script>`;

test.use({ viewport: { width: 1280, height: 900 } });

test('one form moves under the deepest reply and back; its Email shows a whole address at 1280 px', async ({
  page,
  request,
}) => {
  const url = await hostPage(request, { body: column });
  const first = await seedComment(request, url, 'Top comment', { name: 'Top Writer' });
  const second = await seedComment(request, url, 'A reply', {
    parentId: first,
    name: 'Mid Writer',
  });
  await seedComment(request, url, 'A reply to the reply', {
    parentId: second,
    name: 'Deep Writer',
  });
  await page.goto(url);
  const frame = page.frameLocator('iframe.parley-frame');
  await expect(frame.locator('[data-loaded="true"]')).toBeVisible();
  await expect(frame.getByTestId('comment-form')).toHaveCount(1);

  const reply = frame.getByRole('button', { name: 'Reply to Deep Writer' });
  await reply.click();
  const form = frame.getByTestId('comment-form');
  // Still one form: it moved under the comment, the one below is gone.
  await expect(form).toHaveCount(1);
  await expect(form).toContainText('Reply to Deep Writer');
  await expect(form.getByLabel('Comment', { exact: true })).toBeFocused();
  const email = form.getByLabel('Email', { exact: true });
  await email.fill('ada.lovelace@example.com');
  const { scroll, client } = await email.evaluate((el: HTMLInputElement) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
  }));
  expect(scroll, 'the whole address fits in the Email field').toBeLessThanOrEqual(client);

  await form.getByRole('button', { name: 'Cancel reply' }).click();
  await expect(reply).toBeFocused();
  await expect(frame.getByTestId('comment-form')).toHaveCount(1);
  await expect(frame.getByRole('form', { name: 'Leave a comment' })).toBeVisible();
});
