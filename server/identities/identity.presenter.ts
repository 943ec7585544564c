import type { Identity } from '../../contract/api.ts';
import type { ProviderId } from '../../contract/providers.ts';
import { gravatarUrl } from '../comments/avatar.ts';
import type { IdentityRow } from '../store/database.ts';

/** The reader as the API shows them: never their email. */
export function presentIdentity(row: IdentityRow): Identity {
  return {
    name: row.display_name,
    url: row.profile_url,
    avatarUrl: row.avatar_url ?? gravatarUrl(row.email),
    provider: row.provider as ProviderId,
  };
}
