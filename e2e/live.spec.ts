/**
 * Live updates (issue 10): what one reader posts shows in another reader's
 * open thread, in place and marked new, without moving what they read; a
 * dropped connection picks up what it missed.
 */
import {
  expect,
  hostPage,
  openThread,
  PARLEY_URL,
  postAsGuest,
  SNIPPET,
  seedComment,
  test,
} from './fixtures.ts';

test('a comment posted in one tab appears in another open on the same post, marked new', async ({
  page,
  context,
  request,
}) => {
  const url = await hostPage(request);
  const writer = page;
  const reader = await context.newPage();
  const writerFrame = await openThread(writer, url);
  const readerFrame = await openThread(reader, url);
  await expect(readerFrame.getByTestId('parley')).toHaveAttribute('data-live', 'open');

  await postAsGuest(writerFrame, 'Hello from the other tab');
  const arrived = readerFrame
    .getByTestId('comment')
    .filter({ hasText: 'Hello from the other tab' });
  await expect(arrived).toBeVisible();
  await expect(arrived).toHaveAttribute('data-new', 'true');
  await expect(arrived.getByTestId('new-badge')).toHaveText('New');
  await expect(readerFrame.getByTestId('comment-count')).toHaveText('1 comment');
  // The writer sees their own comment as theirs, not as news.
  const own = writerFrame.getByTestId('comment').filter({ hasText: 'Hello from the other tab' });
  await expect(own.getByTestId('new-badge')).toHaveCount(0);

  // A reply lands under its parent.
  const parentId = await seedComment(request, url, 'A parent comment');
  const parent = readerFrame.locator(`#comment-${parentId}`);
  await expect(parent).toBeVisible();
  await seedComment(request, url, 'A reply to it', { parentId });
  await expect(
    readerFrame
      .locator('.item', { has: parent })
      .getByTestId('comment')
      .filter({ hasText: 'A reply to it' }),
  ).toHaveAttribute('data-depth', '2');
});

test('a reply arriving above what the reader is looking at does not move it', async ({
  page,
  request,
}) => {
  const url = await hostPage(request, {
    body: `<div style="height: 1200px">A long article.</div>${SNIPPET}<div style="height: 2000px"></div>`,
  });
  const ids: string[] = [];
  for (let i = 0; i < 8; i++) {
    ids.push(
      await seedComment(request, url, `Comment ${i}\n\nwith a second paragraph\n\nand a third`),
    );
  }
  const frame = await openThread(page, url);
  await expect(frame.getByTestId('parley')).toHaveAttribute('data-live', 'open');
  const reading = frame.locator(`#comment-${ids[6]}`);
  // The reader scrolls until that comment is near the top of the window.
  const at = (await reading.boundingBox())?.y ?? 0;
  await page.evaluate((y) => window.scrollBy(0, y - 80), at);
  const before = await reading.boundingBox();
  expect(before?.y).toBeLessThan(200);

  await seedComment(request, url, 'A late reply\n\nthat takes\n\nsome room', { parentId: ids[1] });
  await expect(frame.getByTestId('comment').filter({ hasText: 'A late reply' })).toBeVisible();
  // Within a pixel: the reply takes some 80 px, and scroll positions and
  // frame heights are whole pixels while layout is not, so a busy run can
  // land a fraction of a pixel away (seen: 79 against 80), which no reader sees.
  await expect
    .poll(async () => Math.abs(((await reading.boundingBox())?.y ?? 0) - (before?.y ?? -100)))
    .toBeLessThanOrEqual(1);
});

test('a dropped connection resumes and shows what was posted meanwhile', async ({
  page,
  context,
  request,
}) => {
  const url = await hostPage(request);
  const frame = await openThread(page, url);
  const live = frame.getByTestId('parley');
  await expect(live).toHaveAttribute('data-live', 'open');
  const reloads: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${PARLEY_URL}/api/v1/comments?`)) reloads.push(r.url());
  });

  // The network goes (the browser says so): the stream is dropped.
  await context.setOffline(true);
  await expect(live).toHaveAttribute('data-live', 'connecting');
  await seedComment(request, url, 'Posted while you were offline');
  await seedComment(request, url, 'And another one');
  await context.setOffline(false);

  await expect(live).toHaveAttribute('data-live', 'open');
  for (const text of ['Posted while you were offline', 'And another one']) {
    await expect(frame.getByTestId('comment').filter({ hasText: text })).toHaveAttribute(
      'data-new',
      'true',
    );
  }
  await expect(frame.getByTestId('comment-count')).toHaveText('2 comments');
  // Replayed from where it left off (Last-Event-ID), not reloaded.
  expect(reloads).toEqual([]);
});

test('with more pages to load, a new comment is counted but waits, marked new, for "Load more comments"', async ({
  page,
  request,
}) => {
  const url = await hostPage(request);
  // 51 top-level comments: the first page shows 50 (the default page size).
  for (let i = 0; i < 51; i++) await seedComment(request, url, `Older number ${i}`);
  const frame = await openThread(page, url);
  await expect(frame.getByTestId('parley')).toHaveAttribute('data-live', 'open');
  await expect(frame.getByTestId('comment-count')).toHaveText('51 comments');

  await seedComment(request, url, 'Newest, from elsewhere');
  await expect(frame.getByTestId('comment-count')).toHaveText('52 comments');
  // Not shown before the 51st, which the reader has not loaded yet.
  await expect(frame.getByText('Newest, from elsewhere')).toHaveCount(0);

  await frame.getByRole('button', { name: 'Load more comments' }).click();
  const comments = frame.getByTestId('comment');
  await expect(comments).toHaveCount(52);
  await expect(comments.nth(50)).toContainText('Older number 50');
  await expect(comments.nth(51)).toContainText('Newest, from elsewhere');
  await expect(comments.nth(51)).toHaveAttribute('data-new', 'true');
});
