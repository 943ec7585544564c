/**
 * Accessibility, measured in every engine (issue 11): axe-core on each state
 * of the widget a reader meets and on each page of the dashboard, zero
 * violations of any impact (WCAG 2.2 A/AA and axe's best practices). Each
 * check prints how many rules it applied.
 */
import { ar as dashboardAr } from '../../contract/i18n/dashboard/ar.ts';
import { ar } from '../../contract/i18n/reader/ar.ts';
import { expectAccessible } from '../engines/axe.ts';
import { expect, journey } from '../engines/fixture.ts';
import { click, fill, see } from '../engines/steps.ts';
import { hostPage, PARLEY_URL, SNIPPET, seedComment } from '../fixtures.ts';
import { OWNER } from '../urls.ts';
import { openThread, PROVIDERS, postAsGuest, signedInLine, signInWithPopup } from './reader.ts';

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const snippet = (attrs: string) =>
  `<div id="parley-thread"></div><script src="${PARLEY_URL}/embed.js" ${attrs} async></script>`;

journey('the widget with replies, in edit, and dark, passes axe', async ({ open, request }) => {
  const { tab, engine } = await open();
  const url = await hostPage(request);
  const first = await seedComment(request, url, 'A first thought, with **bold** words', {
    name: 'Alice Liddell',
  });
  await seedComment(request, url, 'A reply to it', { parentId: first, name: 'Bob Reply' });
  await openThread(tab, url);
  await see(tab, 'widget', { testId: 'comment', hasText: 'A reply to it' });
  await expectAccessible(tab, 'widget', 'thread with replies', engine);
  await click(tab, 'widget', { role: 'button', name: 'Reply to Bob Reply' });
  await see(tab, 'widget', { testId: 'comment-form', hasText: 'Reply to Bob Reply' });
  await expectAccessible(tab, 'widget', 'reply form open', engine);

  await click(tab, 'widget', { role: 'button', name: 'Cancel reply' });
  const text = `Mine to edit ${stamp()}`;
  await postAsGuest(tab, text);
  await see(tab, 'widget', { testId: 'comment', hasText: text });
  await click(tab, 'widget', { role: 'button', name: 'Edit your comment' });
  await see(tab, 'widget', { testId: 'edit-form' });
  await expectAccessible(tab, 'widget', 'edit', engine);

  const dark = await hostPage(request, { body: snippet('data-site="e2e" data-theme="dark"') });
  await seedComment(request, dark, 'Seen in the dark', { name: 'Night Owl' });
  await openThread(tab, dark);
  await see(tab, 'widget', { testId: 'comment', hasText: 'Seen in the dark' });
  await expectAccessible(tab, 'widget', 'dark theme', engine);

  // A cream page like the demo blog's: the frame paints the page's own colour.
  const cream = await hostPage(request, { head: '<style>body{background:#f7f3ea}</style>' });
  await openThread(tab, cream);
  await expectAccessible(tab, 'widget', 'on a cream page', engine);
});

journey('the widget in Arabic is right-to-left and passes axe', async ({ open, request }) => {
  const { tab, engine } = await open();
  const url = await hostPage(request, { body: snippet('data-site="e2e" data-lang="ar"') });
  const first = await seedComment(request, url, 'تعليق أول', { name: 'ليلى' });
  await seedComment(request, url, 'ردّ عليه', { parentId: first, name: 'سامي' });
  await openThread(tab, url);
  // The frame's document speaks Arabic, right to left, in the reader's words.
  await see(tab, 'widget', { css: 'html[lang="ar"][dir="rtl"] [data-loaded="true"]' });
  await see(tab, 'widget', { role: 'heading', name: String(ar['form.leave']) });
  // The host page's iframe is named in the reader's language too.
  await see(tab, 'page', { css: `iframe.parley-frame[title="${ar['frame.title']}"]` });
  await see(tab, 'widget', { testId: 'comment', hasText: 'ردّ عليه' });
  // Mirrored: the reply steps in from the right, under its parent.
  const edges = await tab.evaluate<{ parent: number; reply: number }>(
    'widget',
    `() => {
      const [parent, reply] = [...document.querySelectorAll('[data-testid="comment"]')];
      return { parent: parent.getBoundingClientRect().right, reply: reply.getBoundingClientRect().right };
    }`,
  );
  expect(edges.reply).toBeLessThan(edges.parent - 20);
  await expectAccessible(tab, 'widget', 'Arabic (rtl) thread with replies', engine);
  // An empty submit: the problems, in Arabic, beside their fields.
  await click(tab, 'widget', { role: 'button', name: String(ar['form.post']) });
  await see(tab, 'widget', { css: '[aria-invalid="true"]' });
  await expectAccessible(tab, 'widget', 'Arabic (rtl) form with errors', engine);
});

