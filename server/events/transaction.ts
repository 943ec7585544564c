/**
 * Write transactions that record events, and what happens after their
 * commit: this process's relay publishes the events at once (instead of at
 * its next poll), and commit listeners (the cache) hear of them. Writes from
 * another process (the CLI) have no relay here: the server's poll picks
 * them up.
 */
import { SqliteAdapter } from 'kysely';
import type { EventRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import {
  connectionOf,
  holdConnection,
  runDirect,
  withJournalsInMemory,
} from '../store/sqlite-direct.ts';
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
 * On SQLite, writes that arrive in the same turn of the event loop share one commit
 * (commitGroups below); each still succeeds or fails alone.
 */
export function writeTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return write(db, work, false);
}

/**
 * writeTransaction for a write that changes a handful of rows (a guest's
 * post: its page, avatar, comment and event), never a whole site's or
 * table's: on SQLite its journals can be kept in memory (runGroups below).
 */
export function writeFewRows<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return write(db, work, true);
}

async function write<T>(db: Db, work: (tx: Db) => Promise<T>, fewRows: boolean): Promise<T> {
  const relay = ownRelays.get(db);
  const recording: Recording = { events: [], rows: [], claimant: relay?.claimant ?? null };
  const result = isSqlite(db)
    ? await inCommitGroup(db, work, recording, fewRows)
    : await db.transaction().execute((tx) => {
        recordings.set(tx, recording);
        return work(tx);
      });
  for (const listener of committedListeners.get(db) ?? []) listener(recording.events);
  if (relay && recording.rows.length > 0) relay.committed(recording.rows);
  return result;
}

/**
 * Group commit on SQLite. Its one connection runs one transaction at a
 * time, and each commit writes every page it changed to the WAL (the
 * comment's table and index pages, the event's): ~10% of a guest POST,
 * and the WAL the checkpoints then copy (docs/performance.md). Writes that
 * arrive in the same turn of the event loop now run together in one
 * transaction, each inside a savepoint of its own: one that throws
 * rolls back to its savepoint alone and the others commit. Nobody hears of
 * success before the commit; a commit that fails fails every write of its
 * group, as the commit of each would have. A write that arrives alone runs
 * alone, in a plain transaction as before. PostgreSQL has a pool of
 * connections, whose transactions run side by side: nothing to group.
 */
interface Queued {
  work: (tx: Db) => Promise<unknown>;
  recording: Recording;
  fewRows: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}
interface CommitGroups {
  waiting: Queued[];
  running: boolean;
}
const commitGroups = new WeakMap<Db, CommitGroups>();
/** Bounds how long one transaction (and the readers waiting for the connection) can run. */
const MAX_GROUP = 32;
const SAVEPOINT = 'parley_write';

function isSqlite(db: Db): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

function inCommitGroup<T>(
  db: Db,
  work: (tx: Db) => Promise<T>,
  recording: Recording,
  fewRows: boolean,
): Promise<T> {
  let groups = commitGroups.get(db);
  if (!groups) {
    groups = { waiting: [], running: false };
    commitGroups.set(db, groups);
  }
  const queued = groups;
  return new Promise<T>((resolve, reject) => {
    queued.waiting.push({
      work,
      recording,
      fewRows,
      resolve: resolve as (value: unknown) => void,
      reject,
    });
    if (!queued.running) {
      queued.running = true;
      // node:sqlite answers at once, so a transaction runs from begin to
      // commit without yielding to I/O: started here, no other write could
      // ever join it. Started after this turn of the event loop instead,
      // it takes every write that the requests read in the same turn reach
      // (4-10 under the bench's ten guests), at the cost of the rest of the
      // turn's work, which runs first either way.
      setImmediate(() => void runGroups(db, queued));
    }
  });
}

