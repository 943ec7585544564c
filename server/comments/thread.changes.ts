/**
 * Where writes say that a thread changed, for the thread cache. One small
 * function until the event stream (server/events/) lands; then the cache
 * subscribes to that instead (every instance, writes from the CLI too), and
 * this goes.
 */
import type { Db } from '../store/db.ts';

type Listener = (site: string | null, page: string | null) => void;

const listeners = new WeakMap<Db, Set<Listener>>();

/** Calls `listener` on each change written through `db`; returns an unsubscribe. */
export function onThreadChange(db: Db, listener: Listener): () => void {
  let set = listeners.get(db);
  if (!set) {
    set = new Set();
    listeners.set(db, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Announces a committed change: to one page of a site, to a whole site
 * (page null: bulk moderation, settings), or to everything (site null).
 */
export function threadChanged(db: Db, site: string | null, page: string | null): void {
  for (const listener of listeners.get(db) ?? []) listener(site, page);
}
