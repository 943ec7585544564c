/**
 * Copies a whole installation from one store to another (SQLite to
 * PostgreSQL when a site outgrows one machine, or back), table by table in
 * the order their foreign keys need, inside one transaction on the target:
 * a copy that fails leaves the target as empty as it was.
 */
import { AppError } from '../errors.ts';
import {
  countRows,
  deleteRowsByKey,
  insertRows,
  isPostgres,
  listTables,
  type Row,
  readLinks,
  readRows,
  readRowsByKey,
  resetSequence,
  type TableInfo,
} from './copy.repository.ts';
import type { Db } from './db.ts';

const BATCH = 500;

/**
 * Tables a target may already hold rows of, which the source's rows of the
 * same key replace: `secrets`, whose `auth` row signed the copied sessions,
 * the links already emailed and the avatar keys stored with each comment
 * (auth/auth-secret.service.ts). A target is otherwise empty, so its own
 * secret (made when a server or CLI opened it first, without AUTH_SECRET)
 * signed nothing that outlives a restart; keeping it instead would sign
 * every reader out and break every emailed link, which a move must not do.
 * A target secret the source has no row for (the source ran with
 * AUTH_SECRET) is left as it is.
 */
const SOURCE_WINS = new Set(['secrets']);

export interface CopiedTable {
  name: string;
  rows: number;
}

/** Tables ordered so that every table comes after the tables it references. */
export function referencedFirst(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const ordered: TableInfo[] = [];
  const visit = (table: TableInfo, path: Set<string>) => {
    if (done.has(table.name) || path.has(table.name)) return;
    path.add(table.name);
    for (const ref of table.references) {
      const target = byName.get(ref.table);
      if (target && target.name !== table.name) visit(target, path);
    }
    done.add(table.name);
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) {
    visit(table, new Set());
  }
  return ordered;
}

/** Keys ordered so that a row's parent (same table) comes before it. */
export function parentsFirst(links: readonly { key: unknown; parent: unknown }[]): unknown[] {
  const keys = new Set(links.map((l) => l.key));
  const children = new Map<unknown, unknown[]>();
  const ordered: unknown[] = [];
  for (const { key, parent } of links) {
    if (parent === null || parent === undefined || !keys.has(parent)) ordered.push(key);
    else children.set(parent, [...(children.get(parent) ?? []), key]);
  }
  for (let i = 0; i < ordered.length; i++) {
    ordered.push(...(children.get(ordered[i]) ?? []));
  }
  return ordered;
}

/** A value as the target stores it: SQLite has no dates or booleans. */
function forTarget(row: Row, toPostgres: boolean): Row {
  if (toPostgres) return row;
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    out[column] =
      value instanceof Date
        ? value.toISOString()
        : typeof value === 'boolean'
          ? Number(value)
          : value;
  }
  return out;
}

async function copyTable(from: Db, to: Db, table: TableInfo): Promise<number> {
  const toPostgres = isPostgres(to);
  const self = table.references.find((r) => r.table === table.name);
  let copied = 0;
  if (self) {
    // Replies reference their parent in the same table: parents go in first.
    const order = parentsFirst(await readLinks(from, table.name, self.key, self.column));
    for (let i = 0; i < order.length; i += BATCH) {
      const keys = order.slice(i, i + BATCH);
      const rows = await readRowsByKey(from, table.name, self.key, keys);
      const position = new Map(keys.map((k, n) => [k, n]));
      rows.sort((a, b) => (position.get(a[self.key]) ?? 0) - (position.get(b[self.key]) ?? 0));
      await insertRows(
        to,
        table.name,
        rows.map((r) => forTarget(r, toPostgres)),
      );
      copied += rows.length;
    }
  } else {
    for (let offset = 0; ; offset += BATCH) {
      const rows = await readRows(from, table, BATCH, offset);
      if (rows.length === 0) break;
      if (SOURCE_WINS.has(table.name)) await deleteSameKeys(to, table, rows);
      await insertRows(
        to,
        table.name,
        rows.map((r) => forTarget(r, toPostgres)),
      );
      copied += rows.length;
    }
  }
  for (const column of table.autoIncrement) await resetSequence(to, table.name, column);
  return copied;
}

/** Deletes the target's rows that have the key of one of `rows` (a single-column key). */
async function deleteSameKeys(to: Db, table: TableInfo, rows: Row[]): Promise<void> {
  const [key, ...rest] = table.primaryKey;
  if (!key || rest.length > 0) throw new Error(`${table.name} needs a one-column primary key`);
  await deleteRowsByKey(
    to,
    table.name,
    key,
    rows.map((r) => r[key]),
  );
}

/**
 * Copies every row of `from` into `to`. Both are migrated to the same schema
 * first by the caller; `to` must hold no rows at all, but in the tables of
 * SOURCE_WINS (its stored secret), whose rows the source's replace. Reads
 * one consistent snapshot of `from` (a transaction), so a server may keep
 * writing to it.
 */
export async function copyStore(
  from: Db,
  to: Db,
  onTable: (table: CopiedTable) => void = () => {},
): Promise<CopiedTable[]> {
  const tables = referencedFirst(await listTables(from));
  const targetTables = new Map((await listTables(to)).map((t) => [t.name, t]));
  for (const table of tables) {
    const target = targetTables.get(table.name);
    const missing = table.columns.filter((c) => !target?.columns.includes(c));
    if (!target || missing.length > 0) {
      throw new AppError(
        409,
        'store_mismatch',
        `The target store has no ${target ? `column ${missing.join(', ')} in ` : ''}table ${table.name}: run the same Parley version on both`,
      );
    }
    if (!SOURCE_WINS.has(table.name) && (await countRows(to, table.name)) > 0) {
      throw new AppError(
        409,
        'store_not_empty',
        `The target store already holds data (table ${table.name}); copy into an empty database`,
      );
    }
  }

  const read = isPostgres(from)
    ? from.transaction().setIsolationLevel('repeatable read')
    : from.transaction();
  return read.execute((source) =>
    to.transaction().execute(async (target) => {
      const copied: CopiedTable[] = [];
      for (const table of tables) {
        const before = SOURCE_WINS.has(table.name) ? await countRows(target, table.name) : 0;
        const rows = await copyTable(source, target, table);
        // A table the source wins keeps the target's other rows (at most `before` of them).
        const after = await countRows(target, table.name);
        if (after < rows || after > rows + before) {
          throw new Error(`Copy of ${table.name} is incomplete; nothing was kept`);
        }
        copied.push({ name: table.name, rows });
        onTable({ name: table.name, rows });
      }
      return copied;
    }),
  );
}
