/**
 * Drafts and the reader's saved details ("Save my name, email, and website"):
 * what the reader typed must survive a reload of the page.
 *
 * They live in the iframe's own localStorage when the browser allows it. When
 * it blocks third-party storage (Chromium's and Brave's settings, Chrome's
 * incognito, ...), localStorage throws in our cross-site frame, and they are
 * kept in the host page's localStorage instead, through the loader (the
 * `storage` and `storageSet` messages): the blog's own storage, where
 * WordPress too keeps commenter details. Either way reads go through memory,
 * so the widget keeps working with no storage at all.
 *
 * NEVER store anything secret through this module (sign-in or auth tokens,
 * anything a script on the host page must not read): every key may end up on
 * the host page. Its keys are typed as the draft and author keys only
 * (HostStorageKey), and the loader refuses any other; secrets need a store of
 * their own that never falls back to the host.
 */
import type { HostStorageKey } from '../../contract/messages.ts';

export type { HostStorageKey };

export interface AuthorDetails {
  name: string;
  email: string;
  website: string;
}

/** The reader's drafts and details, in whichever storage this browser lets us use. */
export interface ReaderStorage {
  /** `iframe`: the frame's own localStorage works; `host`: relayed to the host page. */
  readonly backend: 'iframe' | 'host';
  get(key: HostStorageKey): string | null;
  /** Stores `value`; null or '' removes the key. */
  set(key: HostStorageKey, value: string | null): void;
  /**
   * Takes what the host page kept for this site (the loader's `storage`
   * message) and tells subscribers. Keys set in this session keep their newer
   * value. Ignored with the iframe backend.
   */
  fill(data: Record<string, string>): void;
  /** Calls `listener` after each fill; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

const PROBE_KEY = 'parley:probe';

/** The frame's localStorage if it can be written, else null (blocked, or full). */
function usableLocalStorage(): Storage | null {
  try {
    const storage = window.localStorage;
    storage.setItem(PROBE_KEY, '1');
    storage.removeItem(PROBE_KEY);
    return storage;
  } catch {
    return null;
  }
}

/**
 * Probes the iframe's localStorage once and returns the storage to use.
 * `relay` sends a write to the host page; it is called only when the iframe's
 * own storage is unusable.
 */
export function createReaderStorage(
  relay: (key: HostStorageKey, value: string | null) => void,
): ReaderStorage {
  const local = usableLocalStorage();
  // This session's writes (null: removed) win over anything read from a backend.
  const written = new Map<string, string | null>();
  // What the host page sent; empty until its `storage` message arrives.
  const fromHost = new Map<string, string>();
  const listeners = new Set<() => void>();

  const stored = (key: string): string | null => {
    if (!local) return fromHost.get(key) ?? null;
    try {
      return local.getItem(key);
    } catch {
      return null;
    }
  };

  return {
    backend: local ? 'iframe' : 'host',
    get: (key) => (written.has(key) ? (written.get(key) as string | null) : stored(key)),
    set(key, value) {
      const kept = value || null;
      written.set(key, kept);
      if (!local) {
        relay(key, kept);
        return;
      }
      try {
        if (kept === null) local.removeItem(key);
        else local.setItem(key, kept);
      } catch {
        // Full: this value lives only in memory.
      }
    },
    fill(data) {
      if (local) return;
      for (const [key, value] of Object.entries(data)) fromHost.set(key, value);
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Key of the draft for one form: the page's main form, or a reply to `parentId`. */
export function draftKey(site: string, page: string, parentId: string | null): HostStorageKey {
  return `parley:draft:${site}:${page}${parentId ? `:${parentId}` : ''}`;
}

// One key per site: the same reader comments on many pages of it.
const authorKey = (site: string): HostStorageKey => `parley:author:${site}`;

/** The details saved by "Save my name, email, and website", or null. */
export function loadAuthor(storage: ReaderStorage, site: string): AuthorDetails | null {
  try {
    const value = JSON.parse(storage.get(authorKey(site)) ?? 'null') as Partial<AuthorDetails>;
    if (!value || typeof value.name !== 'string' || typeof value.email !== 'string') return null;
    return { name: value.name, email: value.email, website: String(value.website ?? '') };
  } catch {
    return null;
  }
}

/** Saves the details, or forgets them when `details` is null. */
export function saveAuthor(
  storage: ReaderStorage,
  site: string,
  details: AuthorDetails | null,
): void {
  storage.set(authorKey(site), details && JSON.stringify(details));
}
