/**
 * Where this frame keeps what outlives a reload: the refresh token, and
 * during the redirect fallback the verifier of the sign-in in flight. Always
 * Parley's own storage, partitioned by the embedding site; never the host
 * page's. Which one is decided once, synchronously, by what the browser lets
 * this cross-site frame keep (measured per engine in docs/security.md):
 *
 * - `cookie`: our cookies stick (Chromium with CHIPS, Firefox's default).
 *   The refresh token stays in the server's HttpOnly partitioned cookie,
 *   out of reach of any script; the verifier waits in the `hold` cookie.
 * - `local`: cookies are dropped but our `localStorage` works (WebKit). The
 *   server hands the refresh token over in the response body and we keep it.
 * - `none`: neither (Firefox set to block all third-party cookies): the
 *   session lives in memory only, and the redirect fallback can't finish.
 */

export type KeepMode = 'cookie' | 'local' | 'none';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface Keeper {
  mode: KeepMode;
  /** False when this browser surely has no session here: a guest sends no refresh. */
  mayHaveSession(): boolean;
  /** The refresh token to send in the body (`local` only). */
  refreshToken(): string | undefined;
  /** Keeps a token the server handed over in the body (`local` only). */
  saveRefreshToken(token: string): void;
  /** Forgets the session (signed out, or the server refused it). */
  clear(): void;
  /** Redirect fallback, `local` only: keeps the verifier across the page's navigation. */
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

/**
 * Decides the mode for `site` and returns its keeper. `doc` and `storage`
 * default to this frame's; tests pass their own.
 */
export function createKeeper(
  site: string,
  doc: Pick<Document, 'cookie'> = document,
  storage: () => Storage = () => localStorage,
): Keeper {
  const local = usableStorage(storage);
  const mode: KeepMode = cookiesStick(doc) ? 'cookie' : local ? 'local' : 'none';
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
      if (mode === 'cookie') return doc.cookie.split('; ').includes(hint);
      if (mode === 'local') return !!local?.getItem(tokenKey);
      return false;
    },
    refreshToken: () => (mode === 'local' ? (local?.getItem(tokenKey) ?? undefined) : undefined),
    saveRefreshToken(token) {
      if (mode === 'local') safely(() => local?.setItem(tokenKey, token));
    },
    clear() {
      if (mode === 'local') safely(() => local?.removeItem(tokenKey));
    },
    holdVerifier(ticket, verifier) {
      if (mode === 'local') safely(() => local?.setItem(pendingKey, `${ticket}.${verifier}`));
    },
    takeVerifier(ticket) {
      if (mode !== 'local' || !local) return undefined;
      const held = local.getItem(pendingKey) ?? '';
      safely(() => local.removeItem(pendingKey));
      const dot = held.indexOf('.');
      return dot > 0 && held.slice(0, dot) === ticket ? held.slice(dot + 1) : undefined;
    },
  };
}
