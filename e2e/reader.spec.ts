import {
  BLOG_URL,
  expect,
  hostPage,
  openThread,
  PARLEY_URL,
  POSTS,
  postAsGuest,
  seedComment,
  test,
} from './fixtures.ts';

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

test('the blog’s index shows each post’s comment count (count.js)', async ({ page }) => {
  await page.goto('/');
  for (const slug of POSTS) {
    // Other tests comment on these posts meanwhile: the wording, not a number.
    await expect(page.locator(`[data-parley-count="${BLOG_URL}/posts/${slug}"]`)).toHaveText(
      /^(No Comments|1 Comment|[\d,]+ Comments)$/,
    );
  }
});

test('count.js fills every count on a page with the site’s wording for 0, 1 and more', async ({
  page,
  request,
}) => {
  const a = await hostPage(request);
  const b = await hostPage(request);
  const html = `<p><span data-parley-count="${a}">…</span></p><p><span data-parley-count="${b}">…</span></p><p><span data-parley-count="${a}">…</span></p><script src="${PARLEY_URL}/count.js" data-site="e2e" async></script>`;
  const listing = await hostPage(request, { body: html });
  await seedComment(request, a, 'One');
  await seedComment(request, a, 'Two');
  await page.goto(listing);
  const spans = page.locator('[data-parley-count]');
  await expect(spans).toHaveText(['2 Comments', 'No Comments', '2 Comments']);
  await seedComment(request, b, 'Three');
  await page.reload();
  await expect(spans).toHaveText(['2 Comments', '1 Comment', '2 Comments']);
});

// Issue 11: on a React site the frame's name is the reader's language's too
// (<ParleyComments lang="…" />, the demo's ?lang=), as embed.js names it.
test('<ParleyComments lang="fr" /> names its frame in French once the thread is ready', async ({
  page,
}) => {
  await page.goto(`/react/posts/${POSTS[0]}?lang=fr`);
  const iframe = page.locator('iframe.parley-frame');
  await expect(
    page.frameLocator('iframe.parley-frame').locator('html[lang="fr"] [data-loaded="true"]'),
  ).toBeVisible();
  await expect(iframe).toHaveAttribute('title', 'Commentaires');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

// Issue 11 item 9, "Edit: one Save in four sent no request and showed
// nothing": the thread's clock ticks each minute, and a tick that put the
// reader past the edit window (their clock ahead of the server's, or just
// the minute passing while they typed) took the editor away under them.
// Against the real server: every Save of quick edits in a row is a PATCH
// it answers, and the thread shows what it answered, the last one after
// such a tick too.
test('every Save of repeated edits reaches the server and shows the result, a clock tick past the window included', async ({
  page,
  request,
}) => {
  await page.clock.install();
  const frame = await openThread(page, await hostPage(request));
  const text = `Edited again and again ${Date.now()}`;
  await postAsGuest(frame, text);
  const posted = frame.getByTestId('comment').filter({ hasText: text });
  await expect(posted).toBeVisible();
  // By its id: while it is being edited its text is in a textarea, not the page.
  const mine = frame.locator(`[id="${await posted.getAttribute('id')}"]`);

  const saves: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PATCH' && r.url().includes('/api/v1/comments/')) saves.push(r.url());
  });
  for (let round = 1; round <= 4; round++) {
    await mine.getByRole('button', { name: 'Edit your comment' }).click();
    const editor = mine.getByTestId('edit-form');
    await editor.getByLabel('Your comment').fill(`${text} (edit ${round})`);
    // The last round: the minute tick comes while they type, and the
    // browser's clock says the 15-minute window is over.
    if (round === 4) await page.clock.fastForward('16:00');
    const answered = page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().includes('/api/v1/comments/'),
    );
    await editor.getByRole('button', { name: 'Save' }).click();
    expect((await answered).status()).toBe(200);
    await expect(mine.getByTestId('comment-body')).toHaveText(`${text} (edit ${round})`);
    await expect(editor).toHaveCount(0);
    expect(saves).toHaveLength(round);
  }
});
