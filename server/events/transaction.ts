/**
 * Write transactions that record events, and what happens after their
 * commit: this process's relay publishes the events at once (instead of at
 * its next poll), and commit listeners (the cache) hear of them. Writes from
 * another process (the CLI) have no relay here: the server's poll picks
 * them up.
 */
import type { EventRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import type { NewEvent } from './event.types.ts';

/** Called after a writeTransaction commits, with the events it recorded. */
export type CommitListener = (recorded: readonly NewEvent[]) => void;

/**
 * The relay of this process, which publishes what writeTransaction records
 * on its Db itself (events.ts). Its events are written already claimed by
 * it, in their own transaction: no separate claim of each new event (a
 * statement and a commit per write), and no other relay takes them unless
 * the claim outlives its lease (this process died before publishing them).
 */
export interface OwnRelay {
  /** The claim its events are written with (claimed_by). */
  readonly claimant: string;
  /** Takes the committed rows (claimed by `claimant`) to publish. */
  committed(rows: readonly EventRow[]): void;
}

const committedListeners = new WeakMap<Db, Set<CommitListener>>();
const ownRelays = new WeakMap<Db, OwnRelay>();

/** What each open writeTransaction has recorded so far (by its transaction). */
interface Recording {
  events: NewEvent[];
  rows: EventRow[];
  claimant: string | null;
}
const recordings = new WeakMap<Db, Recording>();

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

/** Makes `relay` the publisher of the events written through `db`; returns an undo. */
export function publishOwnEvents(db: Db, relay: OwnRelay): () => void {
  ownRelays.set(db, relay);
  return () => {
    if (ownRelays.get(db) === relay) ownRelays.delete(db);
  };
}

/** The claim an event recorded in `tx` is written with: its relay's, or none (any relay's poll takes it). */
export function claimantIn(tx: Db): string | null {
  return recordings.get(tx)?.claimant ?? null;
}

/** Notes an event recorded in `tx`, for its commit listeners and relay (recordEvent calls this). */
export function noteRecorded(tx: Db, event: NewEvent, row: EventRow): void {
  const recording = recordings.get(tx);
  recording?.events.push(event);
  recording?.rows.push(row);
}

/**
 * Runs `work` in one transaction (the change and its events commit
 * together or not at all), then hands the events to this process's relay.
 */
export async function writeTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  const relay = ownRelays.get(db);
  const recording: Recording = { events: [], rows: [], claimant: relay?.claimant ?? null };
  const result = await db.transaction().execute((tx) => {
    recordings.set(tx, recording);
    return work(tx);
  });
  for (const listener of committedListeners.get(db) ?? []) listener(recording.events);
  if (relay && recording.rows.length > 0) relay.committed(recording.rows);
  return result;
}
