import type { z } from 'zod';
import { SiteSettings } from '../../contract/site-settings.schema.ts';
import { AppError } from '../errors.ts';
import { recordEvent } from '../events/record.ts';
import { writeTransaction } from '../events/transaction.ts';
import type { Db } from '../store/db.ts';
import { deleteSite, findSite, insertSite, updateSiteAtVersion } from './site.repository.ts';
import { type Site, SiteChange } from './site.schema.ts';

/** The entries of `patch` that are set (undefined means "leave as it is"). */
function defined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

// A change is merged into the site as stored and written only if nobody wrote
// in between; otherwise it is merged again into the newer copy. Contention is
// a handful of owners and bans, so a few rounds always suffice.
const SAVE_ATTEMPTS = 8;

/** Merges `parsed` into `existing` (a new site, named after its id unless named, when there is none). */
function merged(parsed: z.output<typeof SiteChange>, existing: Site | undefined): Site {
  const origins = parsed.origins ?? existing?.origins;
  if (!origins)
    throw new AppError(400, 'invalid_body', 'A new site needs at least one origin', 'origins');
  return {
    id: parsed.id,
    name: parsed.name ?? existing?.name ?? parsed.id,
    origins: [...new Set(origins)],
    settings: SiteSettings.parse({
      ...existing?.settings,
      ...defined(parsed.settings),
      // Moderation settings change one at a time; keep the others.
      moderation: {
        ...existing?.settings.moderation,
        ...defined(parsed.settings.moderation ?? {}),
      },
    }),
    createdAt: existing?.createdAt ?? new Date().toISOString(),
    version: existing?.version ?? 0,
  };
}

/**
 * Creates or updates a site (the CLI, the demo and the dashboard use this).
 * What `input` leaves out keeps its stored value, even when another instance
 * saves a different field at the same moment. With `expectedVersion`, a site
 * changed since that version is refused with a 409 instead (the dashboard
 * sends the version its form was loaded from). Throws ZodError on bad input.
 */
export function saveSite(db: Db, input: SiteChange, expectedVersion?: number): Promise<Site> {
  return writeSite(db, input.id, () => input, expectedVersion);
}

/**
 * Changes an existing site by a change computed from its current state (a ban
 * adds to the blocklist as stored), computed again if someone wrote in between.
 */
export function changeSite(
  db: Db,
  id: string,
  changeOf: (current: Site) => SiteChange,
): Promise<Site> {
  return writeSite(db, id, (current) => {
    if (!current) throw new AppError(404, 'unknown_site', `No site with id "${id}" is registered`);
    return changeOf(current);
  });
}

async function writeSite(
  db: Db,
  id: string,
  changeOf: (current: Site | undefined) => SiteChange,
  expectedVersion?: number,
): Promise<Site> {
  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    const current = await findSite(db, id);
    if (current && expectedVersion !== undefined && current.version !== expectedVersion) {
      throw new AppError(
        409,
        'settings_changed',
        'Someone else changed these settings after you opened them. Reload to see their change, then save yours again.',
      );
    }
    const site = merged(SiteChange.parse(changeOf(current)), current);
    const write = async (tx: Db) => {
      const ok = current ? await updateSiteAtVersion(tx, site) : await insertSite(tx, site);
      // Settings shape what readers see (depth, wording): caches of the site are stale.
      if (ok) await recordEvent(tx, { type: 'site.changed', siteId: site.id });
      return ok;
    };
    const written = await (db.isTransaction ? write(db) : writeTransaction(db, write));
    if (written) return { ...site, version: site.version + 1 };
  }
  throw new AppError(503, 'busy', 'The site is being changed by many people at once; try again');
}

/** Deletes a site with its pages and comments; false when there was none. */
export async function removeSite(db: Db, id: string): Promise<boolean> {
  return writeTransaction(db, async (tx) => {
    if (!(await deleteSite(tx, id))) return false;
    await recordEvent(tx, { type: 'site.changed', siteId: id });
    return true;
  });
}

/** The site, or a 404 `unknown_site` error. */
export async function requireSite(db: Db, id: string): Promise<Site> {
  const site = await findSite(db, id);
  if (!site) throw new AppError(404, 'unknown_site', `No site with id "${id}" is registered`);
  return site;
}

/** True when `url` is on one of the site's origins. */
export function isOnSiteOrigins(site: Site, url: string): boolean {
  try {
    return site.origins.includes(new URL(url).origin);
  } catch {
    return false;
  }
}
