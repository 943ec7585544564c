/**
 * The demo blog's site in Parley. The demo creates it on its first start and
 * afterwards keeps whatever its owner changed (moderation mode, name, form
 * timing…): restarting the demo must not undo the dashboard.
 */
import { findSite } from '../server/sites/site.repository.ts';
import type { Site } from '../server/sites/site.schema.ts';
import { saveSite } from '../server/sites/site.service.ts';
import type { Db } from '../server/store/db.ts';
import type { DemoConfig } from './config.ts';

/**
 * Creates the demo's site with the demo's settings when it does not exist;
 * otherwise only adds the blog's origin if it is missing (DEMO_URL changed),
 * so the blog can still embed it. Returns what is stored.
 */
export async function ensureDemoSite(db: Db, demo: DemoConfig): Promise<Site> {
  const origin = new URL(demo.url).origin;
  const existing = await findSite(db, demo.siteId);
  if (!existing) {
    return saveSite(db, {
      id: demo.siteId,
      name: 'Parley demo blog',
      origins: [origin],
      settings: { moderation: demo.moderation },
    });
  }
  if (existing.origins.includes(origin)) return existing;
  return saveSite(db, {
    id: existing.id,
    name: existing.name,
    origins: [...existing.origins, origin],
  });
}
