/**
 * Adapts Node's built-in `node:sqlite` to the interface Kysely's SqliteDialect
 * expects (shaped after better-sqlite3). The difference: node:sqlite takes
 * statement parameters spread, better-sqlite3 takes an array. No native addon
 * to compile this way.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Checkpoints run by a connection of their own on a worker thread: copying
 * the WAL into the database file ends in an fsync of each, which on a busy
 * disk takes 10-400 ms. Run by the connection that commits (SQLite's
 * automatic checkpoint, every 1,000 pages), one commit in ~40 stopped the
 * server's only thread that long: 86% of all the time guest POSTs spent
 * committing (docs/performance.md). A PASSIVE checkpoint never blocks the
 * writer or readers; the automatic one stays as a fallback at 20,000 pages
 * (80 MB of WAL) should the worker fall behind or fail.
 */
const CHECKPOINT_WORKER = `
const { workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.path);
setInterval(() => {
  try { db.exec('PRAGMA wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.everyMs);
`;
const CHECKPOINT_EVERY_MS = 250;

/** The connection as Kysely sees it, and whether a transaction is open on it (sqlite-direct.ts). */
export interface ParleySqlite extends SqliteDatabase {
  readonly inTransaction: boolean;
}

/**
 * Opens (creating if needed) the SQLite file at `path`, tuned for a web
 * server; `backgroundCheckpoints` moves checkpoints off this thread (the
 * server; a short CLI run needs no extra thread).
 */
export function openSqlite(
  path: string,
  options: { backgroundCheckpoints?: boolean } = {},
): ParleySqlite {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  // WAL lets readers proceed while a comment is being written; the busy
  // timeout covers the CLI writing while the server runs. It comes first:
  // the switch to WAL takes a lock too, and without a timeout a process
  // opening the store while another holds it (the server and the CLI, or
  // several processes, starting at once) failed with "database is locked". synchronous=NORMAL
  // (SQLite's advice for WAL): a commit no longer waits for the disk to
  // flush (fsync) but only at checkpoints; the store stays consistent
  // through any crash, and only a power loss or an OS crash can undo the last
  // commits, each with its events (one transaction). FULL made every guest
  // POST wait for three fsyncs (comment, event claim, event published):
  // ~30 ms each on a shared disk (docs/performance.md).
  db.exec(
    'PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;',
  );
  // Kysely prepares every query it runs. Parsing the same SQL again each time
  // costs time, and each statement holds native memory the garbage collector
  // doesn't see until it runs: an import of 100,000 comments ran several
  // hundred thousand. So the most recent statements are kept and reused
  // (Kysely runs one query at a time per connection, so none is shared).
  const cache = new Map<string, SqliteStatement>();
  let checkpointer: Worker | undefined;
  if (options.backgroundCheckpoints && path !== ':memory:') {
    db.exec('PRAGMA wal_autocheckpoint = 20000;');
    checkpointer = new Worker(CHECKPOINT_WORKER, {
      eval: true,
      workerData: { path, everyMs: CHECKPOINT_EVERY_MS },
      // It runs one statement on a timer: a small heap is plenty (memory, issue 10).
      resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1, stackSizeMb: 1 },
    });
    // Never what keeps the process alive; an error leaves the fallback.
    checkpointer.unref();
    checkpointer.on('error', () => {});
  }
  return {
    get inTransaction() {
      return db.isTransaction;
    },
    close: () => {
      void checkpointer?.terminate();
      cache.clear();
      db.close();
    },
    prepare(sql: string): SqliteStatement {
      const hit = cache.get(sql);
      if (hit) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = prepareStatement(db, sql);
      cache.set(sql, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}

/** How many prepared statements a connection keeps for reuse. */
const STATEMENT_CACHE_SIZE = 200;

function prepareStatement(db: DatabaseSync, sql: string): SqliteStatement {
  const stmt = db.prepare(sql);
  const args = (params: ReadonlyArray<unknown>) => params as SQLInputValue[];
  return {
    reader: stmt.columns().length > 0,
    all: (params) => stmt.all(...args(params)),
    run: (params) => {
      const r = stmt.run(...args(params));
      return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
    },
    iterate: (params) => stmt.iterate(...args(params)),
  };
}
