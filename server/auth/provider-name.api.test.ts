/**
 * A name typed at the provider reaches the reader's own "You are commenting
 * as …" line (the redeemed session's identity), /me and their bylines. X
 * allows U+202E in a display name: it must lose its bidi controls on the way
 * in, through the real provider sign-in, for every provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test/test-server.ts';
import type { ProviderId } from './auth.types.ts';
import {
  Browser,
  consent,
  pkce,
  type SignInWorld,
  startSignInWorld,
} from './test/sign-in-harness.ts';

// U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LEFT-TO-RIGHT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE.
const SPOOFED = { id: '4242', name: 'Grace \u202Egnp.exe\u2066\u2069', username: 'gr\u202Eace' };
const ONLY_CONTROLS = { id: '4343', name: '\u202E\u2066 ', username: 'ada' };
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

let world: SignInWorld;

/** The whole popup sign-in of `user` in one browser, up to the redeemed session. */
async function signIn(provider: ProviderId, user: string) {
  const reader = new Browser(world.parleyUrl);
  const { verifier, challenge } = pkce();
  const created = await reader.api('/auth/tickets', { site: 'blog', provider, challenge });
  const { ticket, startUrl } = (await created.json()) as { ticket: string; startUrl: string };
  await reader.fetch(startUrl);
  const bind = await reader.fetch(`${world.parleyUrl}/auth/${provider}/bind`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: world.parleyUrl },
    body: JSON.stringify({ ticket, verifier }),
  });
  expect(bind.status).toBe(204);
  const go = await reader.fetch(startUrl);
  const result = await reader.fetch(await consent(go.headers.get('location') ?? '', user));
  const code = /"code":"([A-Za-z0-9_-]{43})"/.exec(await result.text())?.[1] ?? '';
  const redeemed = await reader.api('/auth/redeem', { ticket, verifier, code });
  expect(redeemed.status).toBe(200);
  return (await redeemed.json()) as { accessToken: string; identity: { name: string } };
}

describe.each(DIALECTS)('provider names on %s', (dialect) => {
  beforeAll(async () => {
    world = await startSignInWorld(dialect, { users: [SPOOFED, ONLY_CONTROLS] });
  });
  afterAll(() => world?.stop());

  describe.each(['wordpress', 'twitter', 'facebook'] as const)('%s', (provider) => {
    it('shows the reader their own name without bidi controls, at sign-in and at /me', async () => {
      const { accessToken, identity } = await signIn(provider, SPOOFED.id);
      expect(identity.name).toBe('Grace gnp.exe');
      const me = await fetch(`${world.parleyUrl}/api/v1/me`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      const shown = (await me.json()) as { identity: { name: string } };
      expect(shown.identity.name).toBe('Grace gnp.exe');
      const row = await world.parley.parley.db
        .selectFrom('identities')
        .select(['display_name', 'username'])
        .where('provider', '=', provider)
        .where('provider_user_id', '=', SPOOFED.id)
        .executeTakeFirstOrThrow();
      expect(row.display_name).not.toMatch(BIDI);
      expect(row.username ?? '').not.toMatch(BIDI);
    });

    it('a name made only of bidi controls is not shown as an empty name', async () => {
      const { identity } = await signIn(provider, ONLY_CONTROLS.id);
      expect(identity.name.trim()).not.toBe('');
      expect(identity.name).not.toMatch(BIDI);
    });
  });
});
