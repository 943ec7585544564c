/**
 * `parley copy` and the secret kept in the store when AUTH_SECRET is unset:
 * it moves with the data it signed, so readers stay signed in and emailed
 * links keep working on the new store; it replaces a secret the (otherwise
 * empty) target made for itself, and a refused copy leaves the target as it was.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { findSecret } from '../auth/auth-secret.repository.ts';
import { STORED_AUTH_SECRET } from '../auth/auth-secret.service.ts';
import { saveSite } from '../sites/site.service.ts';
import { signInReader } from '../test/factories.ts';
import {
  configOn,
  type LastingStore,
  lastingStore,
  startOn,
  withStoreDb,
} from '../test/lasting-store.ts';
import { DIALECTS, type Dialect } from '../test/test-server.ts';
import { runParley } from './test/run-parley.ts';

const OTHER_SECRET = 'an-operator-chosen-secret-of-more-than-32-characters';
const stores: LastingStore[] = [];
afterAll(async () => {
  for (const store of stores) await store.drop();
});

async function freshStore(dialect: Dialect): Promise<LastingStore> {
  const store = await lastingStore(dialect);
  stores.push(store);
  return store;
}

/** How `copy` names a store on its command line. */
const flag = (store: LastingStore) =>
  store.env.DATABASE_URL ?? `sqlite:${store.env.SQLITE_PATH as string}`;

const copy = (from: LastingStore, to: LastingStore) =>
  runParley(['copy', '--from', flag(from), '--to', flag(to)], {});

const storedSecret = (store: LastingStore) =>
  withStoreDb(store, (db) => findSecret(db, STORED_AUTH_SECRET));

/** A source a server ran on without AUTH_SECRET, with a signed-in reader; returns their token. */
async function servedSource(dialect: Dialect) {
  const source = await freshStore(dialect);
  const server = await startOn(source);
  await saveSite(server.parley.db, { id: 'blog', origins: ['https://blog.example'] });
  const { token } = await signInReader(server.parley.db, server.parley.config.authSecret, {
    siteId: 'blog',
    providerUserId: '7',
    displayName: 'Ada',
  });
  await server.parley.stop();
  return { source, token, secret: server.parley.config.authSecret };
}

const me = (url: string, token: string) =>
  fetch(`${url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });

// From SQLite (the default install) to each dialect.
describe.each(DIALECTS)('copy and the stored secret, SQLite to %s', (dialect) => {
  it('carries it: a reader signed in on the old store is still signed in on the new one', async () => {
    const { source, token, secret } = await servedSource('sqlite');
    const target = await freshStore(dialect);
    const r = await copy(source, target);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ {2}secrets +1\n/);
    expect(r.stdout).toMatch(/secret kept in the store .* came along/);
    expect(r.stdout + r.stderr).not.toContain(secret);
    expect(await storedSecret(target)).toBe(secret);
    const server = await startOn(target);
    try {
      expect(server.parley.config.authSecret).toBe(secret);
      expect((await me(server.url, token)).status).toBe(200);
    } finally {
      await server.parley.stop();
    }
  });

  it('replaces the secret an otherwise empty target made for itself', async () => {
    const { source, token, secret } = await servedSource('sqlite');
    const target = await freshStore(dialect);
    // A server started on the new store first (to see that it works) made its own.
    const own = (await configOn(target)).authSecret;
    expect(own).not.toBe(secret);
    expect((await copy(source, target)).code).toBe(0);
    expect(await storedSecret(target)).toBe(secret);
    const server = await startOn(target);
    try {
      expect((await me(server.url, token)).status).toBe(200);
    } finally {
      await server.parley.stop();
    }
  });

  it('leaves the target’s secret when the source has none (it ran with AUTH_SECRET)', async () => {
    const source = await freshStore('sqlite');
    const server = await startOn(source, { AUTH_SECRET: OTHER_SECRET });
    await saveSite(server.parley.db, { id: 'blog', origins: ['https://blog.example'] });
    await server.parley.stop();
    const target = await freshStore(dialect);
    const own = (await configOn(target)).authSecret;
    expect((await copy(source, target)).code).toBe(0);
    expect(await storedSecret(source)).toBeUndefined();
    expect(await storedSecret(target)).toBe(own);
  });

  it('refuses a target holding data, and leaves its secret as it was', async () => {
    const { source, secret } = await servedSource('sqlite');
    const target = await freshStore(dialect);
    const own = (await configOn(target)).authSecret;
    await withStoreDb(target, (db) =>
      saveSite(db, { id: 'other', origins: ['https://other.example'] }),
    );
    const r = await copy(source, target);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already holds data .*copy into an empty database/);
    expect(r.stdout + r.stderr).not.toContain(secret);
    expect(await storedSecret(target)).toBe(own);
  });
});
