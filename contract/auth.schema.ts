/**
 * Request bodies of the sign-in API (/api/v1/auth, docs/api.md), in zod. The
 * thread app takes its request types from here with `import type` only.
 */
import { z } from 'zod';
import { LOCALES } from './i18n/locales.ts';
import { PROVIDER_IDS } from './providers.ts';
import { SiteId } from './site-settings.schema.ts';

const Secret = z.string().regex(/^[A-Za-z0-9_-]{43,128}$/, 'must be base64url, at least 256 bits');

/** POST /api/v1/auth/tickets */
export const CreateTicket = z.object({
  site: SiteId,
  provider: z.enum(PROVIDER_IDS),
  /** base64url(SHA-256(verifier)); the verifier stays in the iframe. */
  challenge: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be base64url(SHA-256(verifier))'),
  /** true: ask the provider to show its account chooser (Change). */
  change: z.boolean().optional().default(false),
  /** Redirect fallback only: the host page to come back to (on one of the site's origins). */
  returnUrl: z.string().max(2048).optional(),
  /** The widget's language: the sign-in pages speak it. Anything else is ignored. */
  locale: z.enum(LOCALES).optional().catch(undefined),
});
export type CreateTicketRequest = z.input<typeof CreateTicket>;

/**
 * POST /api/v1/auth/redeem: with `code` from the popup or the redirect's
 * fragment, or polling without it (a bound popup ticket only). `verifier` may
 * be left out after the redirect fallback when it waits in the hold cookie.
 * `keep: 'body'`: the widget keeps the refresh token itself (where the
 * browser drops its cookies, as WebKit does); it comes back in the response.
 */
export const Redeem = z.object({
  ticket: z.string().min(1).max(64),
  verifier: Secret.optional(),
  code: Secret.optional(),
  keep: z.enum(['cookie', 'body']).optional().default('cookie'),
});
export type RedeemRequest = z.input<typeof Redeem>;

/** POST /api/v1/auth/tickets/:ticket/hold (redirect fallback). */
export const Hold = z.object({ verifier: Secret });

/** POST /api/v1/auth/refresh: the token from the cookie, or in the body where the widget keeps it. */
export const Refresh = z.object({
  site: SiteId,
  refreshToken: Secret.optional(),
});
export type RefreshRequest = z.input<typeof Refresh>;

/** POST /api/v1/auth/logout[?site]: the site names a cookie, so only the CLI's alphabet gets that far. */
export const LogoutQuery = z.object({ site: SiteId.optional() });

/** POST /auth/:provider/bind, from the bind page with the verifier the widget gave it. */
export const Bind = z.object({
  ticket: z.string().min(1).max(64),
  verifier: Secret,
});
