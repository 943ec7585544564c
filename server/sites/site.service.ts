import { SiteSettings } from '../../contract/site-settings.schema.ts';
import { AppError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { findSite, upsertSite } from './site.repository.ts';
import { NewSite, type Site } from './site.schema.ts';

/** The entries of `patch` that are set (undefined means "leave as it is"). */
function defined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Creates or updates a site (the CLI and the demo use this). Throws ZodError on bad input. */
export async function saveSite(db: Db, input: NewSite): Promise<Site> {
  const parsed = NewSite.parse(input);
  const existing = await findSite(db, parsed.id);
  const site: Site = {
    id: parsed.id,
    name: parsed.name,
    origins: [...new Set(parsed.origins)],
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
  };
  await upsertSite(db, site);
  return site;
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
