/**
 * A store that outlives the processes started on it, for tests of what a
 * restart keeps: start the real server on it as main.ts does (the
 * configuration resolved from the environment and the store), stop it,
 * start another. startTestServer's store ends with its server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type ParleyApp } from '../app.ts';
import { resolveConfig } from '../config.resolve.ts';
import type { Config } from '../config.ts';
import { loadConfig } from '../config.ts';
import { createDb, type Db, migrateToLatest } from '../store/db.ts';
import { type Dialect, freshPostgres } from './test-server.ts';

export interface LastingStore {
  /** SQLITE_PATH or DATABASE_URL: what a process needs to open this store. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** An empty store of `dialect`; drop it when the test is done. */
export async function lastingStore(dialect: Dialect): Promise<LastingStore> {
  if (dialect === 'postgres') {
    const database = await freshPostgres();
    return { env: { DATABASE_URL: database.url }, drop: database.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'parley-lasting-'));
  return {
    env: { SQLITE_PATH: join(dir, 'parley.sqlite') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The environment of a test process on `store`: port 0, silent, no flood control. */
export function envOn(store: LastingStore, extra: Record<string, string> = {}) {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    COMMENT_RATE_LIMIT: '100000',
    SITE_COMMENT_RATE_LIMIT: '1000000',
    ...store.env,
    ...extra,
  };
}

/** The configuration a process starting on `store` ends up with (main.ts). */
export function configOn(store: LastingStore, extra: Record<string, string> = {}): Promise<Config> {
  return resolveConfig(loadConfig(envOn(store, extra)));
}

export interface RunningServer {
  parley: ParleyApp;
  url: string;
}

/** Starts the real server on `store`, as main.ts does; `logs` collects its log lines. */
export async function startOn(
  store: LastingStore,
  extra: Record<string, string> = {},
  logs?: string[],
): Promise<RunningServer> {
  const parley = createApp(
    await configOn(store, extra),
    logs ? { logDestination: { write: (line: string) => void logs.push(line) } } : {},
  );
  const { port } = await parley.start();
  return { parley, url: `http://127.0.0.1:${port}` };
}

/** Opens `store` (migrated) for `work` alone, as no process would: to look at or set up rows. */
export async function withStoreDb<T>(
  store: LastingStore,
  work: (db: Db) => Promise<T>,
): Promise<T> {
  const db = createDb(loadConfig(envOn(store)).database);
  try {
    await migrateToLatest(db);
    return await work(db);
  } finally {
    await db.destroy();
  }
}
