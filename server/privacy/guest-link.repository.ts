import type { GuestDataLinksTable } from '../store/database.ts';
import type { Db } from '../store/db.ts';

type Purpose = GuestDataLinksTable['purpose'];

/** Stores a link or session by the hash of its secret. */
export async function insertGuestToken(
  db: Db,
  row: Omit<GuestDataLinksTable, 'used_at'>,
): Promise<void> {
  await db
    .insertInto('guest_data_links')
    .values({ ...row, used_at: null })
    .execute();
}

/**
 * Marks an unused, unexpired token of this purpose and site used, in one
 * statement (two requests racing with the same link: one wins), and returns
 * its address; undefined when there is no such token (unknown, used,
 * expired, another site's).
 */
export async function redeemGuestToken(
  db: Db,
  where: { tokenHash: string; purpose: Purpose; siteId: string; now: string },
): Promise<string | undefined> {
  const updated = await db
    .updateTable('guest_data_links')
    .set({ used_at: where.now })
    .where('token_hash', '=', where.tokenHash)
    .where('purpose', '=', where.purpose)
    .where('site_id', '=', where.siteId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', where.now)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return undefined;
  const row = await db
    .selectFrom('guest_data_links')
    .select('email')
    .where('token_hash', '=', where.tokenHash)
    .executeTakeFirst();
  return row?.email;
}

/** The address of a live session on this site, without using it up. */
export async function findGuestSession(
  db: Db,
  where: { tokenHash: string; siteId: string; now: string },
): Promise<string | undefined> {
  const row = await db
    .selectFrom('guest_data_links')
    .select('email')
    .where('token_hash', '=', where.tokenHash)
    .where('purpose', '=', 'session')
    .where('site_id', '=', where.siteId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', where.now)
    .executeTakeFirst();
  return row?.email;
}

/** Forgets links and sessions that expired before `cutoff`. */
export async function deleteGuestTokensExpiredBefore(db: Db, cutoff: string): Promise<void> {
  await db.deleteFrom('guest_data_links').where('expires_at', '<', cutoff).execute();
}

/**
 * Uses up every link still open for the address on the site: only the
 * newest link works, and none once one has been opened.
 */
export async function spendOpenGuestLinks(
  db: Db,
  where: { siteId: string; email: string; now: string },
): Promise<void> {
  await db
    .updateTable('guest_data_links')
    .set({ used_at: where.now })
    .where('purpose', '=', 'link')
    .where('site_id', '=', where.siteId)
    .where('email', '=', where.email)
    .where('used_at', 'is', null)
    .execute();
}
