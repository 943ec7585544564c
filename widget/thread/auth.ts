/**
 * Sign-in from inside the iframe, without third-party cookies:
 *
 * 1. The click opens a popup at once (a popup needs the user gesture), then
 *    creates a login ticket bound to a PKCE-style challenge; the verifier
 *    stays in this module's memory.
 * 2. The popup runs the provider's flow on the server's origin; its callback
 *    posts `loginResult` with a one-time code to us (its opener), and we
 *    redeem ticket + verifier + code. Because a Cross-Origin-Opener-Policy on
 *    the way can sever the opener, we also poll redeem with the verifier alone.
 * 3. Popup blocked: the ticket carries a return URL, the server keeps the
 *    verifier in our own partitioned HttpOnly cookie (`hold`), and the loader
 *    navigates the top window. Back on the page, the load-time refresh
 *    finishes the sign-in.
 *
 * The access token lives only here; the rotating refresh token is an HttpOnly
 * partitioned cookie of the iframe's origin. Nothing reaches the host page.
 */
import type { AuthSession } from '../../contract/api.ts';
import { readLoginResult } from '../../contract/messages.ts';
import type { ProviderId } from '../../contract/providers.ts';
import { type Api, ApiError } from './api.ts';
import type { Dispatch, Session } from './state.ts';

export const PROVIDER_NAMES: Record<ProviderId, string> = {
  wordpress: 'WordPress.com',
  twitter: 'Twitter',
  facebook: 'Facebook',
};

/** How often redeem is polled once the popup's message can no longer arrive. */
export const POLL_MS = 1500;
/** How often the popup is looked at (no request) while its message may still come. */
export const WATCH_MS = 400;
/** How long a closed popup may still turn into a session before we call it cancelled. */
export const CLOSED_GRACE_MS = 3000;
/** Give up on a sign-in after this long (tickets expire sooner anyway). */
export const MAX_WAIT_MS = 10 * 60_000;
/** Renew the access token this many seconds before it expires. */
const RENEW_EARLY_S = 60;
const RENEW_RETRY_MS = 30_000;

export const CANCELLED = 'Sign-in was cancelled.';
const TOO_LONG = 'Sign-in took too long. Please try again.';

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

/** What the reader is told when a sign-in with `name` ends in `error`. */
export function signInErrorMessage(error: unknown, name: string): string {
  const code = error instanceof ApiError ? error.code : null;
  switch (code) {
    case 'login_denied':
      return `You cancelled signing in with ${name}.`;
    case 'ticket_expired':
    case 'ticket_not_found':
      return TOO_LONG;
    case 'rate_limited':
      return 'Too many sign-in attempts. Please wait a minute and try again.';
    case 'network_error':
      return 'Could not reach the comment server. Please try again.';
    case 'unknown_provider':
      return `Signing in with ${name} is not available here.`;
    default:
      return `Signing in with ${name} didn’t work. Please try again, or comment as a guest.`;
  }
}

type AuthWindow = Pick<Window, 'open' | 'addEventListener' | 'removeEventListener'> & {
  location: { origin: string };
};

