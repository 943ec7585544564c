/**
 * Sign-in from inside the iframe, and the reader's session. The flow's rules
 * are the state machine in auth/machine.ts; this module runs its effects
 * (requests, the popup, timers, postMessage) and feeds it events. Where the
 * session outlives a reload is auth/keeper.ts. docs/security.md has the flows
 * and what each check stops.
 *
 * The access token lives only in this module's memory; the refresh token in
 * Parley's own HttpOnly partitioned cookie or, where the browser drops this
 * frame's cookies, in this frame's own localStorage (WebKit) or
 * sessionStorage (Firefox blocking third-party cookies): auth/keeper.ts.
 * Nothing reaches the host page.
 */

import type { Locale } from '../../contract/i18n/locales.ts';
import {
  envelope,
  type LoginReturn,
  readBindRequest,
  readLoginResult,
} from '../../contract/messages.ts';
import type { ProviderId } from '../../contract/providers.ts';
import { type Api, ApiError, type KeptSession } from './api.ts';
import { createKeeper, type Keeper } from './auth/keeper.ts';
import {
  type Effect,
  type FlowEvent,
  type FlowState,
  PROVIDER_NAMES,
  signInErrorMessage,
  transition,
} from './auth/machine.ts';
import type { Dispatch, Session } from './state.ts';

export { PROVIDER_NAMES };

/** Renew the access token this many seconds before it expires. */
const RENEW_EARLY_S = 60;
const RENEW_RETRY_MS = 30_000;

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

type AuthWindow = Pick<Window, 'open' | 'addEventListener' | 'removeEventListener'> & {
  location: { origin: string };
};

export interface AuthOptions {
  api: Api;
  site: string;
  /** The host page, to come back to after the redirect fallback. */
  pageUrl: string;
  /** The widget's language: the sign-in pages speak it too. */
  locale?: Locale;
  dispatch: Dispatch;
  /** Asks the loader to send the top window to a sign-in start URL. */
  navigate: (url: string) => void;
  /** The iframe's window (tests pass their own `open`). */
  win?: AuthWindow;
  /** Where the session is kept (decided by probing this frame's storage). */
  keeper?: Keeper;
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * The reader's session and the sign-in orchestration. State changes go out
 * through `dispatch`; the access token is read by the API client via `token()`.
 */
export function createAuth({
  api,
  site,
  pageUrl,
  locale,
  dispatch,
  navigate,
  win = window,
  keeper = createKeeper(site),
}: AuthOptions) {
  let session: Session | null = null;
  let renewTimer: ReturnType<typeof setTimeout> | undefined;
  /** The popup of the sign-in in flight, if any. */
  let popup: Window | null = null;
  let flow: FlowState = { name: 'idle' };
  let flowTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every new sign-in: answers for an older one are dropped. */
  let generation = 0;
  /** After Change: the next ticket asks the provider for its account chooser. */
  let changeAccount = false;
  // Outside `cookie` mode the frame's cookies are dropped: the server hands
  // the refresh token over in the body and the keeper holds it.
  const keep = keeper.mode === 'cookie' ? 'cookie' : 'body';

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
              ...(changeAccount && { change: true }),
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
        clearTimeout(flowTimer);
        try {
          popup?.close();
        } catch {
          // Already gone.
        }
        popup = null;
        return;
      case 'signedIn':
        accept(effect.session);
        return;
      case 'ended':
        dispatch('signInEnded', effect.message);
        return;
    }
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

  /**
   * Refresh rotates the token and a rotated-away token revokes the session
   * (docs/api.md), so two frames of this site (two embeds, two tabs share the
   * partitioned jar) must not refresh at once: a Web Lock queues them.
   */
  const refresh = async (): Promise<KeptSession> => {
    const call = () => {
      const refreshToken = keeper.refreshToken();
      return api.refresh({ site, ...(refreshToken && { refreshToken }) });
    };
    if (!navigator.locks) return call();
    try {
      // The lock's promise settles with the callback's (DOM typings nest it).
      return (await navigator.locks.request(
        `parley-refresh:${site}`,
        call,
      )) as unknown as KeptSession;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      // Browsers that block third-party storage refuse Web Locks in this
      // frame too (SecurityError): refresh unlocked; the server tolerates a
      // racing refresh for a few seconds.
      return call();
    }
  };

