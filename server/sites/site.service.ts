import { AppError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { findSite, upsertSite } from './site.repository.ts';
import { NewSite, type Site, SiteSettings } from './site.schema.ts';

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
      ...Object.fromEntries(Object.entries(parsed.settings).filter(([, v]) => v !== undefined)),
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