export interface AuthOptions {
  api: Api;
  site: string;
  /** The host page, to come back to after the redirect fallback. */
  pageUrl: string;
  dispatch: Dispatch;
  /** Asks the loader to send the top window to a sign-in start URL. */
  navigate: (url: string) => void;
  /** The iframe's window (tests pass their own `open`). */
  win?: AuthWindow;
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * The reader's session and the sign-in orchestration. State changes go out
 * through `dispatch`; the access token is read by the API client via `token()`.
 */
export function createAuth({ api, site, pageUrl, dispatch, navigate, win = window }: AuthOptions) {
  let session: Session | null = null;
  let renewTimer: ReturnType<typeof setTimeout> | undefined;
  /** After Change: the next ticket asks the provider for its account chooser. */
  let changeAccount = false;
  /** Ends the sign-in in flight, if any, without telling the reader. */
  let abandon: (() => void) | null = null;

  /**
   * Refresh rotates the cookie and a rotated-away token revokes the session
   * (docs/api.md), so two frames of this site (two embeds, two tabs share the
   * partitioned jar) must not refresh at once: a Web Lock queues them.
   */
  const refresh = async (): Promise<AuthSession> => {
    if (!navigator.locks) return api.refresh(site);
    try {
      // The lock's promise settles with the callback's (DOM typings nest it).
      return (await navigator.locks.request(`parley-refresh:${site}`, () =>
        api.refresh(site),
      )) as unknown as AuthSession;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      // Browsers that block third-party storage refuse Web Locks in this
      // frame too (SecurityError): refresh unlocked; the server tolerates a
      // racing refresh for a few seconds.
      return api.refresh(site);
    }
  };

  function accept(fresh: AuthSession): void {
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
    abandon?.();
    const popup = win.open('about:blank', 'parley-login', 'popup,width=600,height=700');
    const name = PROVIDER_NAMES[provider];
    dispatch('startSignIn', provider);

    const verifier = createVerifier();
    const started = Date.now();
    let deadline = started + MAX_WAIT_MS;
    let ticket: string | null = null;
    let code: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let busy = false;
    let closedAt = 0;
    let done = false;
    /** The reader was told it was cancelled; a late session is still taken. */
    let quiet = false;

    const finish = (outcome: AuthSession | string | null, tell = !quiet) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      win.removeEventListener('message', onMessage);
      if (abandon === stop) abandon = null;
      try {
        popup?.close();
      } catch {
        // Already gone.
      }
      if (outcome && typeof outcome === 'object') accept(outcome);
      else if (tell) dispatch('signInEnded', outcome);
    };
    const stop = () => finish(null, false);
    abandon = stop;

    // One redeem at a time: a code that arrives mid-poll is sent right after.
    const poll = async (): Promise<void> => {
      clearTimeout(timer);
      if (done || busy || !ticket) return;
      // The message is the primary path: while the popup is still ours to
      // see, nothing is asked of the server. A popup that looks closed was
      // either closed by the reader or severed by a provider's own COOP;
      // only then does polling by verifier take over.
      if (!code && popup && !popup.closed) {
        if (Date.now() > deadline) return finish(TOO_LONG);
        timer = setTimeout(poll, WATCH_MS);
        return;
      }
      busy = true;
      let result: Awaited<ReturnType<Api['redeem']>> | undefined;
      let error: unknown;
      try {
        result = await api.redeem(code ? { ticket, verifier, code } : { ticket, verifier });
      } catch (caught) {
        error = caught;
      }
      busy = false;
      if (done) return;
      if (result && 'accessToken' in result) return finish(result);
      const transient =
        error instanceof ApiError &&
        (error.code === 'network_error' || error.code === 'rate_limited');
      if (error && !transient) return finish(signInErrorMessage(error, name));
      if (Date.now() > deadline) return finish(TOO_LONG);
      if (popup?.closed && !quiet) {
        closedAt ||= Date.now();
        if (Date.now() - closedAt >= CLOSED_GRACE_MS) {
          // A provider page with its own COOP severs the opener, which looks
          // just like a closed popup; keep polling quietly in case it wasn't.
          quiet = true;
          dispatch('signInEnded', CANCELLED);
        }
      }
      timer = setTimeout(poll, code ? 0 : quiet ? 2 * POLL_MS : POLL_MS);
    };

    function onMessage(event: MessageEvent): void {
      // Only the popup we opened, on our own origin (the server's), for this ticket.
      if (!popup || event.source !== popup || event.origin !== win.location.origin) return;
      const result = readLoginResult(event.data);
      if (!result || !ticket || result.ticket !== ticket) return;
      if (result.error === 'denied') finish(`You cancelled signing in with ${name}.`, true);
      else if (result.error) finish(signInErrorMessage(null, name), true);
      else if (result.code) {
        code = result.code;
        void poll();
      }
    }

    void (async () => {
      try {
        const created = await api.createTicket({
          site,
          provider,
          challenge: await challengeFor(verifier),
          ...(changeAccount && { change: true }),
          ...(!popup && { returnUrl: pageUrl }),
        });
        if (done) return;
        ticket = created.ticket;
        deadline = Math.min(deadline, Date.parse(created.expiresAt) || deadline);
        if (!popup) {
          // Redirect fallback: the verifier must survive the page navigation
          // without the host page seeing it.
          await api.holdTicket(created.ticket, verifier);
          if (!done) navigate(created.startUrl);
          return;
        }
        if (popup.closed) return finish(CANCELLED);
        win.addEventListener('message', onMessage);
        popup.location.href = created.startUrl;
        timer = setTimeout(poll, WATCH_MS);
      } catch (error) {
        finish(signInErrorMessage(error, name));
      }
    })();
  }

  return {
    /** The access token for the Authorization header, or null for a guest. */
    token: (): string | null => session?.accessToken ?? null,

    signIn,

    /** The reader's Cancel: closes the popup and forgets the ticket. */
    cancel(): void {
      abandon?.();
      dispatch('signInEnded', null);
    },

    /**
     * Restores the session on load (the refresh cookie), which also finishes
     * a redirect-fallback sign-in. A guest just stays a guest.
     */
    async restore(): Promise<void> {
      try {
        accept(await refresh());
      } catch (error) {
        if (error instanceof ApiError && /^login_(denied|failed)$/.test(error.code)) {
          dispatch(
            'signInEnded',
            error.code === 'login_denied'
              ? 'You cancelled signing in.'
              : 'Signing in didn’t work. Please try again, or comment as a guest.',
          );
        }
      }
    },

    /**
     * Ends the session on the server and here. `change`: the next sign-in
     * asks the provider to let the reader pick another account.
     */
    async logOut(change = false): Promise<void> {
      abandon?.();
      // The request takes the token before drop() forgets it.
      const request = api.logout();
      drop(null);
      changeAccount = change;
      await request.catch(() => {
        // Already revoked or unreachable: the session is gone from this frame either way.
      });
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

    /** Stops timers and any sign-in in flight (the app unmounted). */
    dispose(): void {
      abandon?.();
      clearTimeout(renewTimer);
    },
  };
}
