/**
 * What moderators see and do: comments of one site by status, with the
 * pipeline's reasons, their page and parent, and bulk status changes.
 */

import {
  COMMENT_STATUSES,
  type CommentStatus,
  type ModerationAction,
  type QueueItem,
  type QueueList,
  RESULT_OF,
} from '../../contract/dashboard.ts';
import { presentAuthorName } from '../comments/comment.presenter.ts';
import { changeCommentStatus } from '../comments/comment.status.ts';
import { AppError } from '../errors.ts';
import { writeTransaction } from '../events/transaction.ts';
import { parseStoredReasons } from '../moderation/reasons.ts';
import type { Db } from '../store/db.ts';
import { countByStatus, findQueueRow, type QueueRow, selectQueue } from './queue.repository.ts';

export type { ModerationAction, QueueItem };

function presentQueueItem(r: QueueRow): QueueItem {
  return {
    id: r.id,
    status: r.status,
    html: r.body_html,
    source: r.body_source,
    createdAt: r.created_at,
    author: {
      ...presentAuthorName(r),
      email: r.author_email,
      url: r.author_url,
      provider: r.author_provider,
      ip: r.ip,
    },
    page: { url: r.page_url, title: r.page_title },
    parent: r.parent_id
      ? {
          id: r.parent_id,
          author: presentAuthorName({
            author_name: r.parent_author ?? '',
            author_anonymous: r.parent_author_anonymous ?? 0,
            author_url: r.parent_author_url,
            author_provider: r.parent_author_provider ?? 'guest',
            avatar_key: r.parent_avatar_key ?? '',
          }),
          excerpt: (r.parent_source ?? '').slice(0, 200),
        }
      : null,
    reasons: parseStoredReasons(r.moderation_reasons),
  };
}

/**
 * A site's comments in one status (newest first), optionally matching text,
 * author, email or IP, with how many each status holds (the tabs' counts).
 */
export async function listQueue(
  db: Db,
  siteId: string,
  filter: { status: CommentStatus | 'all'; q?: string | undefined; limit: number },
): Promise<QueueList> {
  const rows = await selectQueue(db, siteId, filter);
  const counts = Object.fromEntries(COMMENT_STATUSES.map((s) => [s, 0])) as QueueList['counts'];
  for (const { status, n } of await countByStatus(db, siteId)) counts[status] = n;
  return { comments: rows.map(presentQueueItem), counts };
}

/** One comment of the site as the queue shows it, or 404 (also for another site's comment). */
export async function findQueueItem(db: Db, siteId: string, id: string): Promise<QueueItem> {
  const row = await findQueueRow(db, siteId, id);
  if (!row) throw new AppError(404, 'not_found', 'No comment with that id on this site');
  return presentQueueItem(row);
}

/** Applies one action to many comments of the site; ids of other sites are ignored. */
export async function moderate(
  db: Db,
  siteId: string,
  ids: string[],
  action: ModerationAction,
): Promise<number> {
  return writeTransaction(db, (tx) => changeCommentStatus(tx, siteId, ids, RESULT_OF[action]));
}
