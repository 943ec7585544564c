/**
 * Issue 8 §1 and §2 in Chromium, Firefox and WebKit: the attacker who
 * forwards a sign-in link gets nothing, in every engine; the popup closes
 * itself after consent and after a refusal. (The Chromium-only specs add the
 * severed opener and the provider link: they need Playwright's routing.)
 */
import { attackerTicket } from '../attacker.ts';
import { expect, journey } from '../engines/fixture.ts';
import { click, see, waitFor } from '../engines/steps.ts';
import { hostPage, PARLEY_URL } from '../fixtures.ts';
import { openThread, PROVIDERS, signedInLine, signInWithPopup } from './reader.ts';

for (const provider of PROVIDERS) {
  journey(
    `a forwarded ${provider.label} start link stops at Parley’s page in the victim’s browser`,
    async ({ open, request }) => {
      const { startUrl, poll } = await attackerTicket(request, 'e2e', provider.id);
      const victim = await open();
      await victim.tab.goto(startUrl);
      await see(victim.tab, 'page', {
        testId: 'auth-message',
        hasText: 'start signing in from the comment form',
      });
      expect(new URL(await victim.tab.url()).origin).toBe(PARLEY_URL);
      expect(await poll()).toBe(202);
    },
  );
}

for (const cookies of ['default', 'blocked'] as const) {
  journey(
    `a forwarded redirect-mode link is refused, and its starter can’t poll it (third-party cookies ${cookies})`,
    async ({ open, request }) => {
      const { startUrl, poll } = await attackerTicket(
        request,
        'e2e',
        'twitter',
        await hostPage(request),
      );
      const victim = await open({ thirdPartyCookies: cookies });
      await victim.tab.goto(startUrl);
      await see(victim.tab, 'page', { testId: 'auth-message', hasText: 'comment form' });
      expect(await poll()).toBe(403);
    },
  );
}

journey(
  'third-party cookies blocked: a victim signed in on the blog opens a forwarded start link in the same tab; the attacker gets nothing',
  async ({ open, request }) => {
    const victim = await open({ thirdPartyCookies: 'blocked' });
    const { tab } = victim;
    await openThread(tab, await hostPage(request));
    await signInWithPopup(victim, PROVIDERS[1], 'Grace Hopper');
    await see(tab, 'widget', signedInLine(PROVIDERS[1]));
    // The session the frame keeps (its own storage in Firefox and WebKit)
    // is one tab away from the attacker's link: it must not finish it.
    const { startUrl, poll } = await attackerTicket(request, 'e2e', 'twitter');
    await tab.goto(startUrl);
    await see(tab, 'page', {
      testId: 'auth-message',
      hasText: 'start signing in from the comment form',
    });
    expect(await poll()).toBe(202);
  },
);

journey('the popup closes itself after consent and after a refusal', async ({ open, request }) => {
  const session = await open();
  const { tab } = session;
  await openThread(tab, await hostPage(request));
  const facebook = PROVIDERS[2];
  const refused = await session.waitForPopup(() =>
    click(tab, 'widget', { role: 'button', name: `Log in with ${facebook.label}` }),
  );
  await click(refused, 'page', { role: 'button', name: 'Cancel' });
  await see(tab, 'widget', { text: `You cancelled signing in with ${facebook.label}.` });
  await waitFor('the refused popup to close itself', () => refused.isClosed(), Boolean);
  const popup = await signInWithPopup(session, PROVIDERS[1], 'Grace Hopper');
  await see(tab, 'widget', signedInLine(PROVIDERS[1]));
  await waitFor('the popup to close itself', () => popup.isClosed(), Boolean);
});
