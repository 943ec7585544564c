/**
 * The reader's journeys, run in Chromium, Firefox and WebKit (one project
 * each in playwright.config.ts). Steps come from ./reader.ts.
 */
import { expect, journey } from '../engines/fixture.ts';
import { click, fill, notSee, see, seeValue } from '../engines/steps.ts';
import { hostPage } from '../fixtures.ts';
import {
  expectNothingSecretOnHostPage,
  openThread,
  PROVIDERS,
  postAsGuest,
  reloadAndCheckSession,
  seeComment,
  seeSignedOut,
  signedInLine,
  signInWithPopup,
  thirdPartyCookieSticks,
  worksToday,
} from './reader.ts';

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

journey('a guest posts a comment and finds it after a reload', async ({ open, request }) => {
  const session = await open();
  const { tab, engine } = session;
  const url = await hostPage(request);
  await openThread(tab, url);
  const text = `A guest in ${engine} says hello ${stamp()}`;
  await postAsGuest(tab, text);
  await seeComment(tab, text);
  await seeValue(tab, 'widget', { label: 'Comment' }, '');
  await tab.reload();
  await see(tab, 'widget', { css: '[data-loaded="true"]' });
  await seeComment(tab, text);
  // And in another tab of the same browser.
  const other = await session.newTab();
  await openThread(other, url);
  await seeComment(other, text);
});

for (const provider of PROVIDERS) {
  journey(
    `signs in with ${provider.label} by popup and posts as that account`,
    async ({ open, request }) => {
      const session = await open();
      const { tab } = session;
      await openThread(tab, await hostPage(request));
      const draft = `Typed before signing in with ${provider.label} ${stamp()}`;
      await fill(tab, 'widget', { label: 'Comment' }, draft);
      await signInWithPopup(session, provider, 'Grace Hopper');
      await see(tab, 'widget', signedInLine(provider));
      await seeValue(tab, 'widget', { label: 'Comment' }, draft);
      await notSee(tab, 'widget', { label: 'Email' });
      await click(tab, 'widget', { role: 'button', name: 'Post Comment' });
      // The comment carries the account's name, then the text.
      await see(tab, 'widget', {
        testId: 'comment',
        hasText: new RegExp(`Grace Hopper.*${draft}`),
      });
      await reloadAndCheckSession(session, provider);
    },
  );
}

for (const cookies of ['default', 'blocked'] as const) {
  journey(
    cookies === 'blocked'
      ? 'third-party cookies and popup blocked: the redirect fallback signs in, the session survives a reload'
      : 'popup blocked: sign-in goes by redirect and comes back signed in, draft kept',
    async ({ open, request }) => {
      const session = await open({ thirdPartyCookies: cookies });
      const { tab } = session;
      const url = await hostPage(request);
      await openThread(tab, url);
      if (cookies === 'blocked')
        expect(await thirdPartyCookieSticks(tab), 'the engine blocks third-party cookies').toBe(
          false,
        );
      // What a popup blocker does: window.open gives nothing, in the page and the frame.
      for (const where of ['page', 'widget'] as const)
        await tab.evaluate(where, '() => { window.open = () => null; }');
      const draft = `Draft across a redirect ${stamp()}`;
      await fill(tab, 'widget', { label: 'Comment' }, draft);
      await click(tab, 'widget', { role: 'button', name: 'Log in with Twitter' });
      await click(tab, 'page', { role: 'button', name: /^Continue as Ada Lovelace\b/ });
      await see(tab, 'widget', { css: '[data-loaded="true"]' });
      expect(await tab.url()).toBe(url);
      const works = worksToday(
        session,
        cookies === 'blocked' ? 'redirectSignsInWhenBlocked' : 'redirectSignsIn',
      );
      if (works) await see(tab, 'widget', signedInLine(PROVIDERS[1]));
      else await seeSignedOut(tab, PROVIDERS[1]);
      await seeValue(tab, 'widget', { label: 'Comment' }, draft);
      if (works && cookies === 'blocked') {
        await expectNothingSecretOnHostPage(tab);
        await reloadAndCheckSession(session, PROVIDERS[1]);
      }
    },
  );
}

journey(
  'third-party cookies blocked: popup sign-in completes and survives a reload; another tab',
  async ({ open, request }) => {
    const session = await open({ thirdPartyCookies: 'blocked' });
    const { tab } = session;
    const url = await hostPage(request);
    await openThread(tab, url);
    expect(await thirdPartyCookieSticks(tab), 'the engine blocks third-party cookies').toBe(false);
    await signInWithPopup(session, PROVIDERS[0], 'Ada Lovelace');
    await see(tab, 'widget', signedInLine(PROVIDERS[0]));
    await expectNothingSecretOnHostPage(tab);
    await reloadAndCheckSession(session, PROVIDERS[0]);
    const other = await session.newTab();
    await openThread(other, url);
    if (worksToday(session, 'newTabKeepsSessionWhenBlocked'))
      await see(other, 'widget', signedInLine(PROVIDERS[0]));
    else await seeSignedOut(other, PROVIDERS[0]);
  },
);
