/**
 * A guest's data rights by email (issue 12): the widget asks for a link
 * (POST /api/v1/data-requests); the emailed link opens Parley's own page,
 * where the guest downloads or deletes what the site holds for the address.
 */
import { z } from 'zod';
import { LOCALES } from './i18n/locales.ts';
import { CommentsOnDeletion } from './reader-data.schema.ts';
import { SiteId } from './site-settings.schema.ts';

export const GuestDataRequestBody = z.object({
  site: SiteId,
  email: z.email().max(254),
  /**
   * The widget's language: the email, and the pages its link opens, speak it.
   * Anything else is ignored (the site's language, else the browser's, decide).
   */
  locale: z.enum(LOCALES).optional().catch(undefined),
});
export type GuestDataRequestBody = z.infer<typeof GuestDataRequestBody>;

/**
 * The answer to every accepted request, whether or not the address has
 * comments on the site (nobody learns who commented from it).
 */
export interface GuestDataRequestResult {
  site: string;
  /** How long the emailed link works. */
  expiresInMinutes: number;
}

/** The data page's forms (application/x-www-form-urlencoded). */
export const GuestLinkForm = z.object({ token: z.string().min(1).max(128) });
export const GuestDeleteForm = z.object({ comments: CommentsOnDeletion });
