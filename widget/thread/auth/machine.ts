/**
 * The sign-in flow as an explicit state machine: named states, named events,
 * and one pure `transition(state, event)` that returns the next state and the
 * effects to run (auth.ts runs them: requests, the popup, timers, telling the
 * reader). No DOM, no clock, no network here, so every transition is a unit
 * test (machine.test.ts). docs/security.md describes the flows.
 *
 *   idle ─start→ creatingTicket ─ticketCreated→ awaitingBind ─bindRequested→ atProvider
 *        (popup blocked)        └──────────────→ redirecting (the page leaves)
 *   atProvider ─loginResult(code)→ redeeming ─redeemed→ idle (+ session)
 *   atProvider ─tick(popup looks closed)→ polling ─redeemed→ idle (+ session)
 *   awaitingBind ─tick(popup closed)→ idle (cancelled: nothing can finish it)
 */
import type { AuthSession } from '../../../contract/api.ts';
import type { MessageParams } from '../../../contract/i18n/format.ts';
import type { ReaderKey } from '../../../contract/i18n/reader/en.ts';
import type { ProviderId } from '../../../contract/providers.ts';
import { PROVIDER_NAMES } from './providers.ts';

/** What the reader is told: a catalogue key and its values, worded by auth/flow.ts. */
export interface Words {
  key: ReaderKey;
  params?: MessageParams;
}

/** How often the popup is looked at (no request) while its message may still come. */
export const WATCH_MS = 400;
/**
 * How long the popup must keep looking closed before we believe it. Chromium
 * reports a popup as closed for a moment while it swaps processes between
 * sites, and the message then still arrives.
 */
export const CLOSED_CONFIRM_MS = 1200;
/** How often redeem is polled once the popup's message can no longer arrive. */
export const POLL_MS = 1500;
/** How long a popup that looks closed may still turn into a session before we say cancelled. */
export const CLOSED_GRACE_MS = 3000;
/** Give up on a sign-in after this long (tickets expire sooner anyway). */
export const MAX_WAIT_MS = 10 * 60_000;

export const CANCELLED: Words = { key: 'signIn.wasCancelled' };
export const TOO_LONG: Words = { key: 'signIn.tooLong' };

interface InFlight {
  provider: ProviderId;
  verifier: string;
  /** Epoch ms after which the reader is told it took too long. */
  deadline: number;
}
interface WithTicket extends InFlight {
  ticket: string;
  /** Epoch ms since which the popup has looked closed (0: it looks open). */
  closedSince?: number;
}

export type FlowState =
  | { name: 'idle' }
  | ({ name: 'creatingTicket'; popup: boolean } & InFlight)
  /** The popup shows the bind page, which asks us to prove we opened it. */
  | ({ name: 'awaitingBind' } & WithTicket)
  /** Bound: the reader is at the provider; the result comes by message. */
  | ({ name: 'atProvider' } & WithTicket)
  /**
   * The popup looks closed after binding: closed by the reader, or severed by
   * a provider's own COOP. Redeem is polled with the verifier; after a grace
   * period the reader is told it was cancelled (`quiet`), and a late session
   * is still taken.
   */
  | ({ name: 'polling'; closedAt: number; quiet: boolean } & WithTicket)
  /** Redeeming the popup's code; `retry` once a 202 or a network error asked to wait. */
  | ({ name: 'redeeming'; code: string; retry: boolean } & WithTicket)
  /** Popup blocked: the top window goes to the provider; the page unloads. */
  | ({ name: 'redirecting' } & WithTicket);

export type FlowEvent =
  | { type: 'start'; provider: ProviderId; popup: boolean; verifier: string; now: number }
  | { type: 'ticketCreated'; ticket: string; startUrl: string; expiresAt: number }
  | { type: 'bindRequested'; ticket: string }
  | { type: 'loginResult'; ticket: string; code: string | null; error: null | 'denied' | 'failed' }
  /** A timer fired; `popupClosed` is what the popup looks like right now. */
  | { type: 'tick'; now: number; popupClosed: boolean }
  /** Redeem answered 202: the reader has not finished at the provider. */
  | { type: 'pending'; now: number }
  | { type: 'redeemed'; session: AuthSession }
  /** A request failed; `code` is the API's error code (`network_error` when unreachable). */
  | { type: 'failed'; code: string | null }
  | { type: 'cancel' };

