/**
 * A site's settings and the patches that change them, in zod: the stored
 * form, the dashboard's GET/PUT and the CLI all use these. Clients use the
 * inferred types only (`import type`).
 */
import { z } from 'zod';
import { LOCALES } from './i18n/locales.ts';
import { ModerationSettings } from './moderation-settings.schema.ts';
import { PROVIDER_IDS } from './providers.ts';
import { READER_DELETIONS } from './reader-deletion.ts';

/**
 * A site's id, as `sites add` accepts it. It becomes part of cookie names
 * (`parley_ak_<site>`), so every request that names a site is held to it.
 */
export const SiteId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,62}$/,
    'must be lower-case letters, digits and dashes (at most 63, not starting with a dash)',
  );

/** An origin such as https://blog.example (scheme, host, optional port; nothing else). */
export const Origin = z
  .string()
  .trim()
  .transform((value, ctx) => {
    try {
      const url = new URL(value);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== 'null') {
        return url.origin;
      }
    } catch {}
    ctx.addIssue({
      code: 'custom',
      message: `must be an http(s) origin such as https://blog.example, not "${value}"`,
    });
    return z.NEVER;
  });

export const SiteName = z.string().trim().min(1).max(200);
export const SiteOrigins = z.array(Origin).min(1, 'A site needs at least one origin');

/** Top-level comments per page of a thread when a site sets none. */
export const DEFAULT_PAGE_SIZE = 50;

/**
 * How count.js words a page's comment count ("N Comments"), when a site
 * sets nothing: the one place these strings live (i18n may swap them).
 * `many` holds `{n}`.
 */
export const DEFAULT_COUNT_WORDING = {
  zero: 'No Comments',
  one: '1 Comment',
  many: '{n} Comments',
} as const;

const CountWording = z.object({
  zero: z.string().trim().min(1).max(60),
  one: z.string().trim().min(1).max(60),
  many: z.string().trim().min(1).max(60).includes('{n}', { message: 'must contain {n}' }),
});

/** Reply nesting when a site sets none. */
export const DEFAULT_MAX_DEPTH = 5;

/**
 * A change to some moderation settings. Not `ModerationSettings.partial()`:
 * zod would fill the defaults in and overwrite what the site already has.
 * A blocklist is replaced whole.
 */
const m = ModerationSettings.shape;
const ModerationPatch = z.strictObject({
  mode: m.mode.unwrap().optional(),
  linkLimit: m.linkLimit.unwrap().optional(),
  blocklist: m.blocklist.unwrap().optional(),
  minFormSeconds: m.minFormSeconds.unwrap().optional(),
  akismetKey: m.akismetKey.unwrap().optional(),
});

const ProviderIdSchema = z.enum(PROVIDER_IDS);

/** What becomes of a reader's comments when they delete their data (contract/reader-deletion.ts). */
export const ReaderDeletion = z.enum(READER_DELETIONS);

export const SiteSettings = z.object({
  /** How deep replies nest; a reply to a comment at this depth becomes its sibling. */
  maxDepth: z.number().int().min(1).max(10).default(DEFAULT_MAX_DEPTH),
  /** Spam defence and moderation (server/moderation); defaults when unset. */
  moderation: ModerationSettings.default(() => ModerationSettings.parse({})),
  /** "Learn how your comment data is processed" links here; no link when null. */
  privacyUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
  /** Minutes an author may edit or delete their comment after posting. */
  editWindowMinutes: z.number().int().min(0).max(10_080).default(15),
  /** Sign-in providers offered on this site (of those configured); null: all configured. */
  signInProviders: z.array(ProviderIdSchema).nullable().default(null),
  /**
   * The site's language: every reader's widget speaks it unless the embed's
   * `data-lang` says otherwise, and moderators' emails are written in it.
   * null: each reader's own (the host page's `<html lang>`, else the browser's).
   */
  language: z.enum(LOCALES).nullable().default(null),
  /** Top-level comments per page of a thread ("Load more comments" shows the next). */
  pageSize: z.number().int().min(1).max(200).default(DEFAULT_PAGE_SIZE),
  /** count.js's wording for 0, 1 and more comments. */
  countWording: CountWording.default(() => ({ ...DEFAULT_COUNT_WORDING })),
  /** Guests' pictures from Gravatar (fetched by Parley, never by the reader's browser); off: drawn by Parley. */
  gravatar: z.boolean().default(false),
  /** Days a comment's IP address and user agent are kept (spam defence), then erased. */
  requestDataRetentionDays: z.number().int().min(1).max(3650).default(60),
  readerDeletion: ReaderDeletion.default('choice'),
});
export type SiteSettings = z.infer<typeof SiteSettings>;

/** Only the settings to change; the rest keep their current (or default) values. */
export const SettingsPatch = z.strictObject({
  maxDepth: z.number().int().min(1).max(10).optional(),
  moderation: ModerationPatch.optional(),
  privacyUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
  editWindowMinutes: z.number().int().min(0).max(10_080).optional(),
  signInProviders: z.array(ProviderIdSchema).nullable().optional(),
  language: z.enum(LOCALES).nullable().optional(),
  pageSize: z.number().int().min(1).max(200).optional(),
  countWording: CountWording.optional(),
  gravatar: z.boolean().optional(),
  requestDataRetentionDays: z.number().int().min(1).max(3650).optional(),
  readerDeletion: ReaderDeletion.optional(),
});
export type SettingsPatch = z.input<typeof SettingsPatch>;

export type ModerationMode = SiteSettings['moderation']['mode'];
export type { Blocklist } from './moderation-settings.schema.ts';
