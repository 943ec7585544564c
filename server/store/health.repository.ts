import type { Db } from './db.ts';

/** Throws unless the store answers a query (the health check's one question). */
export async function pingStore(db: Db): Promise<void> {
  await db.selectFrom('sites').select('id').limit(1).execute();
}
