/**
 * The last step of reading the configuration, for processes that serve (the
 * server, the demo, tests): without AUTH_SECRET the secret comes from the
 * store, so the store is opened and migrated once to read it. The CLI does
 * the same on the store it already opens (cli/context.ts).
 */
import { withAuthSecret } from './auth/auth-secret.service.ts';
import type { Config, EnvConfig } from './config.ts';
import { createDb, migrateToLatest } from './store/db.ts';

/** A complete Config: `config` as it is when AUTH_SECRET is set, else with the store's secret. */
export async function resolveConfig(config: EnvConfig): Promise<Config> {
  const { authSecret } = config;
  if (authSecret !== undefined) return Object.freeze({ ...config, authSecret });
  const db = createDb(config.database);
  try {
    await migrateToLatest(db);
    return await withAuthSecret(db, config);
  } finally {
    await db.destroy();
  }
}
