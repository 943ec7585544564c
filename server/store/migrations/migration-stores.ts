/**
 * Stores for migration tests: each `openStore()` is an empty store of
 * `dialect` (a SQLite file in a temporary directory, or a throwaway
 * PostgreSQL database), destroyed after the file's tests. A test then
 * migrates it to the schema before the migration it checks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll } from 'vitest';
import { type Dialect, freshPostgres } from '../../test/test-server.ts';
import { createDb, type Db } from '../db.ts';

export function migrationStores(dialect: Dialect): () => Promise<Db> {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  return async function openStore(): Promise<Db> {
    if (dialect === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'parley-migration-'));
      const db = createDb({ kind: 'sqlite', path: join(dir, 'parley.sqlite') });
      cleanups.push(async () => {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      });
      return db;
    }
    const pg = await freshPostgres();
    const db = createDb({ kind: 'postgres', url: pg.url });
    cleanups.push(async () => {
      await db.destroy();
      await pg.drop();
    });
    return db;
  };
}

/** Site "old" with its page "p", as every schema since sites had a version stores them. */
export async function seedSiteAndPage(db: Db, now: string): Promise<void> {
  await db
    .insertInto('sites')
    .values({
      id: 'old',
      name: 'Old',
      origins: '[]',
      settings: '{}',
      created_at: now,
      version: 0,
    })
    .execute();
  await db
    .insertInto('pages')
    .values({
      id: 'p',
      site_id: 'old',
      page_key: 'k',
      url: 'https://o.example/',
      title: 'T',
      created_at: now,
    })
    .execute();
}

/** The indexes of `table` by name, each as its dialect prints its definition. */
export async function indexesOf(
  db: Db,
  dialect: string,
  table: string,
): Promise<Map<string, string>> {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{ name: string; def: string | null }>`
          select name, sql as def from sqlite_master where type = 'index' and tbl_name = ${table}`.execute(
          db,
        )
      : await sql<{ name: string; def: string | null }>`
          select indexname as name, indexdef as def from pg_indexes where tablename = ${table}`.execute(
          db,
        );
  return new Map(rows.map((r) => [r.name, r.def ?? '']));
}
