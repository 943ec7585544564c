/**
 * The secret that signs readers' tokens and emailed links, keys guests'
 * avatars and seals live ids when AUTH_SECRET is unset: made once, by
 * whichever process on the store asks first, then kept in the store, so a
 * restart, a second process and the CLI all use the same one (Isso keeps its
 * session key in its database the same way).
 */
import { randomBytes } from 'node:crypto';
import type { Config, EnvConfig } from '../config.ts';
import type { Db } from '../store/db.ts';
import { findSecret, insertSecretIfAbsent } from './auth-secret.repository.ts';

/** The row of `secrets` that stands in for AUTH_SECRET. */
export const STORED_AUTH_SECRET = 'auth';

/**
 * The store's secret, made now if it has none. Insert-if-absent, then read
 * what is stored: of two processes starting at once, both get the winner's.
 */
export async function storedAuthSecret(db: Db): Promise<string> {
  await insertSecretIfAbsent(db, {
    name: STORED_AUTH_SECRET,
    // 256 bits, as AUTH_SECRET's own advice (openssl rand -base64 32).
    value: randomBytes(32).toString('base64url'),
    created_at: new Date().toISOString(),
  });
  const value = await findSecret(db, STORED_AUTH_SECRET);
  // Only a hand-edited table gets here; the message names the row, never its value.
  if (value === undefined || value.length < 32) {
    throw new Error(
      `The store's secrets table holds no usable "${STORED_AUTH_SECRET}" secret (it must be at least 32 characters): delete that row to have a new one made (readers are then signed out), or set AUTH_SECRET`,
    );
  }
  return value;
}

/**
 * The complete configuration on an open, migrated store: AUTH_SECRET when
 * set (it always wins, and the store is not touched), else the store's.
 */
export async function withAuthSecret(db: Db, config: EnvConfig): Promise<Config> {
  return Object.freeze({
    ...config,
    authSecret: config.authSecret ?? (await storedAuthSecret(db)),
  });
}
