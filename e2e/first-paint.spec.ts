/**
 * The iframe page carries the first comments as HTML (server/embed/thread-markup.ts):
 * they are on screen before the app's code has arrived, and the app then
 * takes over the same elements rather than drawing the thread again.
 */
import { expect, hostPage, PARLEY_URL, seedComment, test } from './fixtures.ts';

/** The app's entry module (not its stylesheet, nor the chunks it imports). */
const APP_ENTRY = /\/assets\/thread-[\w-]+\.js$/;

test('the first comments show while the app is still loading, and the app takes them over in place', async ({
  page,
  context,
  request,
}) => {
  const url = await hostPage(request);
  const first = await seedComment(request, url, 'The first word');
  await seedComment(request, url, 'A reply to it', { parentId: first, name: 'Replier' });

  // The app's code is held back until the test lets it through.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await context.route(APP_ENTRY, async (route) => {
    await released;
    await route.continue();
  });
  // Not until `load`: the host page's load waits for the frame's, which waits for the app.
  await page.goto(url, { waitUntil: 'commit' });
  const iframe = page.locator('iframe.parley-frame');
  const frame = page.frameLocator('iframe.parley-frame');
  // Shown by the loader (not the hidden frame it keeps until then), with both comments.
  await expect(iframe).toBeVisible();
  await expect(frame.getByTestId('comment')).toHaveCount(2);
  await expect(frame.getByTestId('comment-body').first()).toHaveText('The first word');
  await expect(frame.getByTestId('comment-count')).toHaveText('2 comments');
  await expect(frame.locator('[data-loaded]')).toHaveCount(0);
  // Nothing to click into the void: the buttons wait for the app.
  const reply = frame.getByRole('button', { name: 'Reply to Someone Else' });
  await expect(reply).toBeDisabled();
  // The frame is as tall as its comments, not the loader's 150 px placeholder.
  const shown = await frame.getByTestId('parley').boundingBox();
  expect((await iframe.boundingBox())?.height).toBe(Math.ceil(shown?.height ?? 0));
  // Where the comments sit: the app must draw them in the same place.
  const boxes = () =>
    frame.getByTestId('comment').evaluateAll((all) =>
      all.map((el) => {
        const { x, y, width, height } = el.getBoundingClientRect();
        return { x, y, width, height };
      }),
    );
  const before = await boxes();
  expect(before).toHaveLength(2);

  release();
  await expect(frame.locator('[data-loaded="true"]')).toBeVisible();
  // The same comments, once each, exactly where they were: no jump.
  await expect(frame.getByTestId('comment')).toHaveCount(2);
  expect(await boxes()).toEqual(before);
  // And they work now.
  await expect(reply).toBeEnabled();
  await reply.click();
  await expect(frame.getByRole('button', { name: 'Cancel reply' })).toBeVisible();
});

test('the frame is on screen from the start, without a flash, and grows to its first comments', async ({
  page,
  context,
  request,
}) => {
  const HOST_BACKGROUND = 'rgb(253, 248, 238)';
  const url = await hostPage(request, {
    head: `<style>body { background: ${HOST_BACKGROUND} }</style>`,
  });
  await seedComment(request, url, 'Seen before the app');
  await seedComment(request, url, 'And a second one');
  // The frame's page and the app's code are each held until the test lets them through.
  const hold = () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    return { released, release };
  };
  const framePage = hold();
  const app = hold();
  await context.route(/\/embed\/thread\?/, async (route) => {
    await framePage.released;
    await route.continue();
  });
  await context.route(APP_ENTRY, async (route) => {
    await app.released;
    await route.continue();
  });
  await page.goto(url, { waitUntil: 'commit' });
  const iframe = page.locator('iframe.parley-frame');
  const frame = page.frameLocator('iframe.parley-frame');

  // Shown as soon as the loader makes it (not hidden until the frame reports
  // that it has painted), at the loader's placeholder height. Checked at once:
  // a retrying check would also pass on the loader's timeout fallback.
  await iframe.waitFor({ state: 'attached' });
  expect(await iframe.isVisible()).toBe(true);
  const placeholder = await iframe.boundingBox();
  expect(placeholder?.height).toBe(150);
  // And it shows nothing yet: not a white box, the host's own background,
  // pixel for pixel the same as an empty stretch of the page below it.
  if (!placeholder) throw new Error('no frame box');
  const shot = (y: number) =>
    page.screenshot({ clip: { x: placeholder.x, y, width: placeholder.width, height: 150 } });
  expect((await shot(placeholder.y)).equals(await shot(placeholder.y + 160))).toBe(true);

  // Its page in: the comments paint, styled and on the host's background,
  // with the app still held back; the frame grows to their height.
  framePage.release();
  await expect(frame.getByTestId('comment')).toHaveCount(2);
  await expect(frame.getByTestId('comment-body').first()).toHaveText('Seen before the app');
  await expect(frame.locator('[data-loaded]')).toHaveCount(0);
  expect(await frame.locator('html').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
    HOST_BACKGROUND,
  );
  const shown = await frame.getByTestId('parley').boundingBox();
  await expect
    .poll(async () => (await iframe.boundingBox())?.height)
    .toBe(Math.ceil(shown?.height ?? 0));
  // It grew below: the frame, and so the comments, did not move on the page.
  expect((await iframe.boundingBox())?.y).toBe(placeholder.y);

  app.release();
  await expect(frame.locator('[data-loaded="true"]')).toBeVisible();
  expect((await iframe.boundingBox())?.y).toBe(placeholder.y);
});

test('the iframe page shows its comments with JavaScript off', async ({ browser, request }) => {
  const url = await hostPage(request);
  await seedComment(request, url, 'Readable without scripts');
  const context = await browser.newContext({ javaScriptEnabled: false, ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    const q = new URLSearchParams({
      site: 'e2e',
      page: url,
      url,
      origin: new URL(url).origin,
    });
    await page.goto(`${PARLEY_URL}/embed/thread?${q}`);
    await expect(page.getByTestId('comment-body')).toHaveText('Readable without scripts');
    await expect(page.getByTestId('comment-count')).toHaveText('1 comment');
  } finally {
    await context.close();
  }
});

// The server renders the first screenful in reading order, cutting inside a
// long thread (server/embed/thread-markup.ts): the app must draw those
// comments where they were and add the thread's rest below them.
test('a long thread is cut after the first screenful, and the app adds its rest below without moving it', async ({
  page,
  context,
  request,
}) => {
  const url = await hostPage(request);
  const root = await seedComment(request, url, 'The start of a long thread');
  let parent = root;
  for (let i = 0; i < 7; i++) {
    // Every other reply one level deeper, as long threads go.
    const id = await seedComment(request, url, `Reply ${i}`, { parentId: parent });
    if (i % 2 === 0) parent = id;
  }
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await context.route(APP_ENTRY, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(url, { waitUntil: 'commit' });
  const frame = page.frameLocator('iframe.parley-frame');
  await expect(frame.getByTestId('comment')).toHaveCount(6);
  await expect(frame.getByTestId('comment-count')).toHaveText('8 comments');
  const boxes = () =>
    frame.getByTestId('comment').evaluateAll((all) =>
      all.map((el) => {
        const { x, y, width, height } = el.getBoundingClientRect();
        return { id: el.id, x, y, width, height };
      }),
    );
  const before = await boxes();

  release();
  await expect(frame.locator('[data-loaded="true"]')).toBeVisible();
  await expect(frame.getByTestId('comment')).toHaveCount(8);
  expect((await boxes()).slice(0, 6)).toEqual(before);
});
