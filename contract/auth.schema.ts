/**
 * Request bodies of the sign-in API (/api/v1/auth, docs/api.md), in zod. The
 * thread app takes its request types from here with `import type` only.
 */
import { z } from 'zod';
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
});
export type CreateTicketRequest = z.input<typeof CreateTicket>;

/** POST /api/v1/auth/redeem: with `code` from the popup, or polling without it. */
export const Redeem = z.object({
  ticket: z.string().min(1).max(64),
  verifier: Secret,
  code: Secret.optional(),
});
export type RedeemRequest = z.input<typeof Redeem>;

/** POST /api/v1/auth/tickets/:ticket/hold (redirect fallback). */
export const Hold = z.object({ verifier: Secret });

/** POST /api/v1/auth/refresh */
export const SiteOnly = z.object({ site: SiteId });

/** POST /api/v1/auth/logout[?site]: the site names a cookie, so only the CLI's alphabet gets that far. */
export const LogoutQuery = z.object({ site: SiteId.optional() });
