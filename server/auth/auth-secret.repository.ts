/** Every query on `secrets` (rules live in auth-secret.service.ts). */
import type { Db } from '../store/db.ts';

/**
 * Keeps `value` under `name` unless a value is there already, in which case
 * nothing changes: two processes starting at once both try, one wins, and
 * each then reads the winner's (findSecret).
 */
export async function insertSecretIfAbsent(
  db: Db,
  row: { name: string; value: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('secrets')
    .values(row)
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

export async function findSecret(db: Db, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.value;
}
