/**
 * Live updates: what `GET /api/v1/events?site&page` (Server-Sent Events)
 * sends a widget, one JSON `data:` per message (docs/api.md). Every message
 * that follows a change carries the SSE `id:` to resume from
 * (`Last-Event-ID`). Types only.
 */
import type { Comment } from './api.ts';

export type LiveMessage =
  /**
   * Connected; `id:` is where this connection stands in the log. Every `id:`
   * is opaque and good only on its page (ids of two moments can't be compared).
   */
  | { type: 'ready' }
  /**
   * A comment readers can now see, or see changed: new, edited, approved,
   * or a deleted one's placeholder. Insert it, or replace the one with its id.
   * `appeared`: readers could not see it before (just posted, or approved
   * now), so it adds to the page's count even where it is not loaded yet.
   */
  | { type: 'comment'; comment: Comment; appeared: boolean }
  /** A comment readers could see is gone (trashed, spam, held again, deleted). */
  | { type: 'remove'; id: string }
  /** What was missed can't be replayed (too old, or the page changed in bulk): reload the thread. */
  | { type: 'reset' };
