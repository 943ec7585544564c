import { withoutUnsafeChars } from '../../contract/unsafe-chars.ts';
import type { ProviderProfile } from '../auth/auth.types.ts';
import type { IdentityRow } from '../store/database.ts';

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

/**
 * The name a signed-in reader's comments carry: their stored display name
 * cleaned again (rows stored before readableProfile may hold only bidi
 * controls), else their username, else "<provider> user". Never empty: an
 * empty name on a comment is how imported nameless authors are stored, and
 * a signed-in reader must not read as one, nor as nobody (NO_AUTHOR).
 */
export function readableIdentityName(
  identity: Pick<IdentityRow, 'display_name' | 'username' | 'provider'>,
): string {
  return (
    readable(identity.display_name) ??
    readable(identity.username) ??
    FALLBACK_NAME[identity.provider as ProviderProfile['provider']] ??
    'User'
  );
}