async function runGroups(db: Db, groups: CommitGroups): Promise<void> {
  groups.running = true;
  try {
    while (groups.waiting.length > 0) {
      const group = groups.waiting.splice(0, MAX_GROUP);
      const run = (on: Db) =>
        group.length === 1 ? runAlone(on, group[0] as Queued) : runTogether(on, group);
      // Writes of a few rows each journal a few pages in memory. SQLite
      // keeps a transaction's savepoint and statement journal in memory
      // only up to 64 KiB, then in a temporary file: a guest post's
      // savepoint outgrew that, and every page of the rest of its group
      // was written to that file (~24 writes to the disk per post, beside
      // the WAL's ~10). A large write (a site deleted, a retention sweep)
      // keeps the file: its journal could be as large as the table.
      await (group.every((write) => write.fewRows) ? withJournalsInMemory(db, run) : run(db)).catch(
        // Only setting the journals' place can fail here (each write settles
        // itself): those it kept from running fail with it.
        (error: unknown) => {
          for (const write of group) write.reject(error);
        },
      );
    }
  } finally {
    groups.running = false;
  }
}

async function runAlone(db: Db, write: Queued): Promise<void> {
  try {
    write.resolve(
      await db.transaction().execute(async (tx) => {
        recordings.set(tx, write.recording);
        const letGo = holdConnection(tx);
        try {
          return await write.work(tx);
        } finally {
          letGo();
        }
      }),
    );
  } catch (error) {
    write.reject(error);
  }
}

async function runTogether(db: Db, group: Queued[]): Promise<void> {
  const committed: [Queued, unknown][] = [];
  const settled = new Set<Queued>();
  let trx: OpenTransaction | undefined;
  try {
    trx = await db.startTransaction().execute();
    for (const write of group) {
      const savepoint = await openSavepoint(trx);
      recordings.set(savepoint.tx, write.recording);
      const letGo = holdConnection(savepoint.tx);
      let value: unknown;
      try {
        value = await write.work(savepoint.tx);
      } catch (error) {
        letGo();
        settled.add(write);
        write.reject(error);
        // Its own changes undone; the group goes on without them.
        await savepoint.rollBack();
        continue;
      }
      letGo();
      await savepoint.release();
      committed.push([write, value]);
    }
    await trx.commit().execute();
  } catch (error) {
    // A savepoint command or the commit failed: nothing of the group is stored.
    await trx
      ?.rollback()
      .execute()
      .catch(() => {});
    for (const write of group) if (!settled.has(write)) write.reject(error);
    return;
  }
  for (const [write, value] of committed) write.resolve(value);
}

type OpenTransaction = Awaited<ReturnType<ReturnType<Db['startTransaction']>['execute']>>;

/** One write's savepoint in the group's transaction, and the Db its work runs on. */
interface Savepoint {
  tx: Db;
  rollBack(): Promise<void>;
  release(): Promise<void>;
}

/**
 * Opens a write's savepoint. On node:sqlite its commands run directly on
 * the connection the group's transaction holds (store/sqlite-direct.ts):
 * through Kysely each one compiled its command anew and went through the
 * executor, machinery worth several statements for one of 1-3 µs. The
 * write still gets a Db of its own (its recording is keyed by it), over
 * the same transaction.
 */
async function openSavepoint(trx: OpenTransaction): Promise<Savepoint> {
  const connection = connectionOf(trx);
  if (!connection) {
    const tx = await trx.savepoint(SAVEPOINT).execute();
    return {
      tx,
      rollBack: async () => {
        await tx.rollbackToSavepoint(SAVEPOINT).execute();
        await tx.releaseSavepoint(SAVEPOINT).execute();
      },
      release: async () => {
        await tx.releaseSavepoint(SAVEPOINT).execute();
      },
    };
  }
  runDirect(connection, `savepoint ${SAVEPOINT}`, []);
  return {
    // $extendTables only changes types: a new Db over the same transaction.
    tx: trx.$extendTables<Record<never, never>>(),
    rollBack: async () => {
      runDirect(connection, `rollback to ${SAVEPOINT}`, []);
      runDirect(connection, `release ${SAVEPOINT}`, []);
    },
    release: async () => {
      runDirect(connection, `release ${SAVEPOINT}`, []);
    },
  };
}