journey('awaiting moderation, and signed in, pass axe', async ({ open, request }) => {
  const session = await open();
  const { tab, engine } = session;
  await openThread(tab, await hostPage(request, { body: snippet('data-site="moderated"') }));
  const text = `Held for a moderator ${stamp()}`;
  await postAsGuest(tab, text, { name: `Held ${stamp()}`, email: `held-${stamp()}@example.com` });
  await see(tab, 'widget', { testId: 'awaiting-moderation' });
  await see(tab, 'widget', { testId: 'announcer', hasText: /awaiting moderation/ });
  await see(tab, 'widget', { testId: 'comment-count', hasText: 'Comments' });
  await expectAccessible(tab, 'widget', 'awaiting moderation', engine);

  await openThread(tab, await hostPage(request, { body: SNIPPET }));
  await signInWithPopup(session, PROVIDERS[0], 'Grace Hopper');
  await see(tab, 'widget', signedInLine(PROVIDERS[0]));
  await expectAccessible(tab, 'widget', 'signed in', engine);
});

journey('the dashboard’s pages pass axe', async ({ open }) => {
  const { tab, engine } = await open();
  await tab.goto(`${PARLEY_URL}/admin`);
  await see(tab, 'page', { label: 'Email' });
  await expectAccessible(tab, 'page', 'dashboard: sign-in', engine);
  await fill(tab, 'page', { label: 'Email' }, OWNER.email);
  await fill(tab, 'page', { label: 'Password' }, OWNER.password);
  await click(tab, 'page', { role: 'button', name: 'Sign in' });
  await see(tab, 'page', { role: 'tablist', name: 'Comment status' });
  await expectAccessible(tab, 'page', 'dashboard: queue', engine);
  await click(tab, 'page', { role: 'tab', name: /^All/ });
  await see(tab, 'page', { css: '[role="tab"][aria-selected="true"]', hasText: 'All' });
  await expectAccessible(tab, 'page', 'dashboard: all comments', engine);
  await click(tab, 'page', { role: 'link', name: 'Settings' });
  await see(tab, 'page', { role: 'button', name: 'Save settings' });
  await expectAccessible(tab, 'page', 'dashboard: settings', engine);
  await click(tab, 'page', { role: 'link', name: 'Moderators' });
  await see(tab, 'page', { text: OWNER.email });
  await expectAccessible(tab, 'page', 'dashboard: moderators', engine);

  // In Arabic, from the header's language picker: right to left, mirrored.
  const choose = (locale: string) =>
    tab.evaluate(
      'page',
      `(locale) => {
        const picker = document.querySelector('.language-picker select');
        picker.value = locale;
        picker.dispatchEvent(new Event('change', { bubbles: true }));
      }`,
      [locale],
    );
  await choose('ar');
  await see(tab, 'page', { css: 'html[lang="ar"][dir="rtl"] [data-loaded="true"]' });
  await see(tab, 'page', { role: 'heading', name: String(dashboardAr['members.heading']) });
  await expectAccessible(tab, 'page', 'dashboard: moderators in Arabic (rtl)', engine);
  await click(tab, 'page', { role: 'link', name: String(dashboardAr['header.moderation']) });
  await see(tab, 'page', { role: 'tablist', name: String(dashboardAr['queue.statuses']) });
  await expectAccessible(tab, 'page', 'dashboard: queue in Arabic (rtl)', engine);
  // The choice is remembered in this browser: back to English for what follows.
  await choose('en');
  await see(tab, 'page', { css: 'html[lang="en"][dir="ltr"] [data-loaded="true"]' });
});
