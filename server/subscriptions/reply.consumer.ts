/**
 * Emails subscribers when a comment is published: a new approved comment,
 * or a held one a moderator approves later (its status-changed event). A
 * once-only event handler (server/events/), so one instance sends each email
 * however many run; `notified_comments` makes that hold even after a relay
 * crash or an approve/spam/approve flip (at most once per comment).
 */
import { findComment } from '../comments/comment.repository.ts';
import { type CommentEvent, isCommentEvent, type ParleyEvent } from '../events/event.types.ts';
import { findSite } from '../sites/site.repository.ts';
import type { SubscriptionRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import { replyEmail } from './notify.email.ts';
import { listSubscribersOf, markCommentNotified } from './subscription.repository.ts';
import { allowed, localeOf, type NotifyDeps, unsubscribeUrl } from './subscription.service.ts';

function isNewlyPublished(event: CommentEvent): boolean {
  const { status, previousStatus, public: shown } = event.comment;
  return status === 'approved' && previousStatus !== 'approved' && !!shown && !shown.deleted;
}

export function replyNotificationEmails(db: Db, deps: NotifyDeps) {
  return async function emailSubscribers(event: ParleyEvent): Promise<void> {
    if (!deps.mailer.enabled || !isCommentEvent(event) || !isNewlyPublished(event)) return;
    const row = await findComment(db, event.comment.id);
    if (row?.status !== 'approved' || row.deleted_at) return;
    const subscribers = await listSubscribersOf(db, row.page_id, row.parent_id);
    const authorEmail = row.author_email?.toLowerCase() ?? null;
    const recipients = oneEach(
      subscribers.filter(
        // Never to the reply's own author: same address, or same signed-in identity.
        (s) => s.email !== authorEmail && !(row.identity_id && s.identity_id === row.identity_id),
      ),
      row.parent_id,
    );
    if (recipients.length === 0) return;
    if (!(await markCommentNotified(db, row.id, new Date().toISOString()))) return;
    const site = await findSite(db, row.site_id);
    if (!site) return;
    await Promise.all(
      recipients.map(async (sub) => {
        if (!(await allowed(deps.limits.notifications, sub.email))) {
          deps.logger.info({ site: site.id }, 'notification skipped: too many for this address');
          return;
        }
        await deps.mailer.send(
          replyEmail({
            to: sub.email,
            locale: localeOf(sub),
            kind: sub.comment_id ? 'replies' : 'page',
            siteName: site.name || site.id,
            page: event.page,
            comment: { id: row.id, authorName: row.author_name, html: row.body_html },
            unsubscribeUrl: unsubscribeUrl(deps, sub),
          }),
        );
      }),
    );
  };
}

/**
 * One email per address: a reply to their comment says so rather than
 * "a new comment", and its unsubscribe link ends that subscription.
 */
function oneEach(subs: readonly SubscriptionRow[], parentId: string | null): SubscriptionRow[] {
  const byEmail = new Map<string, SubscriptionRow>();
  for (const sub of subs) {
    const kept = byEmail.get(sub.email);
    if (!kept || (sub.comment_id !== null && sub.comment_id === parentId)) {
      byEmail.set(sub.email, sub);
    }
  }
  return [...byEmail.values()];
}
