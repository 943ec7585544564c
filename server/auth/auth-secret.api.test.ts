/**
 * The secret kept in the store when AUTH_SECRET is unset: what a restart,
 * a second process and the CLI see (the same secret), what AUTH_SECRET
 * changes (everything), and that nothing a client or a log can read shows it.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runParley } from '../cli/test/run-parley.ts';
import { saveSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import { insertSubscription } from '../subscriptions/subscription.repository.ts';
import { unsubscribeUrl } from '../subscriptions/subscription.service.ts';
import { dashboardLogin, grantTeam } from '../test/dashboard.ts';
import { signInReader } from '../test/factories.ts';
import {
  configOn,
  envOn,
  type LastingStore,
  lastingStore,
  startOn,
  withStoreDb,
} from '../test/lasting-store.ts';
import { DIALECTS, type Dialect } from '../test/test-server.ts';
import { findSecret } from './auth-secret.repository.ts';
import { STORED_AUTH_SECRET } from './auth-secret.service.ts';

const run = promisify(execFile);
const FINGERPRINT = join(import.meta.dirname, 'test/secret-fingerprint.ts');
const WXR = join(import.meta.dirname, '../imports/test/wordpress.xml');
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

async function buildSite(db: Db): Promise<void> {
  await saveSite(db, {
    id: 'blog',
    name: 'My blog',
    origins: ['https://blog.example'],
    settings: { moderation: { mode: 'none', minFormSeconds: 0, linkLimit: 0 } },
  });
}

const PAGE = 'https://blog.example/hello';

/** A guest's comment over HTTP; returns the comment as the API presents it. */
async function postAsGuest(url: string, email: string, body = 'Hello') {
  const res = await fetch(`${url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      site: 'blog',
      page: PAGE,
      pageUrl: PAGE,
      pageTitle: 'Hello',
      body,
      author: { name: 'Wapuu', email },
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { comment: { id: string; author: { avatarUrl: string } } }).comment;
}

const me = (url: string, token: string) =>
  fetch(`${url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });

describe.each(DIALECTS)('the stored secret on %s', (dialect) => {
  it('is made on the first start and read back on every later one', async () => {
    const store = await freshStore(dialect);
    const first = await configOn(store);
    const second = await configOn(store);
    expect(first.authSecret).toHaveLength(43); // 32 random bytes, base64url
    expect(second.authSecret).toBe(first.authSecret);
    expect(Object.isFrozen(second)).toBe(true);
    expect(await withStoreDb(store, (db) => findSecret(db, STORED_AUTH_SECRET))).toBe(
      first.authSecret,
    );
  });

  it('is the same for processes starting at once on a store that has none', async () => {
    // From nothing: the processes also migrate the new store at once (a
    // lock on PostgreSQL, one IMMEDIATE transaction on SQLite: store/db.ts).
    const store = await freshStore(dialect);
    const env = { ...process.env, ...envOn(store) };
    const starts = Array.from({ length: 4 }, () =>
      run(process.execPath, ['--disable-warning=ExperimentalWarning', FINGERPRINT], { env }),
    );
    const prints = (await Promise.all(starts)).map((r) => r.stdout);
    // And in one process, several connections racing the insert.
    const inProcess = await Promise.all(Array.from({ length: 4 }, () => configOn(store)));
    const stored = await withStoreDb(store, (db) => findSecret(db, STORED_AUTH_SECRET));
    const fingerprint = createHash('sha256')
      .update(stored ?? '')
      .digest('hex');
    expect(new Set(prints)).toEqual(new Set([fingerprint]));
    expect(new Set(inProcess.map((c) => c.authSecret))).toEqual(new Set([stored]));
  });

  it('keeps readers signed in, guests their picture and emailed links working across a restart; AUTH_SECRET overrides it', async () => {
    const store = await freshStore(dialect);
    const before = await startOn(store);
    await buildSite(before.parley.db);
    const { token } = await signInReader(before.parley.db, before.parley.config.authSecret, {
      siteId: 'blog',
      providerUserId: '7',
      displayName: 'Ada',
    });
    expect((await me(before.url, token)).status).toBe(200);
    const picture = (await postAsGuest(before.url, 'wapuu@example.com')).author.avatarUrl;
    const page = await before.parley.db.selectFrom('pages').select('id').executeTakeFirstOrThrow();
    const subscription = {
      id: 'sub-1',
      site_id: 'blog',
      page_id: page.id,
      comment_id: null,
      email: 'wapuu@example.com',
      identity_id: null,
      locale: 'en',
      created_at: new Date().toISOString(),
      confirmed_at: new Date().toISOString(),
    };
    await insertSubscription(before.parley.db, subscription);
    // The link the first process puts in its emails.
    const link = new URL(
      unsubscribeUrl(
        { secret: before.parley.config.authSecret, publicUrl: before.url },
        subscription,
      ),
    );
    await before.parley.stop();

    const after = await startOn(store);
    try {
      expect(after.parley.config.authSecret).toBe(before.parley.config.authSecret);
      const session = await me(after.url, token);
      expect(session.status).toBe(200);
      expect((await session.json()).identity.name).toBe('Ada');
      // The same guest's next comment has the same picture (its key is computed anew).
      expect((await postAsGuest(after.url, 'wapuu@example.com', 'Again')).author.avatarUrl).toBe(
        picture,
      );
      const unsubscribed = await fetch(`${after.url}${link.pathname}${link.search}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect([unsubscribed.status, await unsubscribed.json()]).toEqual([
        200,
        { unsubscribed: true },
      ]);
    } finally {
      await after.parley.stop();
    }

    // AUTH_SECRET, when set, wins: what the stored secret signed stops working
    // (as it would for any change of secret), and the stored one is left alone.
    const configured = await startOn(store, { AUTH_SECRET: OTHER_SECRET });
    try {
      expect(configured.parley.config.authSecret).toBe(OTHER_SECRET);
      expect((await me(configured.url, token)).status).toBe(401);
      expect(
        (await postAsGuest(configured.url, 'wapuu@example.com', 'Third')).author.avatarUrl,
      ).not.toBe(picture);
    } finally {
      await configured.parley.stop();
    }
    expect(await withStoreDb(store, (db) => findSecret(db, STORED_AUTH_SECRET))).toBe(
      before.parley.config.authSecret,
    );
  });

  it('is neither made nor read when AUTH_SECRET is set', async () => {
    const store = await freshStore(dialect);
    const config = await configOn(store, { AUTH_SECRET: OTHER_SECRET });
    expect(config.authSecret).toBe(OTHER_SECRET);
    expect(await withStoreDb(store, (db) => findSecret(db, STORED_AUTH_SECRET))).toBeUndefined();
  });

  it('is the one the CLI keys imported guests’ avatars with', async () => {
    const store = await freshStore(dialect);
    const server = await startOn(store);
    try {
      await buildSite(server.parley.db);
      // The WXR file's guest commenter, posting on the server first.
      const posted = await postAsGuest(server.url, 'wapuu@wordpress.example');
      const imported = await runParley(
        [
          'import',
          'wxr',
          WXR,
          '--site',
          'blog',
          '--map-url',
          'http://old.blog.example=https://blog.example',
          '--quiet',
        ],
        store.env,
      );
      expect(imported.code).toBe(0);
      const keys = await server.parley.db
        .selectFrom('comments')
        .select(['id', 'avatar_key'])
        .where('author_email', '=', 'wapuu@wordpress.example')
        .execute();
      expect(keys.length).toBeGreaterThan(1);
      expect(new Set(keys.map((k) => `/avatars/${k.avatar_key}`))).toEqual(
        new Set([posted.author.avatarUrl]),
      );
    } finally {
      await server.parley.stop();
    }
  });

  it('is made by no CLI command but import, so a store cleared of it stays clear', async () => {
    // docs/deploy.md: once every process runs with AUTH_SECRET, the row is
    // deleted; the CLI's everyday commands must not write it back.
    const store = await freshStore(dialect);
    const added = await runParley(
      ['sites', 'add', 'blog', '--origin', 'https://blog.example'],
      store.env,
    );
    expect(added.code).toBe(0);
    expect((await runParley(['sites', 'list'], store.env)).code).toBe(0);
    expect(await withStoreDb(store, (db) => findSecret(db, STORED_AUTH_SECRET))).toBeUndefined();
    // Import keys guests' avatars with the server's secret: it makes it if need be.
    const imported = await runParley(
      ['import', 'wxr', WXR, '--site', 'blog', '--dry-run', '--quiet'],
      store.env,
    );
    expect(imported.code).toBe(0);
    expect(await withStoreDb(store, (db) => findSecret(db, STORED_AUTH_SECRET))).toMatch(
      /^[\w-]{43}$/,
    );
  });

  it('never leaves through a response, an export, the CLI or a log', async () => {
    const store = await freshStore(dialect);
    const logs: string[] = [];
    const server = await startOn(store, { LOG_LEVEL: 'trace' }, logs);
    const secret = server.parley.config.authSecret;
    const seen: string[] = [];
    // Each read must work as it does for its rightful caller (a 401 everywhere would show nothing).
    const get = async (path: string, headers: Record<string, string> = {}, status = 200) => {
      const res = await fetch(`${server.url}${path}`, { headers });
      seen.push(`${path} ${res.status} ${JSON.stringify([...res.headers])} ${await res.text()}`);
      expect([path, res.status]).toEqual([path, status]);
      return res;
    };
    try {
      const db = server.parley.db;
      await buildSite(db);
      await grantTeam(db, [['owner@blog.example', 'blog', 'owner']]);
      const guest = await postAsGuest(server.url, 'guest@example.com');
      const { token } = await signInReader(db, secret, {
        siteId: 'blog',
        providerUserId: '8',
        displayName: 'Grace',
      });
      const cookie = await dashboardLogin(server.url, 'owner@blog.example');
      const owner = { cookie };
      await get(`/api/v1/comments?site=blog&page=${encodeURIComponent(PAGE)}`);
      await get(
        `/embed/thread?site=blog&page=${encodeURIComponent(PAGE)}&origin=https://blog.example`,
      );
      await get(guest.author.avatarUrl);
      await get('/healthz');
      await get('/readyz');
      await get('/api/v1/me', { authorization: `Bearer ${token}` });
      await get('/api/v1/me/data?site=blog', { authorization: `Bearer ${token}` });
      await get('/api/v1/me', { authorization: 'Bearer v1.forged.9999999999.AAAA' }, 401);
      await get('/admin/api/me', owner);
      await get('/admin/api/sites/blog/settings', owner);
      await get('/admin/api/sites/blog/members', owner);
      await get('/admin/api/sites/blog/export?format=json', owner);
      await get('/admin/api/sites/blog/export?format=wxr', owner);
      await get('/notify/blog/unsubscribe?token=nonsense', {}, 400);
      await get('/no/such/route', {}, 404);
      // A guest's own data, through the emailed link's page.
      const { createGuestLink } = await import('../privacy/guest-link.service.ts');
      const link = await createGuestLink(db, 'blog', 'guest@example.com');
      const opened = await fetch(`${server.url}/data/blog/open`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: new URL(server.parley.config.publicUrl).origin,
          accept: 'application/json',
        },
        body: new URLSearchParams({ token: link }).toString(),
      });
      expect(opened.status).toBe(303);
      const guestCookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      await get('/data/blog/export', { cookie: guestCookie });
      expect(seen.at(-1)).toContain('guest@example.com');
      // The CLI's exports and its copy's report, on the same store.
      for (const args of [
        ['export', 'blog', '--format', 'json'],
        ['export', 'blog', '--format', 'wxr'],
        ['sites', 'list'],
      ]) {
        const out = await runParley(args, store.env);
        expect(out.code).toBe(0);
        seen.push(`${args.join(' ')} ${out.code} ${out.stdout} ${out.stderr}`);
      }
    } finally {
      await server.parley.stop();
    }
    const text = [...seen, ...logs].join('\n');
    expect(logs.length).toBeGreaterThan(0);
    const bytes = Buffer.from(secret, 'base64url');
    for (const form of [secret, bytes.toString('base64'), bytes.toString('hex')]) {
      expect(text).not.toContain(form);
    }
  });
});
