/**
 * Starts the real app on port 0 against a fresh, empty database of the given
 * dialect, the way integration tests want it (outline's TestServer).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApp, type ParleyApp } from '../app.ts';
import { resolveConfig } from '../config.resolve.ts';
import { loadConfig } from '../config.ts';
import type { NewSite } from '../sites/site.schema.ts';
import { saveSite } from '../sites/site.service.ts';

export type Dialect = 'sqlite' | 'postgres';

/**
 * SQLite always; PostgreSQL when TEST_DATABASE_URL names a server to create
 * throwaway databases on (scripts/test.sh sets it; CI has one).
 */
export const DIALECTS: Dialect[] = process.env.TEST_DATABASE_URL
  ? ['sqlite', 'postgres']
  : ['sqlite'];

export interface TestServer {
  url: string;
  parley: ParleyApp;
  /**
   * Registers a site (default id "blog" on https://blog.example). Unless the
   * test says otherwise the site publishes at once: no moderation, no form
   * timing, no link limit (the moderation tests set their own).
   */
  buildSite(overrides?: Partial<NewSite>): Promise<void>;
  stop(): Promise<void>;
}

export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL as string;
  const name = `parley_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      // pg's pool.end() resolves before its connections have closed; FORCE on a
      // connection still closing makes it emit an uncaught error in the test
      // process. So wait (briefly) for them to go, and only then force the rest.
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        if (rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startTestServer(
  dialect: Dialect = 'sqlite',
  env: Record<string, string> = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-test-'));
  const database = dialect === 'postgres' ? await freshPostgres() : undefined;
  // As main.ts: without AUTH_SECRET in `env`, the store's secret.
  const config = await resolveConfig(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      // Every test posts from 127.0.0.1; flood control has tests of its own.
      COMMENT_RATE_LIMIT: '100000',
      SITE_COMMENT_RATE_LIMIT: '1000000',
      SQLITE_PATH: join(dir, 'parley.sqlite'),
      ...(database ? { DATABASE_URL: database.url } : {}),
      ...env,
    }),
  );
  const parley = createApp(config);
  const { port } = await parley.start();
  return {
    url: `http://127.0.0.1:${port}`,
    parley,
    async buildSite(overrides = {}) {
      await saveSite(parley.db, {
        id: 'blog',
        name: 'My blog',
        origins: ['https://blog.example'],
        ...overrides,
        settings: {
          ...overrides.settings,
          moderation: {
            mode: 'none',
            minFormSeconds: 0,
            linkLimit: 0,
            ...overrides.settings?.moderation,
          },
        },
      });
    },
    async stop() {
      await parley.stop();
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
