/**
 * Queries built and compiled by Kysely once, then run with new values
 * (Kysely's recipe "splitting query building and execution"). Building and
 * compiling a query costs more than SQLite takes to run most of them: the
 * eight a guest post runs were ~15% of its CPU time (docs/performance.md,
 * "The guest POST before Express").
 *
 * `prepared(build)` builds the query once per dialect and shape with a marker
 * in place of each value, finds each marker among the compiled parameters,
 * and from then on only puts the new values in their places. `build` must
 * pass each value through as it is (not lower-case it, cut it, or spread an
 * array into an `in` list): anything else is caught the first time, and
 * throws.
 */
import type { Compilable, CompiledQuery, DialectAdapter } from 'kysely';
import type { Db } from './db.ts';

const MARK = '\u0000parley-value:';
type Slot = { name: string } | { value: unknown };
interface Plan {
  query: CompiledQuery;
  slots: Slot[];
}

/**
 * Returns a function running the query `build` makes, with `values`, on `db`
 * (or a transaction): its rows. A value that is `undefined` is left out, as
 * Kysely leaves it out (an insert's column); `shape` names anything else that
 * changes the SQL (which column a condition is on).
 */
export function prepared<V extends object, O>(
  build: (db: Db, values: V) => Compilable<O>,
): (db: Db, values: V, shape?: string) => Promise<O[]> {
  const plans = new WeakMap<DialectAdapter, Map<string, Plan>>();
  return async (db, values, shape = '') => {
    const adapter = db.getExecutor().adapter;
    let byShape = plans.get(adapter);
    if (!byShape) {
      byShape = new Map();
      plans.set(adapter, byShape);
    }
    const given = values as Record<string, unknown>;
    const names = Object.keys(given).filter((name) => given[name] !== undefined);
    const key = `${shape}\u0000${names.join(',')}`;
    let plan = byShape.get(key);
    if (!plan) {
      plan = planOf(db, build, names);
      byShape.set(key, plan);
    }
    const parameters = plan.slots.map((slot) => ('name' in slot ? given[slot.name] : slot.value));
    const result = await db.executeQuery<O>({ ...plan.query, parameters });
    return result.rows;
  };
}

function planOf<V extends object, O>(
  db: Db,
  build: (db: Db, values: V) => Compilable<O>,
  names: readonly string[],
): Plan {
  const marked = Object.fromEntries(names.map((name) => [name, `${MARK}${name}`])) as V;
  const query = build(db, marked).compile();
  const seen = new Set<string>();
  const slots = query.parameters.map((value): Slot => {
    if (typeof value === 'string' && value.includes(MARK)) {
      const name = value.slice(MARK.length);
      if (!value.startsWith(MARK) || !names.includes(name)) {
        throw new Error(`prepared query: value "${name}" was changed on its way into the SQL`);
      }
      seen.add(name);
      return { name };
    }
    return { value };
  });
  const missing = names.filter((name) => !seen.has(name));
  if (missing.length > 0) {
    throw new Error(`prepared query: value(s) ${missing.join(', ')} never reached the SQL`);
  }
  return { query, slots };
}
