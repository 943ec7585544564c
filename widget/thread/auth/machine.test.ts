import { describe, expect, it } from 'vitest';
import type { AuthSession } from '../../../contract/api.ts';
import {
  CANCELLED,
  CLOSED_CONFIRM_MS,
  CLOSED_GRACE_MS,
  type FlowEvent,
  type FlowState,
  POLL_MS,
  TOO_LONG,
  transition,
  WATCH_MS,
} from './machine.ts';

const session = { accessToken: 't', expiresIn: 900 } as AuthSession;
const T0 = 1_000_000;

/** Runs events from idle; returns the last state and every effect, in order. */
function play(...events: FlowEvent[]) {
  let state: FlowState = { name: 'idle' };
  const effects = [];
  for (const event of events) {
    const next = transition(state, event);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}

const start = (popup = true): FlowEvent => ({
  type: 'start',
  provider: 'twitter',
  popup,
  verifier: 'v',
  now: T0,
});
const created: FlowEvent = {
  type: 'ticketCreated',
  ticket: 'tk',
  startUrl: 'https://parley/auth/twitter/start?ticket=tk',
  expiresAt: T0 + 600_000,
};
const bound: FlowEvent = { type: 'bindRequested', ticket: 'tk' };
const tick = (now: number, popupClosed = false): FlowEvent => ({ type: 'tick', now, popupClosed });
/** The popup looks closed at `now` and still does CLOSED_CONFIRM_MS later. */
const closedFrom = (now: number): FlowEvent[] => [
  tick(now, true),
  tick(now + CLOSED_CONFIRM_MS, true),
];

describe('the sign-in machine', () => {
  it('popup, opener intact: bind, message, redeem with the code; never polls', () => {
    const { state, effects } = play(
      start(),
      created,
      bound,
      tick(T0 + WATCH_MS),
      tick(T0 + 2 * WATCH_MS),
      { type: 'loginResult', ticket: 'tk', code: 'c', error: null },
      { type: 'redeemed', session },
    );
    expect(state).toEqual({ name: 'idle' });
    expect(effects.map((e) => e.type)).toEqual([
      'createTicket',
      'openStart',
      'wait',
      'sendProof',
      'wait',
      'wait',
      'redeem',
      'closePopup',
      'signedIn',
    ]);
    expect(effects.filter((e) => e.type === 'redeem')).toEqual([
      { type: 'redeem', ticket: 'tk', verifier: 'v', code: 'c' },
    ]);
  });

  it('redeems the code once: a watch tick left over from before the result does nothing', () => {
    const { state, effects } = play(
      start(),
      created,
      bound,
      { type: 'loginResult', ticket: 'tk', code: 'c', error: null },
      tick(T0 + WATCH_MS),
    );
    expect(state.name).toBe('redeeming');
    expect(effects.filter((e) => e.type === 'redeem')).toHaveLength(1);
    // After a 202 (a slow write), it asks again, once per pause.
    const retried = play(
      start(),
      created,
      bound,
      { type: 'loginResult', ticket: 'tk', code: 'c', error: null },
      { type: 'pending', now: T0 },
      tick(T0 + POLL_MS),
    );
    expect(retried.effects.filter((e) => e.type === 'redeem')).toHaveLength(2);
  });

  it('answers the bind page only for its own ticket, and takes no result before binding', () => {
    const before = play(start(), created);
    expect(transition(before.state, { type: 'bindRequested', ticket: 'other' }).effects).toEqual(
      [],
    );
    const early = transition(before.state, {
      type: 'loginResult',
      ticket: 'tk',
      code: 'c',
      error: null,
    });
    expect(early.state.name).toBe('awaitingBind');
    expect(early.effects).toEqual([]);
  });

  it('a popup closed before binding is a cancel: nothing can finish that ticket', () => {
    const { state, effects } = play(start(), created, ...closedFrom(T0 + WATCH_MS));
    expect(state.name).toBe('idle');
    expect(effects.at(-1)).toEqual({ type: 'ended', message: CANCELLED });
    expect(effects.some((e) => e.type === 'redeem')).toBe(false);
  });

  it('opener severed after binding: polls by verifier, then takes the session', () => {
    const { state, effects } = play(
      start(),
      created,
      bound,
      ...closedFrom(T0 + 400),
      { type: 'pending', now: T0 + 2000 },
      tick(T0 + 3500),
      { type: 'redeemed', session },
    );
    expect(state.name).toBe('idle');
    const redeems = effects.filter((e) => e.type === 'redeem');
    expect(redeems).toEqual([
      { type: 'redeem', ticket: 'tk', verifier: 'v' },
      { type: 'redeem', ticket: 'tk', verifier: 'v' },
    ]);
    expect(effects).toContainEqual({ type: 'wait', ms: POLL_MS });
    expect(effects.at(-1)).toEqual({ type: 'signedIn', session });
  });

  it('after the grace period says cancelled, keeps polling quietly, and still takes a late session', () => {
    const polling = play(start(), created, bound, ...closedFrom(T0)).state;
    expect(polling.name).toBe('polling');
    const told = transition(polling, {
      type: 'pending',
      now: T0 + CLOSED_CONFIRM_MS + CLOSED_GRACE_MS,
    });
    expect(told.effects[0]).toEqual({ type: 'ended', message: CANCELLED });
    expect(told.state).toMatchObject({ name: 'polling', quiet: true });
    const late = transition(told.state, { type: 'redeemed', session });
    expect(late.effects).toContainEqual({ type: 'signedIn', session });
    // A failure after the reader was told says nothing more.
    const failed = transition(told.state, { type: 'failed', code: 'login_failed' });
    expect(failed.effects).toEqual([{ type: 'closePopup' }]);
  });

  it('a popup that looks closed only for a moment (a process swap) is still watched, not polled', () => {
    const { state, effects } = play(
      start(),
      created,
      bound,
      tick(T0 + 400, true),
      tick(T0 + 800, false),
      tick(T0 + 400 + CLOSED_CONFIRM_MS, true),
      { type: 'loginResult', ticket: 'tk', code: 'c', error: null },
    );
    expect(state.name).toBe('redeeming');
    expect(effects.filter((e) => e.type === 'redeem')).toEqual([
      { type: 'redeem', ticket: 'tk', verifier: 'v', code: 'c' },
    ]);
  });

  it('denied and failed results end with the reader’s words', () => {
    const atProvider = play(start(), created, bound).state;
    const denied = transition(atProvider, {
      type: 'loginResult',
      ticket: 'tk',
      code: null,
      error: 'denied',
    });
    expect(denied.effects).toContainEqual({
      type: 'ended',
      message: { key: 'signIn.cancelledWith', params: { provider: 'Twitter' } },
    });
    const failed = transition(atProvider, {
      type: 'loginResult',
      ticket: 'tk',
      code: null,
      error: 'failed',
    });
    expect(failed.effects.at(-1)).toMatchObject({
      message: { key: 'signIn.failedWith', params: { provider: 'Twitter' } },
    });
    const foreign = transition(atProvider, {
      type: 'loginResult',
      ticket: 'x',
      code: 'c',
      error: null,
    });
    expect(foreign.state).toBe(atProvider);
  });

  it('popup blocked: holds the verifier and navigates; later events change nothing', () => {
    const { state, effects } = play(start(false), created, bound, tick(T0 + 1, true));
    expect(state.name).toBe('redirecting');
    expect(effects).toEqual([
      { type: 'createTicket', provider: 'twitter', verifier: 'v', redirect: true },
      {
        type: 'holdAndNavigate',
        ticket: 'tk',
        verifier: 'v',
        url: created.type === 'ticketCreated' ? created.startUrl : '',
      },
    ]);
  });

  it('network trouble is retried; a deadline ends it; cancel is silent', () => {
    const atProvider = play(start(), created, bound, tick(T0, true)).state;
    expect(transition(atProvider, { type: 'failed', code: 'network_error' }).effects).toEqual([
      { type: 'wait', ms: POLL_MS },
    ]);
    const late = play(start(), created, bound, tick(T0 + 600_001));
    expect(late.effects.at(-1)).toEqual({ type: 'ended', message: TOO_LONG });
    expect(play(start(), created, { type: 'cancel' }).effects.at(-1)).toEqual({
      type: 'closePopup',
    });
  });

  it('a ticket that cannot be created says why', () => {
    const { state, effects } = play(start(), { type: 'failed', code: 'rate_limited' });
    expect(state.name).toBe('idle');
    expect(effects.at(-1)).toEqual({
      type: 'ended',
      message: { key: 'signIn.tooMany' },
    });
  });
});
