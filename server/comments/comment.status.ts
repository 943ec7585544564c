/**
 * A moderator's decision on comments (approve, spam, trash, a ban): one
 * place, so every such change is announced (server/events/).
 */
import type { CommentStatus } from '../../contract/dashboard.ts';
import { setCommentStatus } from '../admin/queue.repository.ts';
import { recordCommentEvent } from '../events/record.ts';
import type { Db } from '../store/db.ts';
import { listStatusChanges } from './comment.repository.ts';

/**
 * Sets the status of those of `ids` that belong to the site and records a
 * `comment.status-changed` for each whose status changed. `tx` is the
 * caller's write transaction. Returns how many of `ids` are the site's.
 */
export async function changeCommentStatus(
  tx: Db,
  siteId: string,
  ids: readonly string[],
  status: CommentStatus,
): Promise<number> {
  const changing = await listStatusChanges(tx, siteId, ids, status);
  const updated = await setCommentStatus(tx, siteId, ids, status);
  for (const { page_key, page_url, page_title, ...row } of changing) {
    await recordCommentEvent(tx, 'comment.status-changed', {
      row: { ...row, status },
      page: { page_key, url: page_url, title: page_title },
      previousStatus: row.status,
    });
  }
  return updated;
}
