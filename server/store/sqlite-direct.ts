/**
 * Statements run straight on the node:sqlite connection, without Kysely's
 * executor around them. node:sqlite answers synchronously, yet each query
 * through Kysely takes its connection provider, the connection mutex (or a
 * transaction's own), a result transform and a dozen promises: ~7% of a
 * guest post's CPU time, for statements of 1-95 µs (docs/performance.md,
 * "Session 19: the store side").
 *
 * Taken only where Kysely would run the statement on that same connection at
 * that same moment anyway:
 * - a Db outside any transaction, while the connection is in none either (a
 *   transaction open on it belongs to someone else: then Kysely's mutex
 *   makes the statement wait for its end, as before);
 * - a transaction while writeTransaction holds it for a write (`holdConnection`).
 * Anything else, and PostgreSQL, goes through Kysely as before.
 */
import { type DialectAdapter, SqliteDialect } from 'kysely';
import type { Db } from './db.ts';
import type { ParleySqlite } from './sqlite.ts';

const connections = new WeakMap<DialectAdapter, ParleySqlite>();
const held = new WeakSet<Db>();

/** Kysely's SqliteDialect, remembering which connection each Kysely instance built on it uses. */
export class ParleySqliteDialect extends SqliteDialect {
  readonly #database: ParleySqlite;
  constructor(database: ParleySqlite) {
    super({ database });
    this.#database = database;
  }
  override createAdapter(): DialectAdapter {
    const adapter = super.createAdapter();
    connections.set(adapter, this.#database);
    return adapter;
  }
}

/**
 * The connection a statement for `db` may run on directly now, or undefined
 * when it must go through Kysely (see the top of this file).
 */
export function directConnection(db: Db): ParleySqlite | undefined {
  const connection = connectionOf(db);
  if (!connection) return undefined;
  if (db.isTransaction) return held.has(db) ? connection : undefined;
  return connection.inTransaction ? undefined : connection;
}

/**
 * The node:sqlite connection under `db` whatever its state, for a caller
 * holding it in a transaction of its own (the commit group's savepoints);
 * undefined for PostgreSQL or a Db with plugins.
 */
export function connectionOf(db: Db): ParleySqlite | undefined {
  const executor = db.getExecutor();
  // A plugin transforms queries or results: only Kysely applies it.
  return executor.plugins.length > 0 ? undefined : connections.get(executor.adapter);
}

/**
 * Lets statements for `tx` run directly while its transaction is open and
 * the caller is running a write in it; returns the undo (call it before the
 * commit or rollback: a Kysely transaction used after its end must throw).
 */
export function holdConnection(tx: Db): () => void {
  held.add(tx);
  return () => held.delete(tx);
}

/** Runs the statement `text` with `parameters` on `connection`: its rows (none for a statement that returns none). */
export function runDirect<O>(
  connection: ParleySqlite,
  text: string,
  parameters: readonly unknown[],
): O[] {
  const statement = connection.prepare(text);
  if (statement.reader) return statement.all(parameters) as O[];
  statement.run(parameters);
  return [];
}

/**
 * Runs `run` with the connection under `db` held (nobody else's statements
 * in between) and SQLite's journals of statements and savepoints in memory
 * (temp_store), not in a temporary file once past 64 KiB; the setting is
 * back to the default when it ends. Only for transactions known to change
 * few pages: the journal of one that changes many would take their size in
 * memory. On PostgreSQL just runs `run` on `db`.
 */
export async function withJournalsInMemory<T>(db: Db, run: (held: Db) => Promise<T>): Promise<T> {
  const connection = connectionOf(db);
  if (!connection) return run(db);
  return db.connection().execute(async (held) => {
    // Outside any transaction, or SQLite refuses it (SQLite reads it when a write transaction begins).
    runDirect(connection, 'pragma temp_store = memory', []);
    try {
      return await run(held);
    } finally {
      runDirect(connection, 'pragma temp_store = default', []);
    }
  });
}
