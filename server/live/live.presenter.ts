/**
 * What a reader's widget is told of an event on its page: published
 * comments only, in the public shape, never a held one or an email.
 */
import type { LiveMessage } from '../../contract/live.ts';
import { isCommentEvent, type ParleyEvent } from '../events/event.types.ts';

/** The page an event concerns, or null for a site-wide one. */
export function pageOf(event: ParleyEvent): string | null {
  return event.type === 'site.changed' ? null : event.pageKey;
}

/** The message for readers of the event's page, or null when they see no change. */
export function liveMessageFor(event: ParleyEvent): LiveMessage | null {
  if (event.type === 'page.changed') return { type: 'reset' };
  if (!isCommentEvent(event)) return null;
  const { comment } = event;
  if (comment.status === 'approved' && comment.public) {
    return {
      type: 'comment',
      comment: comment.public,
      appeared: comment.previousStatus !== 'approved',
    };
  }
  // Gone from readers' view, if they could see it: a comment they never saw
  // (held, spam) stays unmentioned, so not even its id leaks.
  const wasShown = (comment.previousStatus ?? comment.status) === 'approved';
  return wasShown && event.type !== 'comment.created' ? { type: 'remove', id: comment.id } : null;
}
