/**
 * Write transactions that record events, and the after-commit wake-up of
 * this process's relay, so a change is published at once instead of at the
 * relay's next poll. Writes from another process (the CLI) have no relay to
 * wake: the server's poll picks them up.
 */
import type { Db } from '../store/db.ts';
import type { NewEvent } from './event.types.ts';

/** Called after a writeTransaction commits, with the events it recorded. */
export type CommitListener = (recorded: readonly NewEvent[]) => void;

const committedListeners = new WeakMap<Db, Set<CommitListener>>();
/** The events recorded so far in each open writeTransaction (by its transaction). */
const recordedIn = new WeakMap<Db, NewEvent[]>();

/** Calls `listener` after each writeTransaction on `db` commits; returns an unsubscribe. */
export function onCommit(db: Db, listener: CommitListener): () => void {
  let listeners = committedListeners.get(db);
  if (!listeners) {
    listeners = new Set();
    committedListeners.set(db, listeners);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Notes an event recorded in `tx`, for its commit listeners (recordEvent calls this). */
export function noteRecorded(tx: Db, event: NewEvent): void {
  recordedIn.get(tx)?.push(event);
}

/**
 * Runs `work` in one transaction (the change and its events commit
 * together or not at all), then wakes the relay.
 */
export async function writeTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  const recorded: NewEvent[] = [];
  const result = await db.transaction().execute((tx) => {
    recordedIn.set(tx, recorded);
    return work(tx);
  });
  for (const listener of committedListeners.get(db) ?? []) listener(recorded);
  return result;
}
