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
import { directConnection, runDirect } from './sqlite-direct.ts';

const MARK = '\u0000parley-value:';
type Slot = { name: string } | { value: unknown };
interface Plan {
  /** The values given (defined), in their order. */
  names: readonly string[];
  query: CompiledQuery;
  slots: Slot[];
}

/**
 * Returns a function running the query `build` makes, with `values`, on `db`
 * (or a transaction): its rows. A value that is `undefined` is left out, as
 * Kysely leaves it out (an insert's column): each set of given values has a
 * plan of its own. Anything else that changes the SQL (which column a
 * condition is on) takes a prepared query of its own.
 */
export function prepared<V extends object, O>(
  build: (db: Db, values: V) => Compilable<O>,
): (db: Db, values: V) => Promise<O[]> {
  const plans = new WeakMap<DialectAdapter, Plan[]>();
  return async (db, values) => {
    const adapter = db.getExecutor().adapter;
    let known = plans.get(adapter);
    if (!known) {
      known = [];
      plans.set(adapter, known);
    }
    const given = values as Record<string, unknown>;
    // Compared name by name: a key string built per call cost more than the lookup.
    let plan = known.find((p) => givesExactly(given, p.names));
    if (!plan) {
      plan = planOf(
        db,
        build,
        Object.keys(given).filter((name) => given[name] !== undefined),
      );
      known.push(plan);
    }
    const parameters = plan.slots.map((slot) => ('name' in slot ? given[slot.name] : slot.value));
    const direct = directConnection(db);
    if (direct) return runDirect<O>(direct, plan.query.sql, parameters);
    const result = await db.executeQuery<O>({ ...plan.query, parameters });
    return result.rows;
  };
}

/** Whether `values` has exactly these names defined, in this order. */
function givesExactly(values: Record<string, unknown>, names: readonly string[]): boolean {
  let i = 0;
  for (const name in values) {
    if (values[name] === undefined) continue;
    if (names[i++] !== name) return false;
  }
  return i === names.length;
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
  return { names, query, slots };
}
