/**
 * Gives rows written before issue 12 their avatar keys, at start-up: guests'
 * pictures used to be Gravatar URLs derived from their email on every read,
 * and signed-in readers' the provider's URL, loaded by every browser. After
 * this every row points at /avatars/<key> and nothing public carries an
 * email-derived hash. Idempotent, in batches; the key needs the server's
 * secret, which is why this is not a migration.
 */
import { recordEvent } from '../events/record.ts';
import { writeTransaction } from '../events/transaction.ts';
import type { Db } from '../store/db.ts';
import {
  commentsWithoutAvatarKey,
  ensureAvatar,
  identitiesWithoutAvatarKey,
  setCommentAvatarKey,
  setIdentityAvatarKey,
} from './avatar.repository.ts';
import { guestAvatar, identityAvatar, NO_AVATAR } from './avatar-source.ts';

const BATCH = 500;

export async function backfillAvatarKeys(db: Db, secret: string): Promise<number> {
  let done = 0;
  const now = new Date().toISOString();
  for (;;) {
    const rows = await identitiesWithoutAvatarKey(db, BATCH);
    if (rows.length === 0) break;
    await db.transaction().execute(async (tx) => {
      for (const row of rows) {
        const source = identityAvatar(secret, {
          provider: row.provider,
          providerUserId: row.provider_user_id,
          avatarUrl: row.avatar_url,
          displayName: row.display_name,
        });
        await ensureAvatar(tx, source, now);
        await setIdentityAvatarKey(tx, row.id, source.key);
      }
    });
    done += rows.length;
  }
  for (;;) {
    const rows = await commentsWithoutAvatarKey(db, BATCH);
    if (rows.length === 0) break;
    await writeTransaction(db, async (tx) => {
      // Public avatar URLs change: caches of these sites' pages (on any
      // instance already running) must drop what they hold.
      for (const siteId of new Set(rows.map((row) => row.site_id))) {
        await recordEvent(tx, { type: 'site.changed', siteId });
      }
      for (const row of rows) {
        const source = row.deleted_at
          ? null
          : row.author_avatar_url
            ? identityAvatar(secret, {
                provider: row.author_provider,
                providerUserId: row.provider_user_id ?? row.id,
                avatarUrl: row.author_avatar_url,
                displayName: row.author_name,
              })
            : row.author_email
              ? guestAvatar(secret, row.site_id, row.author_email, row.author_name)
              : identityAvatar(secret, {
                  provider: 'comment',
                  providerUserId: row.id,
                  avatarUrl: null,
                  displayName: row.author_name,
                });
        if (source) await ensureAvatar(tx, source, now);
        await setCommentAvatarKey(tx, row.id, source?.key ?? NO_AVATAR);
      }
    });
    done += rows.length;
  }
  return done;
}