export type Effect =
  | { type: 'createTicket'; provider: ProviderId; verifier: string; redirect: boolean }
  | { type: 'openStart'; url: string }
  | { type: 'holdAndNavigate'; ticket: string; verifier: string; url: string }
  | { type: 'sendProof'; ticket: string; verifier: string }
  | { type: 'redeem'; ticket: string; verifier: string; code?: string }
  | { type: 'wait'; ms: number }
  | { type: 'closePopup' }
  | { type: 'signedIn'; session: AuthSession }
  /** Tell the reader the sign-in ended without a session (null: say nothing). */
  | { type: 'ended'; message: Words | null };

export interface Transition {
  state: FlowState;
  effects: Effect[];
}

const IDLE: FlowState = { name: 'idle' };
const stay = (state: FlowState): Transition => ({ state, effects: [] });
const end = (message: Words | null, quiet = false): Transition => ({
  state: IDLE,
  effects: [{ type: 'closePopup' }, ...(quiet ? [] : [{ type: 'ended' as const, message }])],
});

/**
 * What the reader is told when a sign-in with `provider` (null: not known,
 * back from the redirect fallback) ends with the API error `code`.
 */
export function signInErrorMessage(code: string | null, provider: ProviderId | null): Words {
  const params = provider ? { provider: PROVIDER_NAMES[provider] } : undefined;
  switch (code) {
    case 'popup_blocked':
      return { key: 'signIn.popupBlocked' };
    case 'login_denied':
      return params ? { key: 'signIn.cancelledWith', params } : { key: 'signIn.cancelled' };
    case 'ticket_expired':
    case 'ticket_not_found':
      return TOO_LONG;
    case 'rate_limited':
      return { key: 'signIn.tooMany' };
    case 'network_error':
      return { key: 'signIn.network' };
    case 'unknown_provider':
      return params ? { key: 'signIn.unavailable', params } : { key: 'signIn.failed' };
    default:
      return params ? { key: 'signIn.failedWith', params } : { key: 'signIn.failed' };
  }
}

const TRANSIENT = new Set(['network_error', 'rate_limited']);

