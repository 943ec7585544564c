/**
 * Identity providers readers can sign in with. No zod here: the widget imports
 * these values at run time.
 */

/** In display order. */
export const PROVIDER_IDS = ['wordpress', 'twitter', 'facebook'] as const;

export type ProviderId = (typeof PROVIDER_IDS)[number];

/** Who wrote a comment: a guest, or a reader signed in with a provider. */
export type Provider = 'guest' | ProviderId;
