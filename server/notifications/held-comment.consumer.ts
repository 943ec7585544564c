/**
 * Emails a site's owners and moderators when a comment is held for them:
 * a new one, or a published one held again after an edit (not every edit of
 * one already held). A once-only event handler (server/events/), so one
 * instance sends it however many run.
 */
import { listSiteMembers } from '../admin/member.repository.ts';
import { type CommentEvent, isCommentEvent, type ParleyEvent } from '../events/event.types.ts';
import { findSite } from '../sites/site.repository.ts';
import type { Db } from '../store/db.ts';
import type { Mailer } from './mailer.ts';
import { notifyModerators } from './notify-moderators.ts';

function isNewlyHeld(event: CommentEvent): boolean {
  const { status, previousStatus } = event.comment;
  if (status !== 'pending') return false;
  return (
    event.type === 'comment.created' ||
    (event.type === 'comment.edited' && previousStatus !== 'pending')
  );
}

export function heldCommentEmails(db: Db, mailer: Mailer, publicUrl: string) {
  return async function emailModeratorsOfHeld(event: ParleyEvent): Promise<void> {
    if (!mailer.enabled || !isCommentEvent(event) || !isNewlyHeld(event)) return;
    const shown = event.comment.public;
    const site = await findSite(db, event.siteId);
    if (!shown || !site) return;
    const members = await listSiteMembers(db, site.id);
    await notifyModerators(mailer, {
      site: { id: site.id, name: site.name },
      comment: {
        id: shown.id,
        html: shown.html,
        authorName: shown.author.name,
        pageUrl: event.page.url,
        pageTitle: event.page.title,
        reasons: event.comment.reasons,
      },
      moderatorEmails: members.map((m) => m.email),
      publicUrl,
      locale: site.settings.language ?? 'en',
    });
  };
}
