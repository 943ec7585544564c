import { z } from 'zod';
import {
  SettingsPatch,
  SiteName,
  SiteOrigins,
  type SiteSettings,
} from '../../contract/site-settings.schema.ts';

export const SiteId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes, at most 63');

/** A registered site as the server works with it (settings parsed, defaults filled). */
export interface Site {
  id: string;
  name: string;
  origins: string[];
  settings: SiteSettings;
  createdAt: string;
}

/** A site to create or update (the CLI, the demo, the dashboard's settings screen). */
export const NewSite = z.object({
  id: SiteId,
  name: SiteName,
  origins: SiteOrigins,
  settings: SettingsPatch.default({}),
});
export type NewSite = z.input<typeof NewSite>;
