/**
 * What every CLI command gets: the configuration (read only when a command
 * runs, so `--help` works whatever the environment), the store, and where to
 * print. Commands return what to print; they never exit the process.
 */
import type { EnvConfig } from '../config.ts';
import { loadConfig } from '../config.ts';
import { createDb, type Db, migrateToLatest } from '../store/db.ts';

export interface CliIo {
  /** Environment the configuration is read from (process.env for the real CLI). */
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface CliContext {
  /**
   * The validated configuration; throws ConfigError naming a bad variable.
   * Its authSecret is AUTH_SECRET's or undefined.
   */
  config(): EnvConfig;
  /**
   * Opens the configured store (migrated to the latest schema), runs `work`
   * with the complete configuration (the store's secret when AUTH_SECRET is
   * unset, the one the server uses: avatar keys agree), closes the store.
   */
  withDb<T>(work: (db: Db, config: EnvConfig) => Promise<T>): Promise<T>;
  /** Prints a result line (or lines) on stdout. */
  print(text: string): void;
  /** Prints a progress or notice line on stderr, so stdout stays the result alone. */
  progress(text: string): void;
  /** Writes raw output on stdout (an export piped to a file). */
  write(text: string): void;
}

export function createContext(io: CliIo): CliContext {
  let config: EnvConfig | undefined;
  const context: CliContext = {
    config() {
      config ??= loadConfig(io.env);
      return config;
    },
    async withDb(work) {
      const current = context.config();
      const db = createDb(current.database);
      try {
        await migrateToLatest(db);
        return await work(db, current);
      } finally {
        await db.destroy();
      }
    },
    print(text) {
      io.stdout(text.endsWith('\n') ? text : `${text}\n`);
    },
    write(text) {
      io.stdout(text);
    },
    progress(text) {
      io.stderr(text.endsWith('\n') ? text : `${text}\n`);
    },
  };
  return context;
}
