import { z } from 'zod';
import {
  SettingsPatch,
  SiteId,
  SiteName,
  SiteOrigins,
  type SiteSettings,
} from '../../contract/site-settings.schema.ts';

export { SiteId };

/** A registered site as the server works with it (settings parsed, defaults filled). */
export interface Site {
  id: string;
  name: string;
  origins: string[];
  settings: SiteSettings;
  createdAt: string;
  /** Bumped by every write; a change made from a stale copy is refused or retried. */
  version: number;
}

/** A site to create or update (the CLI, the demo, the dashboard's settings screen). */
export const NewSite = z.object({
  id: SiteId,
  name: SiteName,
  origins: SiteOrigins,
  settings: SettingsPatch.default({}),
});
export type NewSite = z.input<typeof NewSite>;

/** A change to a site: name and origins may be left out to keep what is stored. */
export const SiteChange = NewSite.extend({
  name: SiteName.optional(),
  origins: SiteOrigins.optional(),
});
export type SiteChange = z.input<typeof SiteChange>;
