import type { Db } from '../store/db.ts';

/**
 * Forgets the IP address and user agent of a site's comments written before
 * `cutoff` (ISO 8601). Returns how many comments lost them.
 */
export async function eraseRequestDataBefore(
  db: Db,
  siteId: string,
  cutoff: string,
): Promise<number> {
  const result = await db
    .updateTable('comments')
    .set({ ip: null, user_agent: null })
    .where('site_id', '=', siteId)
    .where('created_at', '<', cutoff)
    .where((eb) => eb.or([eb('ip', 'is not', null), eb('user_agent', 'is not', null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
