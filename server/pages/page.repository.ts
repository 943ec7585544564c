import type { PageRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import { newId } from '../store/ids.ts';
import { prepared } from '../store/prepared.ts';

// Read by every post: compiled once (store/prepared.ts).
const pageByKey = prepared((db, v: { siteId: string; pageKey: string }) =>
  db
    .selectFrom('pages')
    .selectAll()
    .where('site_id', '=', v.siteId)
    .where('page_key', '=', v.pageKey),
);

export async function findPage(
  db: Db,
  siteId: string,
  pageKey: string,
): Promise<PageRow | undefined> {
  const [row] = await pageByKey(db, { siteId, pageKey });
  return row;
}

/**
 * Returns the page, creating it on its first comment. The URL and title are
 * refreshed from the latest post, so a renamed article shows its new title.
 */
export async function ensurePage(
  db: Db,
  page: { siteId: string; pageKey: string; url: string; title: string },
): Promise<PageRow> {
  // One statement: RETURNING gives the row inserted or updated, on both dialects.
  return db
    .insertInto('pages')
    .values({
      id: newId(),
      site_id: page.siteId,
      page_key: page.pageKey,
      url: page.url,
      title: page.title,
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) =>
      oc.columns(['site_id', 'page_key']).doUpdateSet({ url: page.url, title: page.title }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}
