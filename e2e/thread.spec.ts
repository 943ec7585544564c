import { expect, hostPage, PARLEY_URL, postAsGuest, seedComment, test } from './fixtures.ts';

test('a #comment-<id> link scrolls the host page to that comment and highlights it', async ({
  page,
  request,
}) => {
  const url = await hostPage(request, {
    body: `<div style="height: 1500px">A long article.</div><div id="parley-thread"></div><script src="${PARLEY_URL}/embed.js" data-site="e2e" async></script><div style="height: 1500px"></div>`,
  });
  let target = '';
  for (let i = 0; i < 8; i++) {
    const id = await seedComment(request, url, `Comment number ${i}\n\nwith a second paragraph`);
    if (i === 6) target = id;
  }
  await page.goto(`${url}#comment-${target}`);
  const frame = page.frameLocator('iframe.parley-frame');
  const article = frame.locator(`#comment-${target}`);
  await expect(article).toHaveAttribute('data-highlighted', 'true');
  await expect(article).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);

  // Changing the hash later (a permalink click) moves the highlight.
  const other = frame.getByTestId('comment').filter({ hasText: 'Comment number 1' });
  await other.getByRole('link', { name: /ago|just now/ }).click();
  await expect(other).toHaveAttribute('data-highlighted', 'true');
  await expect(article).not.toHaveAttribute('data-highlighted', 'true');
  await expect(other).toBeInViewport();
});

test('a draft survives a reload and a failed post, and is cleared once posted', async ({
  page,
  context,
  request,
}) => {
  const url = await hostPage(request);
  await page.goto(url);
  let frame = page.frameLocator('iframe.parley-frame');
  const box = () => frame.getByLabel('Comment', { exact: true });
  await box().fill('A thought I do not want to lose');
  await box().blur(); // saved as the reader types (debounced) and when they leave the box
  await page.reload();
  frame = page.frameLocator('iframe.parley-frame');
  await expect(box()).toHaveValue('A thought I do not want to lose');

  // The network fails: the reader is told, and the text stays.
  await context.route(`${PARLEY_URL}/api/v1/comments`, (route) => route.abort('connectionfailed'));
  await postAsGuest(frame, 'A thought I do not want to lose, edited');
  await expect(frame.getByRole('alert')).toBeVisible();
  await expect(box()).toHaveValue('A thought I do not want to lose, edited');
  await page.reload();
  frame = page.frameLocator('iframe.parley-frame');
  await expect(box()).toHaveValue('A thought I do not want to lose, edited');

  // The server refuses it (bad email): the text stays too.
  await context.unroute(`${PARLEY_URL}/api/v1/comments`);
  await frame.getByLabel('Email', { exact: true }).fill('ada@example.c');
  await frame.getByLabel('Name', { exact: true }).fill('Ada');
  await frame.getByRole('button', { name: 'Post Comment' }).click();
  await expect(frame.getByTestId('parley-new-email-error')).toBeVisible();
  await expect(box()).toHaveValue('A thought I do not want to lose, edited');

  await postAsGuest(frame, 'A thought I do not want to lose, posted');
  await expect(frame.getByTestId('comment').filter({ hasText: 'posted' })).toBeVisible();
  await expect(box()).toHaveValue('');
  await page.reload();
  frame = page.frameLocator('iframe.parley-frame');
  await expect(frame.locator('[data-loaded="true"]')).toBeVisible();
  await expect(box()).toHaveValue('');
});

test('a hostile comment renders as inert text', async ({ page, request }) => {
  const url = await hostPage(request);
  const payloads = [
    '<script>alert("script")</script>',
    '<img src=x onerror=alert("img")>',
    '<svg onload=alert("svg")></svg>',
    '[click me](javascript:alert("link"))',
    '<a href="javascript:alert(1)">raw link</a>',
    '<style>body{display:none}</style>',
    '<iframe src="javascript:alert(1)"></iframe>',
  ];
  await seedComment(request, url, payloads.join('\n\n'));
  await page.goto(url);
  const frame = page.frameLocator('iframe.parley-frame');
  const body = frame.getByTestId('comment-body');
  await expect(body).toContainText('<script>alert("script")</script>');
  await expect(body).toContainText('<img src=x onerror=alert("img")>');
  await expect(body.locator('script, img, svg, iframe, style')).toHaveCount(0);
  await expect(body.locator('a')).toHaveCount(0);
  await body.getByText('click me').click();
  // Posting one through the form does the same (the guard fails on any dialog).
  await postAsGuest(frame, '<img src=y onerror=alert("posted")>');
  await expect(frame.getByTestId('comment-body').nth(1)).toHaveText(
    '<img src=y onerror=alert("posted")>',
  );
  await page.reload();
  await expect(page.frameLocator('iframe.parley-frame').getByTestId('comment')).toHaveCount(2);
});

