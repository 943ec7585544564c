/**
 * Issue 8 §1, played by the attacker: someone creates a login ticket (they
 * hold its verifier), gets a victim's browser to run part of the sign-in
 * (a forwarded start link, a forwarded provider link, a forwarded redirect
 * link), and tries to redeem the victim's identity. Every mode, every
 * provider; each attempt must leave the attacker with nothing. The last test
 * of each provider shows the legitimate flow still works end to end.
 */
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test/test-server.ts';
import type { ProviderId } from './auth.types.ts';
import {
  Browser,
  consent,
  pkce,
  SAMPLE_USER,
  type SignInWorld,
  startSignInWorld,
} from './test/sign-in-harness.ts';

let world: SignInWorld;
let url: string;

/** The attacker's ticket, created through the public API like any widget would. */
async function attackerTicket(provider: ProviderId, returnUrl?: string) {
  const attacker = new Browser(url);
  const { verifier, challenge } = pkce();
  const res = await attacker.api('/auth/tickets', {
    site: 'blog',
    provider,
    challenge,
    ...(returnUrl && { returnUrl }),
  });
  expect(res.status).toBe(201);
  const { ticket, startUrl } = (await res.json()) as { ticket: string; startUrl: string };
  /**
   * The attacker polls redeem with the verifier, hoping someone finished it:
   * as a widget whose cookies stick, and as one in a browser blocking
   * third-party cookies (`keep: "body"`, the refresh token in the answer).
   * Both must get the same nothing.
   */
  const poll = async (code?: string) => {
    const body = { ticket, verifier, ...(code && { code }) };
    const asCookie = await attacker.api('/auth/redeem', body);
    const asBlocked = await attacker.api('/auth/redeem', { ...body, keep: 'body' });
    expect(asBlocked.status).toBe(asCookie.status);
    expect(await asBlocked.text()).not.toContain('refreshToken');
    return asCookie;
  };
  return { attacker, ticket, verifier, startUrl, poll };
}

