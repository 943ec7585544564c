/**
 * Request bodies and queries of the dashboard API (/admin/api), in zod. The
 * dashboard takes its request types from here with `import type` only.
 */
import { z } from 'zod';
import { COMMENT_STATUSES, MODERATION_ACTIONS, SITE_ROLES } from './dashboard.ts';
import { EXPORT_FORMATS, IMPORT_FORMATS } from './imports.ts';
import { SettingsPatch, SiteName, SiteOrigins } from './site-settings.schema.ts';

/** POST /admin/api/login */
export const Login = z.object({ email: z.string().max(254), password: z.string().max(1024) });

/** GET /admin/api/sites/:site/comments */
export const QueueQuery = z.object({
  status: z.enum([...COMMENT_STATUSES, 'all']).default('pending'),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type QueueStatus = z.output<typeof QueueQuery>['status'];

/** POST /admin/api/sites/:site/comments/actions */
export const ModerationRequest = z.object({
  ids: z.array(z.string().min(1).max(32)).min(1).max(500),
  action: z.enum(MODERATION_ACTIONS),
});

/** PUT /admin/api/sites/:site/settings: any of name, origins, and a settings patch. */
// Strict: an owner who sends a field Parley doesn't know (say `settings.akismetKey`
// for `settings.moderation.akismetKey`) must hear so, not believe it saved.
export const SiteSettingsUpdate = z.strictObject({
  name: SiteName.optional(),
  origins: SiteOrigins.optional(),
  settings: SettingsPatch.optional(),
  /** The settings' version the form was loaded from: a newer one answers 409 instead of overwriting. */
  version: z.number().int().min(0).optional(),
});
export type SiteSettingsUpdate = z.infer<typeof SiteSettingsUpdate>;
/** PUT body: only what changed; moderation fields each optional, the blocklist replaced whole. */
export type SettingsUpdate = z.input<typeof SiteSettingsUpdate>;

const MemberEmail = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** POST /admin/api/sites/:site/members */
export const NewMember = z.object({
  email: MemberEmail,
  role: z.enum(SITE_ROLES),
});
export type NewMember = z.infer<typeof NewMember>;

/** POST /admin/api/sites/:site/import?format=wxr&dryRun=true&mapUrl=old%3Dnew */
export const ImportQuery = z.object({
  format: z.enum(IMPORT_FORMATS),
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  mapUrl: z
    .union([z.string().max(2000), z.array(z.string().max(2000)).max(20)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

/** GET /admin/api/sites/:site/export?format=json|wxr */
export const ExportQuery = z.object({ format: z.enum(EXPORT_FORMATS).default('json') });