/** The next state of the sign-in flow and what to do about it. */
export function transition(state: FlowState, event: FlowEvent): Transition {
  // A new sign-in replaces whatever was in flight (the reader clicked again).
  if (event.type === 'start') {
    return {
      state: {
        name: 'creatingTicket',
        provider: event.provider,
        verifier: event.verifier,
        popup: event.popup,
        deadline: event.now + MAX_WAIT_MS,
      },
      effects: [
        {
          type: 'createTicket',
          provider: event.provider,
          verifier: event.verifier,
          redirect: !event.popup,
        },
      ],
    };
  }
  if (state.name === 'idle') return stay(state);
  if (event.type === 'cancel') return end(null, true);
  if (event.type === 'redeemed') {
    return {
      state: IDLE,
      effects: [{ type: 'closePopup' }, { type: 'signedIn', session: event.session }],
    };
  }
  if (event.type === 'failed') {
    if (event.code && TRANSIENT.has(event.code) && 'ticket' in state) {
      const next = state.name === 'redeeming' ? { ...state, retry: true } : state;
      return { state: next, effects: [{ type: 'wait', ms: POLL_MS }] };
    }
    return end(
      signInErrorMessage(event.code, state.provider),
      state.name === 'polling' && state.quiet,
    );
  }

  switch (state.name) {
    case 'creatingTicket': {
      if (event.type !== 'ticketCreated') return stay(state);
      const next = {
        provider: state.provider,
        verifier: state.verifier,
        ticket: event.ticket,
        deadline: Math.min(state.deadline, event.expiresAt || state.deadline),
      };
      if (!state.popup) {
        return {
          state: { name: 'redirecting', ...next },
          effects: [
            {
              type: 'holdAndNavigate',
              ticket: event.ticket,
              verifier: state.verifier,
              url: event.startUrl,
            },
          ],
        };
      }
      return {
        state: { name: 'awaitingBind', ...next },
        effects: [
          { type: 'openStart', url: event.startUrl },
          { type: 'wait', ms: WATCH_MS },
        ],
      };
    }
    case 'awaitingBind': {
      if (event.type === 'bindRequested' && event.ticket === state.ticket) {
        return {
          state: { ...state, name: 'atProvider' },
          effects: [{ type: 'sendProof', ticket: state.ticket, verifier: state.verifier }],
        };
      }
      if (event.type !== 'tick') return stay(state);
      if (event.now > state.deadline) return end(TOO_LONG);
      const watched = watch(state, event);
      // Closed before it was bound: nothing can finish this ticket any more.
      if (watched === 'closed') return end(CANCELLED);
      return { state: watched, effects: [{ type: 'wait', ms: WATCH_MS }] };
    }
    case 'atProvider': {
      if (event.type === 'loginResult') return onLoginResult(state, event);
      if (event.type !== 'tick') return stay(state);
      if (event.now > state.deadline) return end(TOO_LONG);
      const watched = watch(state, event);
      if (watched !== 'closed')
        return { state: watched, effects: [{ type: 'wait', ms: WATCH_MS }] };
      // The message can't come any more (closed, or a provider's COOP severed
      // the popup): only now is the server asked, with the verifier.
      return {
        state: { ...state, name: 'polling', closedAt: event.now, quiet: false },
        effects: [{ type: 'redeem', ticket: state.ticket, verifier: state.verifier }],
      };
    }
    case 'polling': {
      if (event.type === 'loginResult') return onLoginResult(state, event);
      if (event.type === 'tick') {
        if (event.now > state.deadline) return end(TOO_LONG, state.quiet);
        return {
          state,
          effects: [{ type: 'redeem', ticket: state.ticket, verifier: state.verifier }],
        };
      }
      if (event.type !== 'pending') return stay(state);
      if (!state.quiet && event.now - state.closedAt >= CLOSED_GRACE_MS) {
        return {
          state: { ...state, quiet: true },
          effects: [
            { type: 'ended', message: CANCELLED },
            { type: 'wait', ms: 2 * POLL_MS },
          ],
        };
      }
      return { state, effects: [{ type: 'wait', ms: state.quiet ? 2 * POLL_MS : POLL_MS }] };
    }
    case 'redeeming': {
      // A completed ticket answers with a session. A 202 is retried after a
      // pause; a watch tick left over from atProvider must not redeem twice.
      if (event.type === 'pending') {
        return { state: { ...state, retry: true }, effects: [{ type: 'wait', ms: POLL_MS }] };
      }
      if (event.type === 'tick' && state.retry) {
        return {
          state: { ...state, retry: false },
          effects: [
            { type: 'redeem', ticket: state.ticket, verifier: state.verifier, code: state.code },
          ],
        };
      }
      return stay(state);
    }
    case 'redirecting':
      return stay(state);
  }
}

/**
 * One look at the popup: 'closed' once it has looked closed for
 * CLOSED_CONFIRM_MS, else the state with when it started to look closed.
 */
function watch<S extends WithTicket>(
  state: S,
  event: Extract<FlowEvent, { type: 'tick' }>,
): S | 'closed' {
  if (!event.popupClosed) return state.closedSince ? { ...state, closedSince: 0 } : state;
  const since = state.closedSince || event.now;
  return event.now - since >= CLOSED_CONFIRM_MS ? 'closed' : { ...state, closedSince: since };
}

function onLoginResult(
  state: Extract<FlowState, { name: 'atProvider' | 'polling' }>,
  event: Extract<FlowEvent, { type: 'loginResult' }>,
): Transition {
  if (event.ticket !== state.ticket) return stay(state);
  if (event.error === 'denied') return end(signInErrorMessage('login_denied', state.provider));
  if (event.error || !event.code) return end(signInErrorMessage(null, state.provider));
  const { provider, verifier, ticket, deadline } = state;
  return {
    state: {
      name: 'redeeming',
      provider,
      verifier,
      ticket,
      deadline,
      code: event.code,
      retry: false,
    },
    effects: [{ type: 'redeem', ticket, verifier, code: event.code }],
  };
}

/** True while a sign-in is in flight (the form shows "Connecting to …"). */
export const isSigningIn = (state: FlowState): boolean => state.name !== 'idle';
