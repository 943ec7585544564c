/**
 * The attacker of issue 8 §1, for the Chromium specs and the journeys alike:
 * a login ticket made through the public API, whose verifier only the
 * attacker holds, and a poll that asks for its session.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { expect } from '@playwright/test';
import { PARLEY_URL } from './urls.ts';

export async function attackerTicket(
  request: APIRequestContext,
  site: string,
  provider: string,
  returnUrl?: string,
) {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const res = await request.post(`${PARLEY_URL}/api/v1/auth/tickets`, {
    data: { site, provider, challenge, ...(returnUrl && { returnUrl }) },
  });
  expect(res.status()).toBe(201);
  const { ticket, startUrl } = (await res.json()) as { ticket: string; startUrl: string };
  /** The status the attacker's redeem gets: a session would be 200. */
  const poll = async () =>
    (
      await request.post(`${PARLEY_URL}/api/v1/auth/redeem`, {
        data: { ticket, verifier },
        // A fresh connection: a kept-alive one can be reset by the TLS front as it idles out.
        headers: { connection: 'close' },
      })
    ).status();
  return { ticket, verifier, startUrl, poll };
}