  function accept(fresh: KeptSession): void {
    if (fresh.refreshToken) keeper.saveRefreshToken(fresh.refreshToken);
    session = {
      identity: fresh.identity,
      accessToken: fresh.accessToken,
      expiresAt: Date.now() + fresh.expiresIn * 1000,
    };
    changeAccount = false;
    clearTimeout(renewTimer);
    renewTimer = setTimeout(renew, Math.max(5, fresh.expiresIn - RENEW_EARLY_S) * 1000);
    dispatch('signedIn', session);
  }

  function drop(message: string | null): void {
    session = null;
    keeper.clear();
    clearTimeout(renewTimer);
    dispatch('signedOut', message);
  }

  async function renew(): Promise<void> {
    try {
      accept(await refresh());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        drop('Your sign-in has ended. Log in again to comment under your account.');
      } else {
        renewTimer = setTimeout(renew, RENEW_RETRY_MS);
      }
    }
  }

  /**
   * Starts a sign-in with `provider`. Call it straight from the click
   * handler: the popup must open inside the user gesture.
   */
  function signIn(provider: ProviderId): void {
    run({ type: 'closePopup' });
    generation += 1;
    popup = win.open('about:blank', 'parley-login', 'popup,width=600,height=700');
    dispatch('startSignIn', provider);
    send({ type: 'start', provider, popup: !!popup, verifier: createVerifier(), now: Date.now() });
  }

  return {
    /** The access token for the Authorization header, or null for a guest. */
    token: (): string | null => session?.accessToken ?? null,

    /** Where the session is kept in this browser (for tests and the README's table). */
    keepMode: keeper.mode,

    signIn,

    /** The reader's Cancel: closes the popup and forgets the ticket. */
    cancel(): void {
      generation += 1;
      send({ type: 'cancel' });
      dispatch('signInEnded', null);
    },

    /**
     * Restores the session on load. A guest with nothing stored sends no
     * request at all; the thread has rendered before this runs.
     */
    async restore(): Promise<void> {
      if (!keeper.mayHaveSession()) return;
      try {
        accept(await refresh());
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) keeper.clear();
      }
    },

    /**
     * Back from the redirect fallback with `#parley-login=…` (the loader's
     * `loginReturn`): redeems ticket + code + the verifier only this frame
     * kept. Another frame's sign-in (no verifier here) is ignored.
     */
    async finishRedirect(back: LoginReturn): Promise<void> {
      if (back.result === 'denied' || back.result === 'failed') {
        keeper.takeVerifier(back.ticket);
        dispatch(
          'signInEnded',
          back.result === 'denied'
            ? 'You cancelled signing in.'
            : 'Signing in didn’t work. Please try again, or comment as a guest.',
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
        dispatch('signInEnded', signInErrorMessage(errorCode(error), null));
      }
    },

    /** Ends the session on the server and here. */
    async logOut(): Promise<void> {
      // The request takes the token before drop() forgets it.
      const request = api.logout();
      drop(null);
      await request.catch(() => {
        // Already revoked or unreachable: the session is gone from this frame either way.
      });
    },

    /**
     * Change: signs out and, in the same click, opens the provider's account
     * chooser (X `force_login`, Facebook `auth_type=reauthenticate`) so the
     * reader picks another account there.
     */
    change(): void {
      const provider = session?.identity.provider;
      const request = api.logout();
      drop(null);
      void request.catch(() => {});
      if (!provider) return;
      changeAccount = true;
      signIn(provider);
    },

    /**
     * Runs a call that sends the token; on 401, renews once and retries once.
     * If that fails too, the reader is a guest again and the error is rethrown.
     */
    async authorized<T>(call: () => Promise<T>): Promise<T> {
      const is401 = (e: unknown) => e instanceof ApiError && e.status === 401;
      try {
        return await call();
      } catch (error) {
        if (!session || !is401(error)) throw error;
        const fresh = await refresh().catch(() => null);
        if (fresh) {
          accept(fresh);
          try {
            return await call();
          } catch (again) {
            if (!is401(again)) throw again;
          }
        }
        drop(null);
        throw error;
      }
    },

    /** Stops timers, listeners and any sign-in in flight (the app unmounted). */
    dispose(): void {
      generation += 1;
      send({ type: 'cancel' });
      win.removeEventListener('message', onMessage);
      clearTimeout(renewTimer);
    },
  };
}
