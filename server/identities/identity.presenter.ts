import type { Identity } from '../../contract/api.ts';
import type { ProviderId } from '../../contract/providers.ts';
import { avatarPath } from '../avatars/avatar-source.ts';
import type { IdentityRow } from '../store/database.ts';
import { readableIdentityName } from './identity.profile.ts';

/** The reader as the API shows them: never their email. */
export function presentIdentity(row: IdentityRow): Identity {
  return {
    // Cleaned when stored (identity.profile.ts); again here for rows stored
    // before that, until the reader's next sign-in rewrites them.
    name: readableIdentityName(row),
    url: row.profile_url,
    avatarUrl: avatarPath(row.avatar_key),
    provider: row.provider as ProviderId,
    ...(row.email ? { emailable: true as const } : {}),
  };
}
