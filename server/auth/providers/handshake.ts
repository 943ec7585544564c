/**
 * Where the strategies keep their handshake data without a server-side
 * session: in the login ticket (found at the callback through the
 * `parley_login` cookie). The routes bind the ticket to the request before
 * handing it to Passport; the stores below read and write it there.
 */
import type { Request } from 'express';
import type { StateStore, StateStoreStoreCallback } from 'passport-oauth2';
import type { Db } from '../../store/db.ts';
import { randomSecret, safeEqual } from '../crypto.ts';
import { type LoginTicket, saveHandshake } from '../ticket.service.ts';

interface Handshake {
  db: Db;
  ticket: LoginTicket;
}

const handshakes = new WeakMap<Request, Handshake>();

/** Makes `ticket` the one this request's strategy run reads and writes. */
export function bindTicket(req: Request, db: Db, ticket: LoginTicket): void {
  handshakes.set(req, { db, ticket });
}

function boundTicket(req: Request): Handshake {
  const handshake = handshakes.get(req);
  if (!handshake) throw new Error('no login ticket bound to this request');
  return handshake;
}

/** Merges `data` into the ticket's handshake and stores it. */
export async function rememberHandshake(req: Request, data: Record<string, string>): Promise<void> {
  const handshake = boundTicket(req);
  const merged = { ...handshake.ticket.handshake, ...data };
  await saveHandshake(handshake.db, handshake.ticket.id, merged);
  handshake.ticket = { ...handshake.ticket, handshake: merged };
}

function handshakeValue(req: Request, key: string): string | undefined {
  return boundTicket(req).ticket.handshake[key];
}

type VerifyCallback = (err: Error | null, ok: boolean, info?: { message: string }) => void;

/**
 * passport-oauth2's `store` option: the OAuth 2 `state` lives in the ticket.
 * passport-oauth2 picks the call shape by arity, so `store` takes exactly
 * (req, meta, cb) and `verify` exactly (req, state, meta, cb).
 */
export function ticketStateStore(): StateStore {
  return {
    store(req: Request, _meta: unknown, cb: StateStoreStoreCallback) {
      const state = randomSecret();
      rememberHandshake(req, { state }).then(
        () => cb(null, state),
        (err: Error) => cb(err, undefined),
      );
    },
    verify(req: Request, state: string, _meta: unknown, cb: VerifyCallback) {
      const expected = handshakeValue(req, 'state');
      if (!expected || typeof state !== 'string' || !safeEqual(state, expected)) {
        cb(null, false, { message: 'Invalid authorization request state.' });
        return;
      }
      cb(null, true);
    },
  } as StateStore;
}

type SecretCallback = (err: Error | null, secret?: string, info?: { message: string }) => void;

/**
 * passport-oauth1's `requestTokenStore` option: the OAuth 1.0a request token
 * and its secret live in the ticket. Arity picks the call shape here too.
 */
export function ticketRequestTokenStore() {
  return {
    get(req: Request, token: string, cb: SecretCallback) {
      const stored = handshakeValue(req, 'oauthToken');
      const secret = handshakeValue(req, 'oauthTokenSecret');
      if (!stored || !secret || typeof token !== 'string' || !safeEqual(token, stored)) {
        cb(null, undefined, { message: 'Unknown request token.' });
        return;
      }
      cb(null, secret);
    },
    set(req: Request, token: string, tokenSecret: string, cb: (err?: Error) => void) {
      rememberHandshake(req, { oauthToken: token, oauthTokenSecret: tokenSecret }).then(
        () => cb(),
        (err: Error) => cb(err),
      );
    },
    // The ticket's handshake is cleared when it completes or fails.
    destroy(_req: Request, _token: string, cb: (err?: Error) => void) {
      cb();
    },
  };
}
