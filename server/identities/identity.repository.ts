import type { ProviderProfile } from '../auth/auth.types.ts';
import type { IdentityRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import { newId } from '../store/ids.ts';

export async function findIdentity(db: Db, id: string): Promise<IdentityRow | undefined> {
  return db.selectFrom('identities').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findIdentityByProvider(
  db: Db,
  provider: string,
  providerUserId: string,
): Promise<IdentityRow | undefined> {
  return db
    .selectFrom('identities')
    .selectAll()
    .where('provider', '=', provider)
    .where('provider_user_id', '=', providerUserId)
    .executeTakeFirst();
}

/**
 * One identity per (provider, provider user id); its profile is refreshed at
 * every sign-in so a new name or picture shows on the next comment.
 */
export async function upsertIdentity(
  db: Db,
  profile: ProviderProfile,
  avatarKey: string,
): Promise<IdentityRow> {
  const now = new Date().toISOString();
  const values = {
    display_name: profile.displayName,
    username: profile.username,
    avatar_url: profile.avatarUrl,
    avatar_key: avatarKey,
    profile_url: profile.profileUrl,
    email: profile.email,
    updated_at: now,
  };
  await db
    .insertInto('identities')
    .values({
      id: newId(),
      provider: profile.provider,
      provider_user_id: profile.providerUserId,
      created_at: now,
      ...values,
    })
    .onConflict((oc) => oc.columns(['provider', 'provider_user_id']).doUpdateSet(values))
    .execute();
  const row = await findIdentityByProvider(db, profile.provider, profile.providerUserId);
  if (!row) throw new Error('identity vanished right after it was written');
  return row;
}
