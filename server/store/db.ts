import { createRequire } from 'node:module';
import { CompiledQuery, Kysely, PostgresDialect, SqliteAdapter } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import type pg from 'pg';
import type { Config } from '../config.ts';
import type { Database } from './database.ts';
import * as initial from './migrations/2026-11-24T1200-initial.ts';
import * as signIn from './migrations/2026-11-25T0900-sign-in.ts';
import * as moderation from './migrations/2026-11-25T1500-moderation.ts';
import * as ticketBinding from './migrations/2026-11-28T1000-ticket-binding.ts';
import * as siteVersion from './migrations/2026-11-29T0900-site-version.ts';
import * as readerLocale from './migrations/2026-11-29T1700-reader-locale.ts';
import * as importKeys from './migrations/2026-11-29T1800-import-keys.ts';
import * as events from './migrations/2026-11-29T1900-events.ts';
import * as avatars from './migrations/2026-11-29T2000-avatars.ts';
import * as subscriptions from './migrations/2026-11-29T2100-subscriptions.ts';
import * as readPath from './migrations/2026-11-29T2200-read-path.ts';
import * as guestDataLinks from './migrations/2026-11-29T2300-guest-data-links.ts';
import * as duplicateCheck from './migrations/2026-11-29T2350-duplicate-check.ts';
import * as nobodyBehind from './migrations/2026-11-30T0000-nobody-behind.ts';
import * as anonymousAuthors from './migrations/2026-11-30T0100-anonymous-authors.ts';
import * as duplicateCheckText from './migrations/2026-11-30T0120-duplicate-check-text.ts';
import * as storedSecrets from './migrations/2026-11-30T0800-stored-secrets.ts';
import * as commentIndexWrites from './migrations/2026-11-30T0830-comment-index-writes.ts';
import * as dashboardIndexes from './migrations/2026-11-30T0900-dashboard-indexes.ts';
import { openSqlite } from './sqlite.ts';
import { ParleySqliteDialect } from './sqlite-direct.ts';

export type Db = Kysely<Database>;

// pg is loaded only for a PostgreSQL store: an SQLite instance would carry
// it in memory for nothing (docs/performance.md, "Memory").
const require = createRequire(import.meta.url);

// Listed explicitly (not read from a folder) so the set of migrations is part
// of the code that ships and type-checked with it.
const migrations: Record<string, Migration> = {
  '2026-11-24T1200-initial': initial,
  '2026-11-25T0900-sign-in': signIn,
  '2026-11-25T1500-moderation': moderation,
  '2026-11-28T1000-ticket-binding': ticketBinding,
  '2026-11-29T0900-site-version': siteVersion,
  '2026-11-29T1700-reader-locale': readerLocale,
  '2026-11-29T1800-import-keys': importKeys,
  '2026-11-29T1900-events': events,
  '2026-11-29T2000-avatars': avatars,
  '2026-11-29T2100-subscriptions': subscriptions,
  '2026-11-29T2200-read-path': readPath,
  '2026-11-29T2300-guest-data-links': guestDataLinks,
  '2026-11-29T2350-duplicate-check': duplicateCheck,
  '2026-11-30T0000-nobody-behind': nobodyBehind,
  '2026-11-30T0100-anonymous-authors': anonymousAuthors,
  '2026-11-30T0120-duplicate-check-text': duplicateCheckText,
  '2026-11-30T0800-stored-secrets': storedSecrets,
  '2026-11-30T0830-comment-index-writes': commentIndexWrites,
  '2026-11-30T0900-dashboard-indexes': dashboardIndexes,
};

/**
 * Opens the store the config names: PostgreSQL when DATABASE_URL is set,
 * else SQLite (with its checkpoints on a worker thread when
 * `backgroundCheckpoints`: the server).
 */
export function createDb(
  database: Config['database'],
  options: { backgroundCheckpoints?: boolean } = {},
): Db {
  if (database.kind === 'postgres') {
    return new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: new (require('pg') as typeof pg).Pool({ connectionString: database.url }),
      }),
    });
  }
  return new Kysely<Database>({
    dialect: new ParleySqliteDialect(openSqlite(database.path, options)),
  });
}

/**
 * Brings the schema up to date, or only up to the migration named `upTo`
 * (a data migration's test starts from the schema before it); throws if any
 * migration fails.
 */
export async function migrateToLatest(db: Db, upTo?: string): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return migrate(db, upTo);
  // SQLite: Kysely takes no lock and runs each statement on its own there, so
  // processes starting at once on a new store (the server and the CLI) ran
  // the same migrations together: all but one failed ("table already
  // exists"), and a statement that doesn't fail when run twice (a data
  // update) would have run twice. One IMMEDIATE transaction around the run
  // makes the others wait for the first (busy timeout), then find nothing
  // left to do; and a migration that fails now leaves nothing half done. The
  // store has one connection, so every statement of the run is in it.
  // In one process the runs also go one at a time: node:sqlite waits for a
  // lock synchronously, so a second store object on the same file would wait
  // out the busy timeout while the first, whose turn never comes, holds it.
  const run = sqliteMigrations.then(async () => {
    await db.executeQuery(CompiledQuery.raw('begin immediate'));
    try {
      await migrate(db, upTo);
    } catch (err) {
      // SQLite may have rolled back already (an I/O error, a full disk): the
      // migration's own error is the one worth telling, not the rollback's.
      await db.executeQuery(CompiledQuery.raw('rollback')).catch(() => {});
      throw err;
    }
    await db.executeQuery(CompiledQuery.raw('commit'));
  });
  sqliteMigrations = run.catch(() => {});
  return run;
}

/** This process's SQLite migration runs, chained (migrateToLatest). */
let sqliteMigrations: Promise<void> = Promise.resolve();

async function migrate(db: Db, upTo?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = upTo
    ? await migrator.migrateTo(upTo)
    : await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