test('the host page’s own CSS does not change how the widget looks', async ({ page, request }) => {
  // The host decides the width of the box it gives the widget (and, by its own
  // background, the colour the frame paints); nothing else.
  const body = `<section style="width: 640px"><div id="parley-thread"></div></section><script src="${PARLEY_URL}/embed.js" data-site="e2e" async></script>`;
  const plain = await hostPage(request, { body });
  const loud = await hostPage(request, {
    body,
    head: `<style>
      * { font-family: "Comic Sans MS", cursive; color: red; letter-spacing: 3px; }
      body { font-size: 30px; }
      iframe { border: 9px dashed lime; width: 50%; opacity: .4; filter: blur(2px); height: 20px; }
      div { line-height: 3; text-align: center; text-transform: uppercase; }
      textarea, input, button { background: yellow; }
    </style>`,
  });
  for (const url of [plain, loud]) {
    await seedComment(request, url, 'Same **comment** on both pages', { name: 'Pat Same' });
  }
  const looks: unknown[] = [];
  for (const url of [plain, loud]) {
    await page.goto(url);
    const frame = page.frameLocator('iframe.parley-frame');
    await expect(frame.locator('[data-loaded="true"]')).toBeVisible();
    await expect(frame.getByTestId('comment-body')).toHaveText('Same comment on both pages');
    // Wait for the avatar (drawn by Parley) to load, so both pages are compared in the same state.
    await expect
      .poll(() =>
        frame
          .getByTestId('comment')
          .locator('img')
          .evaluate(
            (img) =>
              (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
          ),
      )
      .toBe(true);
    // How every part of the widget is drawn: fonts, colours, sizes, boxes.
    const inside = await frame.locator('body').evaluate((body) => {
      const props = [
        'font-family',
        'font-size',
        'color',
        'background-color',
        'letter-spacing',
        'line-height',
        'text-transform',
        'text-align',
        'border-top-width',
      ];
      return [...body.querySelectorAll('*')].map((el) => {
        const css = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return [
          el.tagName,
          ...props.map((p) => css.getPropertyValue(p)),
          Math.round(r.width),
          Math.round(r.height),
        ].join('|');
      });
    });
    const frameBox = await page.locator('iframe.parley-frame').evaluate((el) => {
      const css = getComputedStyle(el);
      return [
        css.borderTopWidth,
        css.opacity,
        css.filter,
        el.getBoundingClientRect().width,
        Math.round(el.getBoundingClientRect().height),
      ].join('|');
    });
    looks.push({ inside, frameBox });
  }
  expect(looks[1], 'the widget looks the same on a plain and a loud page').toEqual(looks[0]);
});

test('two embeds on one page work independently', async ({ page, request }) => {
  const url = await hostPage(request, {
    body: `<div id="first"></div><div id="second"></div>
<script src="${PARLEY_URL}/embed.js" data-site="e2e" data-target="#first" data-page-id="two-embeds-a-${Date.now()}" async></script>
<script src="${PARLEY_URL}/embed.js" data-site="e2e" data-target="#second" data-page-id="two-embeds-b-${Date.now()}" async></script>`,
  });
  await page.goto(url);
  const first = page.frameLocator('#first iframe.parley-frame');
  const second = page.frameLocator('#second iframe.parley-frame');
  await expect(first.locator('[data-loaded="true"]')).toBeVisible();
  await expect(second.locator('[data-loaded="true"]')).toBeVisible();
  await postAsGuest(second, 'Only in the second thread');
  await expect(second.getByTestId('comment')).toHaveCount(1);
  await expect(first.getByTestId('comment')).toHaveCount(0);
  // Each frame is sized to its own content (the resize arrives a moment later).
  const frames = page.locator('iframe.parley-frame');
  await expect
    .poll(async () => {
      const [a, b] = await frames.evaluateAll((els) =>
        els.map((e) => e.getBoundingClientRect().height),
      );
      return (b ?? 0) - (a ?? 0);
    })
    .toBeGreaterThan(40);
});

test('an unknown data-site: the owner reads why and the fix in the console, readers a short notice', async ({
  page,
  request,
}) => {
  const url = await hostPage(request, {
    body: `<div id="parley-thread"></div><script src="${PARLEY_URL}/embed.js" data-site="no-such-site" async></script>`,
  });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await expect(page.locator('.parley-notice')).toHaveText(
    'Comments are not set up for this site yet.',
  );
  await expect(page.locator('iframe.parley-frame')).toBeHidden();
  const origin = new URL(url).origin;
  await expect
    .poll(() => errors.find((e) => e.startsWith('Parley:')))
    .toBe(
      `Parley: there is no site "no-such-site" on this Parley server, so no comments can show on ${origin}. Check data-site on the script tag, or register the site: npm run parley -- sites add no-such-site --origin ${origin} --name "My site"`,
    );
});

test('a page on an origin the site does not list: no blank box, the fix in the console', async ({
  page,
  request,
}) => {
  // The same host page server, reached as 127.0.0.1: an origin "e2e" does not list.
  const url = (await hostPage(request)).replace('//localhost:', '//127.0.0.1:');
  const registered = new URL(url.replace('//127.0.0.1:', '//localhost:')).origin;
  const origin = new URL(url).origin;
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await expect(page.locator('.parley-notice')).toHaveText(
    'Comments can’t be shown on this page’s address.',
  );
  const frame = page.locator('iframe.parley-frame');
  expect(await frame.evaluate((el) => el.getBoundingClientRect().height)).toBe(0);
  await expect
    .poll(() => errors.find((e) => e.startsWith('Parley:')))
    .toBe(
      `Parley: site "e2e" does not allow pages on ${origin} (its origins: ${registered}). Add this origin, keeping the others: npm run parley -- sites add e2e --origin ${registered} --origin ${origin}`,
    );
});

test('avatars fall back to initials when the picture cannot load', async ({ page, request }) => {
  const url = await hostPage(request);
  await seedComment(request, url, 'Offline avatar', { name: 'Grace Hopper' });
  // The reader goes offline before the picture arrives.
  await page.route(`${PARLEY_URL}/avatars/**`, (route) => route.abort('internetdisconnected'));
  await page.goto(url);
  const comment = page.frameLocator('iframe.parley-frame').getByTestId('comment');
  await expect(comment.getByText('GH', { exact: true })).toBeVisible();
  await expect(comment.locator('img')).toHaveCount(0);
});

test('"Save my details" fills the form in next time', async ({ page, request }) => {
  const url = await hostPage(request);
  await page.goto(url);
  let frame = page.frameLocator('iframe.parley-frame');
  await frame.getByRole('checkbox', { name: /Save my name, email, and website/ }).check();
  await postAsGuest(frame, 'Remember me', {
    name: 'Remy',
    email: 'remy@example.com',
    website: 'remy.example',
  });
  await expect(frame.getByTestId('comment')).toHaveCount(1);
  // The comment can arrive by the live stream before the POST's own answer,
  // which is what saves the details (and empties the box): wait for that,
  // as a reader reloading a moment later would have.
  await expect(frame.getByLabel('Comment', { exact: true })).toHaveValue('');
  await page.reload();
  frame = page.frameLocator('iframe.parley-frame');
  await expect(frame.getByLabel('Name', { exact: true })).toHaveValue('Remy');
  await expect(frame.getByLabel('Email', { exact: true })).toHaveValue('remy@example.com');
  await expect(frame.getByLabel('Website', { exact: true })).toHaveValue('remy.example');
});

test('the frame sits on the host page: its colour, auto following the page, then the system', async ({
  page,
  request,
}) => {
  const embed = (attrs: string) =>
    `<div id="parley-thread"></div><script src="${PARLEY_URL}/embed.js" data-site="e2e" ${attrs} async></script>`;
  const look = async (url: string) => {
    await page.goto(url);
    const body = page.frameLocator('iframe.parley-frame').locator('body');
    await expect(body.locator('[data-loaded="true"]')).toBeVisible();
    return body.evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, text: s.color };
    });
  };
  const LIGHT_TEXT = 'rgb(240, 240, 241)';
  const DARK_TEXT = 'rgb(30, 30, 30)';
  // A reader in dark mode on a plain white blog: a light widget, not a dark slab.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await look(await hostPage(request, { body: embed('data-theme="auto"') }))).toEqual({
    background: 'rgb(255, 255, 255)',
    text: DARK_TEXT,
  });
  expect((await look(await hostPage(request, { body: embed('data-theme="light"') }))).text).toBe(
    DARK_TEXT,
  );
  // A page that follows the system itself: auto does too.
  const follows = '<meta name="color-scheme" content="light dark">';
  expect(
    (await look(await hostPage(request, { head: follows, body: embed('data-theme="auto"') }))).text,
  ).toBe(LIGHT_TEXT);
  await page.emulateMedia({ colorScheme: 'light' });
  expect((await look(await hostPage(request, { body: embed('data-theme="dark"') }))).text).toBe(
    LIGHT_TEXT,
  );
  // A cream blog and a dark one: the frame paints exactly the page's colour.
  const cream = '<style>body { background: #f7f3ea }</style>';
  expect(await look(await hostPage(request, { head: cream, body: embed('') }))).toEqual({
    background: 'rgb(247, 243, 234)',
    text: DARK_TEXT,
  });
  const night = '<style>body { background: #111827 }</style>';
  expect(await look(await hostPage(request, { head: night, body: embed('') }))).toEqual({
    background: 'rgb(17, 24, 39)',
    text: LIGHT_TEXT,
  });
  const declared = '<style>:root { color-scheme: dark }</style>';
  expect((await look(await hostPage(request, { head: declared, body: embed('') }))).text).toBe(
    LIGHT_TEXT,
  );
});

