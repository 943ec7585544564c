import type { Db } from '../store/db.ts';

/** Which comments are due: on a site, written before `cutoff`, still holding an IP or user agent. */
function due(db: Db, siteId: string, cutoff: string) {
  return db
    .selectFrom('comments')
    .where('comments.site_id', '=', siteId)
    .where('comments.created_at', '<', cutoff)
    .where((eb) =>
      eb.or([eb('comments.ip', 'is not', null), eb('comments.user_agent', 'is not', null)]),
    );
}

/** The pages holding comments whose request data is due for erasure (to announce them). */
export async function listPagesWithRequestDataBefore(
  db: Db,
  siteId: string,
  cutoff: string,
): Promise<{ page_key: string }[]> {
  return due(db, siteId, cutoff)
    .innerJoin('pages', 'pages.id', 'comments.page_id')
    .select('pages.page_key')
    .distinct()
    .execute();
}

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
