/**
 * The demo blog's React page (demo/react): `<ParleyComments />` in a
 * single-page app. Moving between posts is client-side, so the same component
 * switches threads without a page load.
 *
 * A journey: all three engines. (WebKit once failed it here: its driver
 * left a button below the host page's fold unclicked; the adapter now
 * scrolls the page first, see e2e/engines/webkit.ts `reveal`.)
 */
import { expect, journey } from './engines/fixture.ts';
import { click, notSee, see, waitFor } from './engines/steps.ts';
import { postAsGuest, seeComment } from './journeys/reader.ts';
import { BLOG_URL } from './urls.ts';

const FIRST = { slug: 'hello-parley', title: 'Hello, Parley' };
const SECOND = { slug: 'why-comments-in-an-iframe', title: 'Why comments live in an iframe' };

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

journey(
  'on a React site, the thread follows client-side navigation between posts and back',
  async ({ open }) => {
    const { tab, engine } = await open();
    await tab.goto(`${BLOG_URL}/react/posts/${FIRST.slug}`);
    await see(tab, 'page', { role: 'heading', name: FIRST.title });
    await see(tab, 'widget', { css: '[data-loaded="true"]' });
    // Gone if anything reloads the page: navigation must stay client-side.
    await tab.evaluate('page', '() => { window.stillTheSamePage = true; }');
    /** Which thread the frame is loading: its `page` parameter. */
    const framePage = () =>
      tab.evaluate<string>(
        'page',
        `() => new URL(document.querySelector('iframe.parley-frame').src).searchParams.get('page')`,
      );

    const first = `On the first post, from ${engine} ${stamp()}`;
    await postAsGuest(tab, first);
    await seeComment(tab, first);

    // Other engines' runs post to the same demo posts at the same time, and
    // their comments arrive live in this frame: one landing in view grows the
    // frame between the driver's aim and its click, which then misses the
    // link below it (as a person's might). Aim again until the page moves on.
    await waitFor(
      'the link to the second post to be followed',
      async () => {
        await click(tab, 'page', { role: 'link', name: SECOND.title });
        return see(tab, 'page', { role: 'heading', name: SECOND.title }, 3_000).then(
          () => true,
          () => false,
        );
      },
      (followed) => followed,
      30_000,
    );
    await waitFor('the frame loads the second post’s thread', framePage, (page) =>
      page.endsWith(`/react/posts/${SECOND.slug}`),
    );
    await see(tab, 'widget', { css: '[data-loaded="true"]' });
    await notSee(tab, 'widget', { testId: 'comment', hasText: first });
    const second = `On the second post, from ${engine} ${stamp()}`;
    await postAsGuest(tab, second);
    await seeComment(tab, second);

    // Back, as the browser's button does it (popstate).
    await tab.evaluate('page', '() => history.back()');
    await see(tab, 'page', { role: 'heading', name: FIRST.title });
    await seeComment(tab, first);
    await notSee(tab, 'widget', { testId: 'comment', hasText: second });
    expect(await framePage()).toMatch(new RegExp(`/react/posts/${FIRST.slug}$`));
    expect(await tab.evaluate('page', '() => window.stillTheSamePage === true')).toBe(true);
    expect(await tab.evaluate('page', '() => document.querySelectorAll("iframe").length')).toBe(1);
  },
);
