import { SiteSettings } from '../../contract/site-settings.schema.ts';
import type { SiteRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import { prepared } from '../store/prepared.ts';
import type { Site } from './site.schema.ts';

/**
 * The last site parsed from each row: parsing the settings (JSON, then zod
 * filling defaults) was ~4% of a guest POST's time (docs/performance.md),
 * for a row that changes when its owner saves. A copy is reused only for a
 * row equal in every column, so this is a memo of parseSite, never stale;
 * frozen, because every caller shares it.
 */
const parsedSites = new Map<string, { row: SiteRow; site: Site }>();

function toSite(row: SiteRow): Site {
  const last = parsedSites.get(row.id);
  if (last && sameRow(last.row, row)) return last.site;
  const site = deepFreeze(parseSite(row));
  parsedSites.set(row.id, { row, site });
  return site;
}

function sameRow(a: SiteRow, b: SiteRow): boolean {
  return (
    a.version === b.version &&
    a.settings === b.settings &&
    a.origins === b.origins &&
    a.name === b.name &&
    a.created_at === b.created_at
  );
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function parseSite(row: SiteRow): Site {
  return {
    id: row.id,
    name: row.name,
    origins: JSON.parse(row.origins) as string[],
    // Parsing fills defaults for settings added after the site was created.
    settings: SiteSettings.parse(JSON.parse(row.settings)),
    createdAt: row.created_at,
    version: row.version,
  };
}

// Read by every post and live stream: compiled once (store/prepared.ts).
const siteById = prepared((db, v: { id: string }) =>
  db.selectFrom('sites').selectAll().where('id', '=', v.id),
);

export async function findSite(db: Db, id: string): Promise<Site | undefined> {
  const [row] = await siteById(db, { id });
  return row && toSite(row);
}

export async function listSites(db: Db): Promise<Site[]> {
  const rows = await db.selectFrom('sites').selectAll().orderBy('id').execute();
  return rows.map(toSite);
}

function columnsOf(site: Site) {
  return {
    name: site.name,
    origins: JSON.stringify(site.origins),
    settings: JSON.stringify(site.settings),
  };
}

/** Inserts a new site; false when the id is taken (someone created it first). */
export async function insertSite(db: Db, site: Site): Promise<boolean> {
  const result = await db
    .insertInto('sites')
    .values({ id: site.id, created_at: site.createdAt, version: 1, ...columnsOf(site) })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * Replaces the site's name, origins and settings if it is still at
 * `site.version` (compare-and-swap); false when someone wrote it in between.
 */
export async function updateSiteAtVersion(db: Db, site: Site): Promise<boolean> {
  const result = await db
    .updateTable('sites')
    .set((eb) => ({ ...columnsOf(site), version: eb('version', '+', 1) }))
    .where('id', '=', site.id)
    .where('version', '=', site.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteSite(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('sites').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
