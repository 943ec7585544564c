import type { Insertable } from 'kysely';
import type { AvatarRow, AvatarsTable } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import { prepared } from '../store/prepared.ts';
import type { AvatarSource } from './avatar-source.ts';

// Run by every guest post: compiled once (store/prepared.ts).
const insertAvatarIfNew = prepared((db, v: Insertable<AvatarsTable>) =>
  db
    .insertInto('avatars')
    .values(v)
    .onConflict((oc) => oc.column('key').doNothing()),
);

/** Records what a key stands for; a key already known is left as it is (its image stays cached). */
export async function ensureAvatar(db: Db, source: AvatarSource, now: string): Promise<void> {
  await insertAvatarIfNew(db, {
    key: source.key,
    kind: source.kind,
    site_id: source.siteId,
    source_url: source.sourceUrl,
    initials: source.initials,
    content_type: null,
    body: null,
    fetched_at: null,
    failed_at: null,
    created_at: now,
  });
}

export async function findAvatar(db: Db, key: string): Promise<AvatarRow | undefined> {
  return db.selectFrom('avatars').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function saveFetchedAvatar(
  db: Db,
  key: string,
  image: { contentType: string; body: string },
  now: string,
): Promise<void> {
  await db
    .updateTable('avatars')
    .set({ content_type: image.contentType, body: image.body, fetched_at: now, failed_at: null })
    .where('key', '=', key)
    .execute();
}

export async function markAvatarFailed(db: Db, key: string, now: string): Promise<void> {
  await db.updateTable('avatars').set({ failed_at: now }).where('key', '=', key).execute();
}

export async function deleteAvatars(db: Db, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .deleteFrom('avatars')
    .where('key', 'in', [...keys])
    .execute();
}

/** Comments written before avatars had keys (a batch, for the start-up backfill). */
export async function commentsWithoutAvatarKey(db: Db, limit: number) {
  return db
    .selectFrom('comments')
    .leftJoin('identities', 'identities.id', 'comments.identity_id')
    .select([
      'comments.id',
      'comments.site_id',
      'comments.author_name',
      'comments.author_email',
      'comments.author_avatar_url',
      'comments.author_provider',
      'comments.deleted_at',
      'identities.provider_user_id',
    ])
    .where('comments.avatar_key', 'is', null)
    .limit(limit)
    .execute();
}

export async function identitiesWithoutAvatarKey(db: Db, limit: number) {
  return db
    .selectFrom('identities')
    .select(['id', 'provider', 'provider_user_id', 'avatar_url', 'display_name'])
    .where('avatar_key', 'is', null)
    .limit(limit)
    .execute();
}

export async function setCommentAvatarKey(db: Db, id: string, key: string): Promise<void> {
  await db.updateTable('comments').set({ avatar_key: key }).where('id', '=', id).execute();
}

export async function setIdentityAvatarKey(db: Db, id: string, key: string): Promise<void> {
  await db.updateTable('identities').set({ avatar_key: key }).where('id', '=', id).execute();
}