test('the owner sets the font and accent with data-*; sign-in buttons carry each provider’s mark', async ({
  page,
  request,
}) => {
  await page.goto(
    await hostPage(request, {
      body: `<div id="parley-thread"></div><script src="${PARLEY_URL}/embed.js" data-site="e2e" data-font="Georgia, serif" data-accent="#b5472d" async></script>`,
    }),
  );
  const frame = page.frameLocator('iframe.parley-frame');
  await expect(frame.locator('[data-loaded="true"]')).toBeVisible();
  expect(await frame.locator('body').evaluate((el) => getComputedStyle(el).fontFamily)).toBe(
    'Georgia, serif',
  );
  const post = frame.getByRole('button', { name: 'Post Comment' });
  expect(
    await post.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]),
  ).toEqual(['rgb(181, 71, 45)', 'rgb(255, 255, 255)']);
  for (const name of ['WordPress.com', 'Twitter', 'Facebook']) {
    const button = frame.getByRole('button', { name: `Log in with ${name}` });
    // A drawn mark, not a letter tile; at least 24 × 24 px to hit.
    await expect(button.locator('svg path')).not.toHaveCount(0);
    await expect(button.locator('svg text')).toHaveCount(0);
    const box = await button.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(24);
    expect(box?.height).toBeGreaterThanOrEqual(24);
  }
  // No font or anything else is fetched from a third party.
  const hosts = await frame
    .locator('body')
    .evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).host));
  expect(new Set(hosts)).toEqual(new Set([new URL(PARLEY_URL).host]));
});

