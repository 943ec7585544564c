/**
 * A site's settings as the dashboard reads and changes them, and banning a
 * comment's author (which is a settings change: the site's blocklist).
 */
import { z } from 'zod';
import type { SiteSettingsUpdate } from '../../contract/dashboard.schema.ts';
import type { BanResult, SettingsResponse, SiteRole } from '../../contract/dashboard.ts';
import type { Blocklist } from '../../contract/site-settings.schema.ts';
import { findCommentAuthor } from '../comments/comment.repository.ts';
import { changeCommentStatus } from '../comments/comment.status.ts';
import { AppError } from '../errors.ts';
import { writeTransaction } from '../events/transaction.ts';
import { toValidationError } from '../http/validate.ts';
import type { Site, SiteChange } from '../sites/site.schema.ts';
import { changeSite, requireSite, saveSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';

/** Moderators see that a key is set, and which, but not the key itself. */
function maskKey(key: string): string {
  return `••••${key.slice(-4)}`;
}

/** The settings screen's data; the Akismet key is masked unless `role` is owner. */
export function presentSiteSettings(
  site: Site,
  role: SiteRole,
  publicUrl: string,
): SettingsResponse {
  const { akismetKey } = site.settings.moderation;
  return {
    site: { id: site.id, name: site.name, origins: site.origins },
    settings:
      role === 'owner' || akismetKey === null
        ? site.settings
        : {
            ...site.settings,
            moderation: { ...site.settings.moderation, akismetKey: maskKey(akismetKey) },
          },
    version: site.version,
    embedSnippet: `<div id="parley-thread"></div>\n<script src="${publicUrl}/embed.js" data-site="${site.id}" async></script>`,
  };
}

/** saveSite, with its ZodError turned into the API's 400 naming the field. */
async function saveValidated(db: Db, input: SiteChange, expectedVersion?: number): Promise<Site> {
  try {
    return await saveSite(db, input, expectedVersion);
  } catch (err) {
    if (err instanceof z.ZodError) throw toValidationError(err, input);
    throw err;
  }
}

/** Applies a settings change; what it leaves out keeps its current value. */
export async function updateSiteSettings(
  db: Db,
  siteId: string,
  update: SiteSettingsUpdate,
): Promise<Site> {
  await requireSite(db, siteId);
  return saveValidated(
    db,
    { id: siteId, name: update.name, origins: update.origins, settings: update.settings ?? {} },
    update.version,
  );
}

type Banned = BanResult['banned'];

function withEntry(list: readonly string[], entry: string): string[] {
  return list.includes(entry) ? [...list] : [...list, entry];
}

/**
 * Bans the author of one of the site's comments on that site and files the
 * comment as spam. Idempotent. 404 for a comment of another site; 409 when
 * the author can no longer be told apart (an anonymised, deleted identity).
 */
export async function banCommentAuthor(db: Db, siteId: string, commentId: string): Promise<Banned> {
  return writeTransaction(db, async (tx) => {
    const comment = await findCommentAuthor(tx, siteId, commentId);
    if (!comment) throw new AppError(404, 'not_found', 'No comment with that id on this site');

    let banned: Banned;
    let add: (blocklist: Blocklist) => Blocklist;
    if (comment.identity_id) {
      const identity = comment.identity_id;
      banned = {
        kind: 'identity',
        label: `${comment.author_name} (${comment.author_provider})`,
      };
      add = (b) => ({ ...b, identities: withEntry(b.identities, identity) });
    } else if (comment.author_email) {
      const email = comment.author_email.toLowerCase();
      banned = { kind: 'email', label: email };
      add = (b) => ({ ...b, emails: withEntry(b.emails, email) });
    } else {
      throw new AppError(
        409,
        'author_unknown',
        'This comment’s author can no longer be identified (their account was deleted)',
      );
    }
    // Added to the blocklist as stored when written, so an owner editing the
    // blocklist at the same moment loses nothing (and no ban is lost either).
    await changeSite(tx, siteId, (site) => ({
      id: site.id,
      settings: { moderation: { blocklist: add(site.settings.moderation.blocklist) } },
    }));
    await changeCommentStatus(tx, siteId, [commentId], 'spam');
    return banned;
  });
}
