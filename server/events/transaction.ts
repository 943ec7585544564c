/**
 * Write transactions that record events, and the after-commit wake-up of
 * this process's relay, so a change is published at once instead of at the
 * relay's next poll. Writes from another process (the CLI) have no relay to
 * wake: the server's poll picks them up.
 */
import type { Db } from '../store/db.ts';

const committedListeners = new WeakMap<Db, Set<() => void>>();

/** Calls `listener` after each writeTransaction on `db` commits; returns an unsubscribe. */
export function onCommit(db: Db, listener: () => void): () => void {
  let listeners = committedListeners.get(db);
  if (!listeners) {
    listeners = new Set();
    committedListeners.set(db, listeners);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Runs `work` in one transaction (the change and its events commit
 * together or not at all), then wakes the relay.
 */
export async function writeTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  const result = await db.transaction().execute(work);
  for (const listener of committedListeners.get(db) ?? []) listener();
  return result;
}