async function ticketRow(id: string) {
  return world.parley.parley.db
    .selectFrom('login_tickets')
    .select(['status', 'binding_hash', 'identity_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** Runs the bind page's script with a given opener; returns what it did. */
async function runBindPage(html: string, csp: string, opener: unknown) {
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  const script = html.split(`<script nonce="${nonce}">`)[1]?.split('</script>')[0] ?? '';
  const status = { textContent: '' };
  const listeners: ((event: unknown) => void)[] = [];
  const fetched: { url: string; body: unknown }[] = [];
  const replaced: string[] = [];
  runInNewContext(script, {
    window: {
      opener,
      addEventListener: (_: string, fn: (event: unknown) => void) => listeners.push(fn),
    },
    document: { querySelector: () => status },
    setTimeout: () => 0,
    clearTimeout: () => {},
    JSON,
    location: { replace: (to: string) => replaced.push(to) },
    fetch: (to: string, init: { body: string }) => {
      fetched.push({ url: to, body: JSON.parse(init.body) });
      return Promise.resolve({ status: 204 });
    },
  });
  const deliver = (event: unknown) => {
    for (const fn of listeners) fn(event);
  };
  return { status, fetched, replaced, deliver };
}

describe.each(DIALECTS)('on %s', (dialect) => {
  beforeAll(async () => {
    world = await startSignInWorld(dialect);
    url = world.parleyUrl;
  });
  afterAll(() => world?.stop());

  describe.each(['wordpress', 'twitter', 'facebook'] as const)(
    'attacks on %s sign-in',
    (provider) => {
      it('popup mode: a forwarded start link never reaches the provider in the victim’s browser', async () => {
        const { ticket, startUrl, poll } = await attackerTicket(provider);
        const victim = new Browser(url);
        const page = await victim.fetch(startUrl);
        expect(page.status).toBe(200);
        expect(page.headers.get('location')).toBeNull();
        const html = await page.text();
        // No opener (a link opened from mail or chat): the page says where to start, and binds nothing.
        const alone = await runBindPage(
          html,
          page.headers.get('content-security-policy') ?? '',
          null,
        );
        expect(alone.status.textContent).toMatch(/start signing in from the comment form/);
        expect(alone.fetched).toEqual([]);
        // An opener on another origin (the attacker's page opened the link) never
        // gets the request: it is addressed to Parley's origin only.
        const posted: { targetOrigin: string }[] = [];
        const foreignOpener = {
          postMessage: (_m: unknown, targetOrigin: string) => posted.push({ targetOrigin }),
        };
        const withOpener = await runBindPage(
          html,
          page.headers.get('content-security-policy') ?? '',
          foreignOpener,
        );
        expect(posted).toEqual([{ targetOrigin: new URL(url).origin }]);
        // Forged proofs: from another window, from another origin, for another ticket.
        const proof = { parley: { type: 'bindProof', ticket, verifier: 'x'.repeat(43) } };
        withOpener.deliver({ source: {}, origin: new URL(url).origin, data: proof });
        withOpener.deliver({ source: foreignOpener, origin: 'https://evil.example', data: proof });
        withOpener.deliver({
          source: foreignOpener,
          origin: new URL(url).origin,
          data: { parley: { ...proof.parley, ticket: 'other' } },
        });
        expect(withOpener.fetched).toEqual([]);
        // Going on to start again in the victim's browser still shows the bind page.
        expect((await victim.fetch(startUrl)).status).toBe(200);
        expect((await poll()).status).toBe(202);
        expect(await ticketRow(ticket)).toMatchObject({ status: 'pending', binding_hash: null });
      });

      it('opener severed mode: a forwarded provider link fails at the victim’s callback', async () => {
        const { attacker, ticket, verifier, startUrl, poll } = await attackerTicket(provider);
        // The attacker binds in their own browser and takes the provider's URL.
        const bound = await attacker.fetch(`${url}/auth/${provider}/bind`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: new URL(url).origin },
          body: JSON.stringify({ ticket, verifier }),
        });
        expect(bound.status).toBe(204);
        const authorize = (await attacker.fetch(startUrl)).headers.get('location') ?? '';
        expect(authorize).toMatch(/^http:\/\/127\.0\.0\.1/);
        // The victim approves there; the provider sends them to Parley's callback.
        const callback = await consent(authorize, SAMPLE_USER[provider]);
        const victim = new Browser(url);
        const refused = await victim.fetch(callback);
        expect(refused.status).toBe(400);
        expect(await refused.text()).not.toContain('loginResult');
        // A victim mid-sign-in of their own has a binding cookie, for another ticket.
        const own = pkce();
        const ownTicket = await victim.api('/auth/tickets', {
          site: 'blog',
          provider,
          challenge: own.challenge,
        });
        const { ticket: victimTicket } = (await ownTicket.json()) as { ticket: string };
        await victim.fetch(`${url}/auth/${provider}/bind`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: new URL(url).origin },
          body: JSON.stringify({ ticket: victimTicket, verifier: own.verifier }),
        });
        victim.cookies.set(
          'parley_bind',
          `${ticket}.${victim.cookies.get('parley_bind')?.split('.')[1]}`,
        );
        const mixed = await victim.fetch(callback);
        expect(mixed.status).toBe(403);
        // Nothing to redeem: the attacker's polling stays pending.
        expect((await poll()).status).toBe(202);
        expect(await ticketRow(ticket)).toMatchObject({ status: 'pending', identity_id: null });
      });

      it('redirect mode: a forwarded start link is refused, and a code without its verifier is worthless', async () => {
        const returnUrl = 'https://blog.example/posts/hello';
        const { ticket, startUrl, poll } = await attackerTicket(provider, returnUrl);
        const victim = new Browser(url);
        // Opened from mail or typed: Sec-Fetch-Site none.
        expect(
          (await victim.fetch(startUrl, { headers: { 'sec-fetch-site': 'none' } })).status,
        ).toBe(403);
        // Linked from the attacker's own site.
        const linked = await victim.fetch(startUrl, {
          headers: { 'sec-fetch-site': 'cross-site', referer: 'https://evil.example/win-a-prize' },
        });
        expect(linked.status).toBe(403);
        expect(await ticketRow(ticket)).toMatchObject({ status: 'pending', binding_hash: null });
        // A browser that sends neither header (defence in depth only): it runs,
        // and the victim lands back on the blog with the code in the fragment.
        const go = await victim.fetch(startUrl);
        expect(go.status).toBe(302);
        const back = await victim.fetch(
          await consent(go.headers.get('location') ?? '', SAMPLE_USER[provider]),
        );
        expect(back.status).toBe(303);
        const landed = new URL(back.headers.get('location') ?? '');
        expect(landed.origin).toBe('https://blog.example');
        const code = landed.hash.split('.')[1] ?? '';
        // The attacker has the verifier but not the code: polling is refused.
        const polled = await poll();
        expect(polled.status).toBe(403);
        expect(((await polled.json()) as { error: { code: string } }).error.code).toBe(
          'invalid_verifier',
        );
        // The victim's widget has the code but no verifier for this ticket.
        const guessed = await victim.api('/auth/redeem', {
          ticket,
          code,
          verifier: pkce().verifier,
        });
        expect(guessed.status).toBe(403);
        expect((await victim.api('/auth/redeem', { ticket, code })).status).toBe(403);
        expect((await ticketRow(ticket)).status).toBe('complete');
      });

      it('the legitimate popup flow: bind, consent, code, redeem once; no replay', async () => {
        const reader = new Browser(url);
        const { verifier, challenge } = pkce();
        const created = await reader.api('/auth/tickets', { site: 'blog', provider, challenge });
        const { ticket, startUrl } = (await created.json()) as { ticket: string; startUrl: string };
        const page = await reader.fetch(startUrl);
        const opener = { postMessage: () => {} };
        const bindPage = await runBindPage(
          await page.text(),
          page.headers.get('content-security-policy') ?? '',
          opener,
        );
        bindPage.deliver({
          source: opener,
          origin: new URL(url).origin,
          data: { parley: { type: 'bindProof', ticket, verifier } },
        });
        expect(bindPage.fetched).toEqual([
          { url: `${url}/auth/${provider}/bind`, body: { ticket, verifier } },
        ]);
        // Spoofed origin or a wrong verifier can't bind it for someone else.
        const spoofed = await new Browser(url).fetch(`${url}/auth/${provider}/bind`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
          body: JSON.stringify({ ticket, verifier }),
        });
        expect(spoofed.status).toBe(403);
        const wrong = await new Browser(url).fetch(`${url}/auth/${provider}/bind`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: new URL(url).origin },
          body: JSON.stringify({ ticket, verifier: pkce().verifier }),
        });
        expect(wrong.status).toBe(403);
        const bind = await reader.fetch(`${url}/auth/${provider}/bind`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: new URL(url).origin },
          body: JSON.stringify({ ticket, verifier }),
        });
        expect(bind.status).toBe(204);
        // Binding twice (a replayed proof, another browser) is refused.
        const again = await new Browser(url).fetch(`${url}/auth/${provider}/bind`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: new URL(url).origin },
          body: JSON.stringify({ ticket, verifier }),
        });
        expect(again.status).toBe(409);
        const go = await reader.fetch(startUrl);
        const callback = await consent(go.headers.get('location') ?? '', SAMPLE_USER[provider]);
        const result = await reader.fetch(callback);
        expect(result.status).toBe(200);
        const code = /"code":"([A-Za-z0-9_-]{43})"/.exec(await result.text())?.[1] ?? '';
        const redeemed = await reader.api('/auth/redeem', { ticket, verifier, code });
        expect(redeemed.status).toBe(200);
        expect((await redeemed.json()) as { identity: { provider: string } }).toMatchObject({
          identity: { provider },
        });
        expect((await reader.api('/auth/redeem', { ticket, verifier, code })).status).toBe(409);
        expect((await reader.fetch(callback)).status).toBe(400);
      });
    },
  );
});
