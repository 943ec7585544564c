/** Every query on `sessions` (rules live in session.service.ts). */
import type { SessionRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The session whose current (`refresh_hash`) or last rotated-away token has this hash. */
export async function findSessionByRefreshHash(
  db: Db,
  column: 'refresh_hash' | 'previous_refresh_hash',
  hash: string,
): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where(column, '=', hash).executeTakeFirst();
}

/** Rotates the refresh token if it is still `currentHash`; false when another request won. */
export async function rotateRefreshHash(
  db: Db,
  id: string,
  currentHash: string,
  next: Pick<SessionRow, 'refresh_hash' | 'previous_refresh_hash' | 'refreshed_at' | 'expires_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set(next)
    .where('id', '=', id)
    .where('refresh_hash', '=', currentHash)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markSessionRevoked(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
