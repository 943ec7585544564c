/**
 * What the server announces when something readers can see may have changed
 * (issue 10). Every write records one of these in its own transaction
 * (`recordEvent`, the outbox); the relay publishes it after the commit to
 * every subscriber on every instance. Internal: readers get only what
 * `server/events/sse/` derives from it (the public comment shape).
 */
import type { Comment } from '../../contract/api.ts';
import type { CommentStatus } from '../../contract/dashboard.ts';
import type { VerdictDetail } from '../../contract/moderation-reasons.schema.ts';

export const COMMENT_EVENT_TYPES = [
  'comment.created',
  'comment.edited',
  'comment.deleted',
  'comment.status-changed',
] as const;

export type CommentEventType = (typeof COMMENT_EVENT_TYPES)[number];

/** One comment as it is after the change. */
export interface CommentChange {
  id: string;
  parentId: string | null;
  /** Its status now; for a comment removed from the store, what it was. */
  status: CommentStatus;
  /** Before the change; null for a new comment. */
  previousStatus: CommentStatus | null;
  /**
   * What any reader would be shown (never the author's own view, never an
   * email); null when the comment was removed from the store entirely.
   */
  public: Comment | null;
  /**
   * Why the pipeline held it or called it spam (for moderators' email, never
   * for readers): in English, and as data to word in the site's language
   * (`detail`; absent in events recorded before it existed).
   */
  reasons: { check: string; reason: string; detail?: VerdictDetail }[];
}

interface EventBase {
  /**
   * Opaque, increasing in publication order within one log: the SSE
   * `id:` a reconnecting widget sends back as `Last-Event-ID`.
   */
  id: string;
  siteId: string;
  /** ISO 8601: when the change was written. */
  at: string;
}

export interface CommentEvent extends EventBase {
  type: CommentEventType;
  pageKey: string;
  page: { url: string; title: string };
  comment: CommentChange;
}

/**
 * Something on a page changed in bulk (an import, an anonymised author): a
 * cache of it is stale, a live view should reload it.
 */
export interface PageChangedEvent extends EventBase {
  type: 'page.changed';
  pageKey: string;
}

/** The site's settings or its whole set of pages changed (settings saved, site removed). */
export interface SiteChangedEvent extends EventBase {
  type: 'site.changed';
}

export type ParleyEvent = CommentEvent | PageChangedEvent | SiteChangedEvent;

/** An event as a write records it: the log assigns `id` when publishing. */
export type NewEvent =
  | Omit<CommentEvent, 'id' | 'at'>
  | Omit<PageChangedEvent, 'id' | 'at'>
  | Omit<SiteChangedEvent, 'id' | 'at'>;

export function isCommentEvent(event: ParleyEvent): event is CommentEvent {
  return (COMMENT_EVENT_TYPES as readonly string[]).includes(event.type);
}
