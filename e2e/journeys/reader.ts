/**
 * A reader's steps, written once for every engine: they speak only the
 * driver interface (e2e/engines/driver.ts) and the shared waits
 * (e2e/engines/steps.ts).
 */

import type { EngineName, Session, Tab } from '../engines/driver.ts';
import { expect } from '../engines/fixture.ts';
import { click, fill, neverSee, see } from '../engines/steps.ts';

export const PROVIDERS = [
  { id: 'wordpress', label: 'WordPress.com' },
  { id: 'twitter', label: 'Twitter' },
  { id: 'facebook', label: 'Facebook' },
] as const;
export type Provider = (typeof PROVIDERS)[number];

/**
 * Where each sign-in outcome holds today, per engine. Each engine keeps the
 * session where its blocking allows (docs/security.md, "What survives
 * where" in the README): Chromium in a partitioned cookie, WebKit in the
 * frame's partitioned localStorage, Firefox blocking all third-party cookies
 * in the frame's sessionStorage. When an engine stops getting somewhere,
 * take it off the line concerned: the journeys then assert the gap (the
 * reader is signed out), so the day it works again, the line to change is
 * what fails.
 */
export const WORKS_TODAY: Record<
  | 'reloadKeepsSession'
  | 'reloadKeepsSessionWhenBlocked'
  | 'redirectSignsIn'
  | 'redirectSignsInWhenBlocked'
  | 'newTabKeepsSessionWhenBlocked',
  readonly EngineName[]
> = {
  /** A signed-in reader is still signed in after a reload. */
  reloadKeepsSession: ['chromium', 'firefox', 'webkit'],
  /** The same, with the engine's third-party cookie blocking on. */
  reloadKeepsSessionWhenBlocked: ['chromium', 'firefox', 'webkit'],
  /** Popup blocked: the redirect fallback comes back signed in. */
  redirectSignsIn: ['chromium', 'firefox', 'webkit'],
  /** The same, with the engine's third-party cookie blocking on. */
  redirectSignsInWhenBlocked: ['chromium', 'firefox', 'webkit'],
  /**
   * Blocking on, signed in: another tab of the same browser finds the reader
   * signed in too. Not Firefox: blocking all third-party cookies leaves the
   * frame only sessionStorage, which belongs to one tab (docs/security.md).
   */
  newTabKeepsSessionWhenBlocked: ['chromium', 'webkit'],
};

/** Whether `outcome` works today in this session's engine (see WORKS_TODAY). */
export const worksToday = (session: Session, outcome: keyof typeof WORKS_TODAY): boolean =>
  WORKS_TODAY[outcome].includes(session.engine);

/** Opens `url` and waits for the widget to say it has loaded. */
export async function openThread(tab: Tab, url: string): Promise<void> {
  await tab.goto(url);
  await see(tab, 'widget', { css: '[data-loaded="true"]' });
}

/** Types `text` and the guest details into the widget's form and posts it. */
export async function postAsGuest(
  tab: Tab,
  text: string,
  who = { name: 'Ada Reader', email: 'ada@example.com' },
): Promise<void> {
  await fill(tab, 'widget', { label: 'Comment' }, text);
  await fill(tab, 'widget', { label: 'Email' }, who.email);
  await fill(tab, 'widget', { label: 'Name' }, who.name);
  await click(tab, 'widget', { role: 'button', name: 'Post Comment' });
}

/** Waits until the widget shows the reader's comment `text`. */
export function seeComment(tab: Tab, text: string) {
  return see(tab, 'widget', { testId: 'comment', hasText: text });
}

/** The widget's line for a reader signed in with `provider`. */
export const signedInLine = (provider: Provider) => ({
  text: `You are commenting using your ${provider.label} account`,
});

/**
 * Clicks "Log in with …" in the widget and picks `user` on the sandbox
 * provider's page in the popup; resolves with the popup.
 */
export async function signInWithPopup(
  session: Session,
  provider: Provider,
  user: string,
): Promise<Tab> {
  const { tab } = session;
  const popup = await session.waitForPopup(() =>
    click(tab, 'widget', { role: 'button', name: `Log in with ${provider.label}` }),
  );
  await see(tab, 'widget', { text: `Connecting to ${provider.label}…` });
  await click(popup, 'page', { role: 'button', name: new RegExp(`^Continue as ${user}\\b`) });
  return popup;
}

/**
 * Where a known gap (WORKS_TODAY) still holds: the reader finds the sign-in
 * buttons, not their account. If this fails because the reader IS signed
 * in, add the engine to WORKS_TODAY.
 */
export async function seeSignedOut(tab: Tab, provider: Provider): Promise<void> {
  await see(tab, 'widget', { role: 'button', name: `Log in with ${provider.label}` });
  // The widget restores a session after it has loaded: give it the time to.
  await neverSee(tab, 'widget', signedInLine(provider));
}

/**
 * Reloads and checks what a reader finds: still signed in with `provider`
 * where the engine keeps the session (WORKS_TODAY), else signed out.
 */
export async function reloadAndCheckSession(session: Session, provider: Provider): Promise<void> {
  const { tab } = session;
  await tab.reload();
  await see(tab, 'widget', { css: '[data-loaded="true"]' });
  const keeps = worksToday(
    session,
    session.options.thirdPartyCookies === 'blocked'
      ? 'reloadKeepsSessionWhenBlocked'
      : 'reloadKeepsSession',
  );
  if (keeps) await see(tab, 'widget', signedInLine(provider));
  else await seeSignedOut(tab, provider);
}

/**
 * Whether a plain (unpartitioned) cookie set inside the widget's frame
 * sticks: false when the engine blocks third-party cookies.
 */
export function thirdPartyCookieSticks(tab: Tab): Promise<boolean> {
  return tab.evaluate<boolean>(
    'widget',
    `() => {
      const name = 'parley_probe_' + Math.random().toString(36).slice(2);
      document.cookie = name + '=1; Path=/; SameSite=None; Secure';
      const stuck = document.cookie.includes(name + '=1');
      document.cookie = name + '=; Path=/; Max-Age=0; SameSite=None; Secure';
      return stuck;
    }`,
  );
}

/**
 * What a script on the host page could find after a sign-in: the host's own
 * storage, cookies and address. None of it may hold the refresh token the
 * widget keeps in its own storage (localStorage in WebKit, sessionStorage in
 * Firefox blocking third-party cookies; Chromium's is an HttpOnly cookie no
 * script reads), nor any session key.
 */
export async function expectNothingSecretOnHostPage(tab: Tab, site = 'e2e'): Promise<void> {
  const key = `parley:session:${site}`;
  const kept = await tab.evaluate<string | null>(
    'widget',
    `(key) => {
      const read = (store) => { try { return store().getItem(key); } catch { return null; } };
      return read(() => localStorage) ?? read(() => sessionStorage);
    }`,
    [key],
  );
  const host = await tab.evaluate<string>(
    'page',
    `() => {
      const dump = (store) => { try { const s = store(); return Object.keys(s).map((k) => k + '=' + s.getItem(k)).join('\\n'); } catch { return ''; } };
      return [dump(() => localStorage), dump(() => sessionStorage), document.cookie, location.href].join('\\n');
    }`,
  );
  expect(host).not.toContain(key);
  if (kept) expect(host).not.toContain(kept);
}
