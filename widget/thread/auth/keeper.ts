/**
 * Where this frame keeps what outlives a reload: the refresh token, and
 * during the redirect fallback the verifier of the sign-in in flight. Always
 * Parley's own storage; never the host page's. Which one is decided once,
 * synchronously, by what the browser lets this cross-site frame keep
 * (measured per engine in docs/security.md):
 *
 * - `cookie`: our cookies stick (Chromium with CHIPS, Firefox's default).
 *   The refresh token stays in the server's HttpOnly partitioned cookie,
 *   out of reach of any script; the verifier waits in the `hold` cookie.
 * - `local`: cookies are dropped but our `localStorage` works (WebKit, where
 *   it is partitioned by the embedding site). The server hands the refresh
 *   token over in the response body and we keep it there.
 * - `tab`: cookies and `localStorage` are refused but `sessionStorage` works
 *   (Firefox blocking all third-party cookies, `cookieBehavior` 1). The same
 *   as `local`, for the life of the browser tab: a reload and the redirect
 *   fallback's round trip keep it; a new tab starts signed out.
 * - `none`: nothing sticks: the session lives in this page's memory only,
 *   and the redirect fallback can't finish.
 */

export type KeepMode = 'cookie' | 'local' | 'tab' | 'none';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface Keeper {
  mode: KeepMode;
  /** False when this browser surely has no session here: a guest sends no refresh. */
  mayHaveSession(): boolean;
  /** The refresh token to send in the body (every mode but `cookie`). */
  refreshToken(): string | undefined;
  /** Keeps a token the server handed over in the body (every mode but `cookie`). */
  saveRefreshToken(token: string): void;
  /** Forgets the session (signed out, or the server refused it). */
  clear(): void;
  /** Redirect fallback, `local` and `tab`: keeps the verifier across the page's navigation. */
  holdVerifier(ticket: string, verifier: string): void;
  /** The verifier held for `ticket`, once. */
  takeVerifier(ticket: string): string | undefined;
}

const COOKIE_ATTRS = '; Path=/; Secure; SameSite=None; Partitioned';

/** Writes a probe cookie and reads it back: does this frame keep cookies at all? */
function cookiesStick(doc: Pick<Document, 'cookie'>): boolean {
  try {
    const probe = `parley_probe=${Math.random().toString(36).slice(2)}`;
    doc.cookie = `${probe}${COOKIE_ATTRS}; Max-Age=60`;
    const kept = doc.cookie.split('; ').includes(probe);
    doc.cookie = `parley_probe=${COOKIE_ATTRS}; Max-Age=0`;
    return kept;
  } catch {
    return false;
  }
}

function usableStorage(read: () => Storage): Storage | null {
  try {
    const storage = read();
    storage.setItem('parley:probe', '1');
    storage.removeItem('parley:probe');
    return storage;
  } catch {
    return null;
  }
}

/** A Storage in this page's memory: what `none` keeps until the page goes. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/**
 * Decides the mode for `site` and returns its keeper. `doc`, `local` and
 * `tab` default to this frame's document, localStorage and sessionStorage;
 * tests pass their own.
 */
export function createKeeper(
  site: string,
  doc: Pick<Document, 'cookie'> = document,
  local: () => Storage = () => localStorage,
  tab: () => Storage = () => sessionStorage,
): Keeper {
  let mode: KeepMode = 'cookie';
  let store: Storage | null = null;
  if (!cookiesStick(doc)) {
    const localStore = usableStorage(local);
    const tabStore = localStore ? null : usableStorage(tab);
    mode = localStore ? 'local' : tabStore ? 'tab' : 'none';
    store = localStore ?? tabStore ?? memoryStorage();
  }
  const tokenKey = `parley:session:${site}`;
  const pendingKey = `parley:pending:${site}`;
  const hint = `parley_hint_${site}=1`;
  const safely = (fn: () => void) => {
    try {
      fn();
    } catch {
      // Storage full or revoked meanwhile: the session lasts this page only.
    }
  };

  return {
    mode,
    mayHaveSession() {
      if (!store) return doc.cookie.split('; ').includes(hint);
      return !!store.getItem(tokenKey);
    },
    refreshToken: () => store?.getItem(tokenKey) ?? undefined,
    saveRefreshToken(token) {
      safely(() => store?.setItem(tokenKey, token));
    },
    clear() {
      safely(() => store?.removeItem(tokenKey));
    },
    holdVerifier(ticket, verifier) {
      safely(() => store?.setItem(pendingKey, `${ticket}.${verifier}`));
    },
    takeVerifier(ticket) {
      if (!store) return undefined;
      const held = store.getItem(pendingKey) ?? '';
      safely(() => store?.removeItem(pendingKey));
      const dot = held.indexOf('.');
      return dot > 0 && held.slice(0, dot) === ticket ? held.slice(dot + 1) : undefined;
    },
  };
}
