/**
 * Recording events in the outbox, inside the transaction of the change
 * they announce (never after it: a crash in between would lose them).
 */

import type { CommentStatus } from '../../contract/dashboard.ts';
import type { VerdictDetail } from '../../contract/moderation-reasons.schema.ts';
import { presentComment } from '../comments/comment.presenter.ts';
import { englishReason, parseStoredReasons } from '../moderation/reasons.ts';
import type { CommentRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import { insertEvent } from './event.repository.ts';
import type { CommentEventType, NewEvent } from './event.types.ts';
import { claimantIn, noteRecorded } from './transaction.ts';

/** Writes `event` to the outbox. `tx` must be the transaction of the change it announces. */
export async function recordEvent(tx: Db, event: NewEvent): Promise<void> {
  if (!tx.isTransaction) {
    // A programming error, caught by any test of the caller: outside the
    // change's transaction the two could come apart.
    throw new Error('events are recorded inside the transaction of the change they announce');
  }
  const { type, siteId, ...rest } = event;
  const row = await insertEvent(tx, {
    type,
    site_id: siteId,
    page_key: 'pageKey' in event ? event.pageKey : null,
    payload: JSON.stringify(rest),
    claimed_by: claimantIn(tx),
  });
  noteRecorded(tx, event, row);
}

/**
 * Records a change to one comment. `row` is the comment after the change
 * (for one removed from the store: as it was, with `removed` set).
 */
export async function recordCommentEvent(
  tx: Db,
  type: CommentEventType,
  change: {
    row: CommentRow;
    page: { page_key: string; url: string; title: string };
    previousStatus: CommentStatus | null;
    removed?: boolean;
  },
): Promise<void> {
  const { row, page, previousStatus } = change;
  await recordEvent(tx, {
    type,
    siteId: row.site_id,
    pageKey: page.page_key,
    page: { url: page.url, title: page.title },
    comment: {
      id: row.id,
      parentId: row.parent_id,
      status: row.status,
      previousStatus,
      public: change.removed ? null : presentComment(row),
      // In English, and as codes the e-mail to moderators words in the site's language.
      reasons: parseStoredReasons(row.moderation_reasons).map((r) => ({
        check: r.check,
        reason: englishReason(r),
        detail: { code: r.code, params: r.params } as VerdictDetail,
      })),
    },
  });
}
