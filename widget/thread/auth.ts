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
import type { LoginReturn } from '../../contract/messages.ts';
import type { ProviderId } from '../../contract/providers.ts';
import { type Api, ApiError, type KeptSession } from './api.ts';
import type { Flow } from './auth/flow.ts';
import { createKeeper, type Keeper } from './auth/keeper.ts';
import { PROVIDER_NAMES } from './auth/providers.ts';
import { loadAllWords, t } from './i18n.ts';
import type { Dispatch, Session } from './state.ts';

export { PROVIDER_NAMES };

/** Renew the access token this many seconds before it expires. */
const RENEW_EARLY_S = 60;
const RENEW_RETRY_MS = 30_000;

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
  /** After Change: the next ticket asks the provider for its account chooser. */
  let changeAccount = false;
  let disposed = false;
  // Outside `cookie` mode the frame's cookies are dropped: the server hands
  // the refresh token over in the body and the keeper holds it.
  const keep = keeper.mode === 'cookie' ? 'cookie' : 'body';

  /**
   * The sign-in flow (auth/flow.ts), fetched on first use with the rest of
   * the reader's words (its messages are among them); `prefetch` warms it on
   * a sign-in button's hover or focus. The loaded flow, once there.
   */
  let flow: Flow | undefined;
  let loading: Promise<Flow> | undefined;
  const loadFlow = (): Promise<Flow> => {
    loading ??= Promise.all([
      import('./auth/flow.ts'),
      loadAllWords().catch(() => {
        // The flow still works; a message would show its key until a retry.
      }),
    ]).then(
      ([{ createFlow }]) => {
        flow = createFlow({
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
          changeAccount: () => changeAccount,
        });
        if (disposed) flow.dispose();
        return flow;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };

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
        await loadAllWords().catch(() => {});
        drop(t('signIn.ended'));
      } else {
        renewTimer = setTimeout(renew, RENEW_RETRY_MS);
      }
    }
  }

  /**
   * Starts a sign-in with `provider`. Call it straight from the click
   * handler: the popup opens here, synchronously, inside the user gesture;
   * the flow's code follows (a guest never loads it).
   */
  function signIn(provider: ProviderId): void {
    // A popup of an earlier sign-in closes first: the new one takes its name.
    flow?.closePopup();
    const popup = win.open('about:blank', 'parley-login', 'popup,width=600,height=700');
    dispatch('startSignIn', provider);
    loadFlow().then(
      (loaded) => loaded.start(provider, popup),
      () => {
        popup?.close();
        dispatch('signInEnded', t('error.network'));
      },
    );
  }

  return {
    /** The access token for the Authorization header, or null for a guest. */
    token: (): string | null => session?.accessToken ?? null,

    /** Where the session is kept in this browser (for tests and the README's table). */
    keepMode: keeper.mode,

    signIn,

    /** Loads the flow ahead of a click (a sign-in button's hover or focus). */
    prefetch(): void {
      loadFlow().catch(() => {
        // Tried again on the click.
      });
    },

    /** The reader's Cancel: closes the popup and forgets the ticket. */
    cancel(): void {
      flow?.cancel();
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
      await (await loadFlow()).finishRedirect(back);
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
      disposed = true;
      flow?.dispose();
      clearTimeout(renewTimer);
    },
  };
}
