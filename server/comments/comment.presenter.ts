import type { Comment, Provider } from '../../widget/shared/api-types.ts';
import type { CommentRow } from '../store/database.ts';
import { gravatarUrl } from './avatar.ts';

/**
 * The public shape of a comment. Fields are picked one by one so that a
 * column added later (an email, an IP) can never leak by accident.
 */
export function presentComment(row: CommentRow): Comment {
  return {
    id: row.id,
    // Only the author is ever shown a held comment; spam looks the same to them.
    ...(row.status === 'approved' ? {} : { status: 'pending' as const }),
    parentId: row.parent_id,
    html: row.body_html,
    createdAt: row.created_at,
    author: {
      name: row.author_name,
      url: row.author_url,
      avatarUrl: row.author_avatar_url ?? gravatarUrl(row.author_email),
      provider: row.author_provider as Provider,
    },
  };
}
