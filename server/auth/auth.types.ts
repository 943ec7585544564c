import type { ProviderId } from '../../contract/providers.ts';

export type { ProviderId };

/** What a provider tells us about the reader, normalised across providers. */
export interface ProviderProfile {
  provider: ProviderId;
  /** The provider's own user id (unique per provider). */
  providerUserId: string;
  displayName: string;
  username: string | null;
  avatarUrl: string | null;
  profileUrl: string | null;
  /** Kept for moderation; never returned by the API. */
  email: string | null;
}
