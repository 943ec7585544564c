import { SiteSettings } from '../../contract/site-settings.schema.ts';
import type { SiteRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import type { Site } from './site.schema.ts';

function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    name: row.name,
    origins: JSON.parse(row.origins) as string[],
    // Parsing fills defaults for settings added after the site was created.
    settings: SiteSettings.parse(JSON.parse(row.settings)),
    createdAt: row.created_at,
  };
}

export async function findSite(db: Db, id: string): Promise<Site | undefined> {
  const row = await db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSite(row);
}

export async function listSites(db: Db): Promise<Site[]> {
  const rows = await db.selectFrom('sites').selectAll().orderBy('id').execute();
  return rows.map(toSite);
}

/** Inserts the site, or replaces its name, origins and settings when the id exists. */
export async function upsertSite(db: Db, site: Site): Promise<void> {
  const values = {
    name: site.name,
    origins: JSON.stringify(site.origins),
    settings: JSON.stringify(site.settings),
  };
  await db
    .insertInto('sites')
    .values({ id: site.id, created_at: site.createdAt, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export async function deleteSite(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('sites').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
