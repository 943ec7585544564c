import { withoutUnsafeChars } from '../../contract/unsafe-chars.ts';
import type { ProviderProfile } from '../auth/auth.types.ts';

const FALLBACK_NAME: Record<ProviderProfile['provider'], string> = {
  wordpress: 'WordPress.com user',
  twitter: 'X user',
  facebook: 'Facebook user',
};

const readable = (text: string | null): string | null =>
  text === null ? null : withoutUnsafeChars(text).trim() || null;

/**
 * A provider's profile as Parley keeps it: the name and username a reader
 * typed at the provider lose invisible controls and bidi overrides (X allows
 * U+202E in a display name, which would make "You are commenting as …" or a
 * byline read backwards). A name made only of those falls back to the
 * username, then to "<provider> user".
 */
export function readableProfile(profile: ProviderProfile): ProviderProfile {
  const username = readable(profile.username);
  return {
    ...profile,
    displayName: readable(profile.displayName) ?? username ?? FALLBACK_NAME[profile.provider],
    username,
  };
}
