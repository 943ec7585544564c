/**
 * The sign-in flow's effects (requests, the popup, timers, postMessage),
 * loaded only when a reader starts signing in or comes back from the redirect
 * fallback: a guest never downloads it (auth.ts imports it lazily, after it
 * has opened the popup inside the click's user activation). The rules are
 * the state machine in machine.ts.
 */
import type { Locale } from '../../../contract/i18n/locales.ts';
import {
  envelope,
  type LoginReturn,
  readBindRequest,
  readLoginResult,
} from '../../../contract/messages.ts';
import type { ProviderId } from '../../../contract/providers.ts';
import { type Api, ApiError, type KeptSession } from '../api.ts';
import { t } from '../i18n.ts';
import type { Dispatch } from '../state.ts';
import type { Keeper } from './keeper.ts';
import {
  type Effect,
  type FlowEvent,
  type FlowState,
  signInErrorMessage,
  transition,
  type Words,
} from './machine.ts';

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A fresh PKCE verifier: 32 random bytes, base64url (43 characters). */
export function createVerifier(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** base64url(SHA-256(verifier)), the challenge the ticket is bound to. */
export async function challengeFor(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

const errorCode = (error: unknown): string | null =>
  error instanceof ApiError ? error.code : null;

const say = (words: Words | null): string | null => words && t(words.key, words.params);

export type FlowWindow = Pick<Window, 'addEventListener' | 'removeEventListener'> & {
  location: { origin: string };
};

export interface FlowOptions {
  api: Api;
  site: string;
  pageUrl: string;
  locale?: Locale;
  dispatch: Dispatch;
  navigate: (url: string) => void;
  win: FlowWindow;
  keeper: Keeper;
  keep: 'cookie' | 'body';
  /** Takes a fresh session (auth.ts). */
  accept: (session: KeptSession) => void;
  /** After Change: the ticket asks the provider for its account chooser. */
  changeAccount: () => boolean;
}

export type Flow = ReturnType<typeof createFlow>;

export function createFlow({
  api,
  site,
  pageUrl,
  locale,
  dispatch,
  navigate,
  win,
  keeper,
  keep,
  accept,
  changeAccount,
}: FlowOptions) {
  /** The popup of the sign-in in flight, if any. */
  let popup: Window | null = null;
  let flow: FlowState = { name: 'idle' };
  let flowTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every new sign-in: answers for an older one are dropped. */
  let generation = 0;

  /** Feeds one event to the machine and runs the effects it returns. */
  function send(event: FlowEvent): void {
    const { state, effects } = transition(flow, event);
    flow = state;
    for (const effect of effects) run(effect);
  }

  /** Sends `event` later, unless a newer sign-in started meanwhile. */
  const later = (gen: number) => (event: FlowEvent) => {
    if (gen === generation) send(event);
  };
  const failedWith = (error: unknown): FlowEvent => ({ type: 'failed', code: errorCode(error) });

  function run(effect: Effect): void {
    const reply = later(generation);
    switch (effect.type) {
      case 'createTicket':
        void challengeFor(effect.verifier)
          .then((challenge) =>
            api.createTicket({
              site,
              provider: effect.provider,
              challenge,
              locale,
              ...(changeAccount() && { change: true }),
              ...(effect.redirect && { returnUrl: pageUrl }),
            }),
          )
          .then(
            (created) =>
              reply({
                type: 'ticketCreated',
                ticket: created.ticket,
                startUrl: created.startUrl,
                expiresAt: Date.parse(created.expiresAt),
              }),
            (error) => reply(failedWith(error)),
          );
        return;
      case 'openStart':
        if (popup && !popup.closed) popup.location.href = effect.url;
        return;
      case 'holdAndNavigate':
        // The verifier must outlive the page's navigation, out of the host
        // page's reach: our hold cookie, or our own local or tab storage.
        if (keeper.mode !== 'cookie') keeper.holdVerifier(effect.ticket, effect.verifier);
        void (
          keeper.mode === 'cookie'
            ? api.holdTicket(effect.ticket, effect.verifier)
            : Promise.resolve()
        ).then(
          () =>
            keeper.mode === 'none'
              ? reply({ type: 'failed', code: 'popup_blocked' })
              : navigate(effect.url),
          (error) => reply(failedWith(error)),
        );
        return;
      case 'sendProof':
        // Only to our own popup, only at our own origin: the bind page.
        popup?.postMessage(
          envelope({ type: 'bindProof', ticket: effect.ticket, verifier: effect.verifier }),
          win.location.origin,
        );
        return;
      case 'redeem':
        api
          .redeem({
            ticket: effect.ticket,
            verifier: effect.verifier,
            ...(effect.code && { code: effect.code }),
            keep,
          })
          .then(
            (result) =>
              reply(
                'accessToken' in result
                  ? { type: 'redeemed', session: result }
                  : { type: 'pending', now: Date.now() },
              ),
            (error) => reply(failedWith(error)),
          );
        return;
      case 'wait':
        clearTimeout(flowTimer);
        flowTimer = setTimeout(
          () => reply({ type: 'tick', now: Date.now(), popupClosed: !popup || popup.closed }),
          effect.ms,
        );
        return;
      case 'closePopup':
        closePopup();
        return;
      case 'signedIn':
        accept(effect.session);
        return;
      case 'ended':
        dispatch('signInEnded', say(effect.message));
        return;
    }
  }

  function closePopup(): void {
    clearTimeout(flowTimer);
    try {
      popup?.close();
    } catch {
      // Already gone.
    }
    popup = null;
  }

  /** Messages from our popup: the bind page's request and the result page's outcome. */
  function onMessage(event: MessageEvent): void {
    // Only the popup we opened, on our own origin (the server's).
    if (!popup || event.source !== popup || event.origin !== win.location.origin) return;
    const bind = readBindRequest(event.data);
    if (bind) {
      send({ type: 'bindRequested', ticket: bind.ticket });
      return;
    }
    const result = readLoginResult(event.data);
    if (result) {
      send({ type: 'loginResult', ticket: result.ticket, code: result.code, error: result.error });
    }
  }
  win.addEventListener('message', onMessage);

  return {
    /** Closes the popup of an earlier sign-in (before a new one opens). */
    closePopup,

    /** Starts a sign-in in `opened`, the popup auth.ts opened in the click (null: blocked). */
    start(provider: ProviderId, opened: Window | null): void {
      generation += 1;
      popup = opened;
      send({
        type: 'start',
        provider,
        popup: !!opened,
        verifier: createVerifier(),
        now: Date.now(),
      });
    },

    cancel(): void {
      generation += 1;
      send({ type: 'cancel' });
    },

    /** Back from the redirect fallback (see auth.ts `finishRedirect`). */
    async finishRedirect(back: LoginReturn): Promise<void> {
      if (back.result === 'denied' || back.result === 'failed') {
        keeper.takeVerifier(back.ticket);
        dispatch(
          'signInEnded',
          say(signInErrorMessage(back.result === 'denied' ? 'login_denied' : null, null)),
        );
        return;
      }
      const verifier = keeper.takeVerifier(back.ticket);
      if (keeper.mode !== 'cookie' && !verifier) return;
      try {
        const result = await api.redeem({
          ticket: back.ticket,
          code: back.result,
          ...(verifier && { verifier }),
          keep,
        });
        if ('accessToken' in result) accept(result);
      } catch (error) {
        // Not ours (the hold cookie names another ticket): stay quiet.
        if (errorCode(error) === 'invalid_verifier') return;
        dispatch('signInEnded', say(signInErrorMessage(errorCode(error), null)));
      }
    },

    dispose(): void {
      generation += 1;
      send({ type: 'cancel' });
      win.removeEventListener('message', onMessage);
    },
  };
}