test('a big thread shows its first page; "Load more comments" and "Show N more replies" fetch the rest', async ({
  page,
  request,
}) => {
  const url = await hostPage(request);
  const first = await seedComment(request, url, 'Top-level number 0');
  // 102 replies under the first comment: 100 inline, 2 behind the button.
  for (let i = 0; i < 102; i++) {
    await seedComment(request, url, `Reply number ${i}`, { parentId: first });
  }
  // 51 top-level comments: the site's default page size is 50.
  for (let i = 1; i < 51; i++) await seedComment(request, url, `Top-level number ${i}`);

  await page.goto(url);
  const frame = page.frameLocator('iframe.parley-frame');
  const comments = frame.getByTestId('comment');
  await expect(frame.getByTestId('comment-count')).toHaveText('153 comments');
  await expect(comments).toHaveCount(150);
  await expect(frame.getByText('Top-level number 50', { exact: true })).toHaveCount(0);

  await frame.getByRole('button', { name: 'Show 2 more replies' }).click();
  await expect(frame.getByText('Reply number 101', { exact: true })).toBeVisible();
  await expect(frame.getByTestId('more-replies')).toHaveCount(0);

  await frame.getByRole('button', { name: 'Load more comments' }).click();
  await expect(frame.getByText('Top-level number 50', { exact: true })).toBeVisible();
  await expect(comments).toHaveCount(153);
  await expect(frame.getByTestId('load-more')).toHaveCount(0);
});
