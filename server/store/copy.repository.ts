/**
 * What `parley copy` needs to know about a store, asked of the store itself
 * (tables, keys and foreign keys), so a table added by a later migration is
 * copied without anyone remembering to list it here.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Db } from './db.ts';

export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** Columns filled by the database (serial/identity/AUTOINCREMENT). */
  autoIncrement: string[];
  references: { column: string; table: string; key: string }[];
}

export type Row = Record<string, unknown>;

// Copying works on any table, which the typed Database interface can't name.
// biome-ignore lint/suspicious/noExplicitAny: tables are known only at run time here
const untyped = (db: Db) => db as unknown as Kysely<any>;

export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

async function foreignKeys(db: Db, table: string): Promise<TableInfo['references']> {
  if (isPostgres(db)) {
    const { rows } = await sql<{ column: string; table: string; key: string }>`
      select kcu.column_name as "column", ccu.table_name as "table", ccu.column_name as "key"
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
      join information_schema.constraint_column_usage ccu
        on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_name = ${table}
        and tc.table_schema = current_schema()`.execute(db);
    return rows;
  }
  const { rows } = await sql<{ column: string; table: string; key: string }>`
    select "from" as "column", "table" as "table", "to" as "key"
    from pragma_foreign_key_list(${table})`.execute(db);
  return rows;
}

async function primaryKey(db: Db, table: string): Promise<string[]> {
  if (isPostgres(db)) {
    const { rows } = await sql<{ column: string }>`
      select kcu.column_name as "column"
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
      where tc.constraint_type = 'PRIMARY KEY' and tc.table_name = ${table}
        and tc.table_schema = current_schema()
      order by kcu.ordinal_position`.execute(db);
    return rows.map((r) => r.column);
  }
  const { rows } = await sql<{ column: string; pk: number }>`
    select name as "column", pk from pragma_table_info(${table}) where pk > 0 order by pk`.execute(
    db,
  );
  return rows.map((r) => r.column);
}

/** Every table of the store but the migrator's own, with keys and references. */
export async function listTables(db: Db): Promise<TableInfo[]> {
  const tables = (await db.introspection.getTables()).filter((t) => !t.isView);
  return Promise.all(
    tables.map(async (t) => ({
      name: t.name,
      columns: t.columns.map((c) => c.name),
      autoIncrement: t.columns.filter((c) => c.isAutoIncrementing).map((c) => c.name),
      primaryKey: await primaryKey(db, t.name),
      references: await foreignKeys(db, t.name),
    })),
  );
}

export async function countRows(db: Db, table: string): Promise<number> {
  const row = await untyped(db)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Up to `limit` rows after `after` (the primary key's values), in primary-key order. */
export async function readRows(
  db: Db,
  table: TableInfo,
  limit: number,
  offset: number,
): Promise<Row[]> {
  let query = untyped(db).selectFrom(table.name).selectAll();
  for (const column of table.primaryKey.length > 0 ? table.primaryKey : table.columns) {
    query = query.orderBy(column);
  }
  return query.limit(limit).offset(offset).execute();
}

/** The key and the self-reference of every row, for ordering parents before children. */
export async function readLinks(
  db: Db,
  table: string,
  key: string,
  reference: string,
): Promise<{ key: unknown; parent: unknown }[]> {
  return untyped(db)
    .selectFrom(table)
    .select([sql.ref(key).as('key'), sql.ref(reference).as('parent')])
    .execute() as Promise<{ key: unknown; parent: unknown }[]>;
}

export async function readRowsByKey(
  db: Db,
  table: string,
  key: string,
  values: unknown[],
): Promise<Row[]> {
  if (values.length === 0) return [];
  return untyped(db).selectFrom(table).selectAll().where(key, 'in', values).execute();
}

export async function deleteRowsByKey(
  db: Db,
  table: string,
  key: string,
  values: unknown[],
): Promise<void> {
  if (values.length === 0) return;
  await untyped(db).deleteFrom(table).where(key, 'in', values).execute();
}

export async function insertRows(db: Db, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  await untyped(db).insertInto(table).values(rows).execute();
}

/** After rows came in with their ids, PostgreSQL's sequence must continue after the largest. */
export async function resetSequence(db: Db, table: string, column: string): Promise<void> {
  if (!isPostgres(db)) return; // SQLite's AUTOINCREMENT follows explicit ids itself
  await sql`select setval(pg_get_serial_sequence(${table}, ${column}),
    coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
}
