import type { AuthorName, Comment } from '../../contract/api.ts';
import type { Provider } from '../../contract/providers.ts';
import { avatarPath } from '../avatars/avatar-source.ts';
import type { CommentRow } from '../store/database.ts';

/** The columns a comment is shown from (the source only where its author may see it). */
export type PresentableRow = Pick<
  CommentRow,
  | 'id'
  | 'parent_id'
  | 'created_at'
  | 'body_html'
  | 'author_name'
  | 'author_url'
  | 'avatar_key'
  | 'author_provider'
  | 'status'
  | 'edited_at'
  | 'deleted_at'
> & { body_source?: string };

/** What only the comment's author is shown: set while their edit window is open. */
export interface AuthorView {
  /** ISO 8601: the end of the edit window. */
  editableUntil: string;
}

/**
 * A stored author name as every API says it (the public one and the
 * dashboard's): an empty one is nobody behind the comment
 * (comment.repository.ts NO_AUTHOR), `deleted`, worded by whoever reads it.
 */
export function presentAuthorName(name: string): AuthorName {
  return name === '' ? { name: '', deleted: true } : { name };
}

/**
 * The public shape of a comment. Fields are picked one by one so that a
 * column added later (an email, an IP) can never leak by accident. `own` is
 * given only when the viewer is the author and may still edit it: then (and
 * only then) the source text goes along, to prefill the editor.
 */
export function presentComment(row: PresentableRow, own: AuthorView | null = null): Comment {
  if (row.deleted_at) {
    // A placeholder kept for its replies: the same for everyone, nothing of its author.
    return {
      id: row.id,
      parentId: row.parent_id,
      html: '',
      createdAt: row.created_at,
      deleted: true,
      author: { name: '', url: null, avatarUrl: '', provider: 'guest', deleted: true },
    };
  }
  return {
    id: row.id,
    // Only the author is ever shown a held comment; spam looks the same to them.
    ...(row.status === 'approved' ? {} : { status: 'pending' as const }),
    parentId: row.parent_id,
    html: row.body_html,
    createdAt: row.created_at,
    author: {
      ...presentAuthorName(row.author_name),
      url: row.author_url,
      avatarUrl: avatarPath(row.avatar_key),
      provider: row.author_provider as Provider,
    },
    ...(row.edited_at ? { editedAt: row.edited_at } : {}),
    ...(own ? { editableUntil: own.editableUntil, source: row.body_source ?? '' } : {}),
  };
}

/** The end of a comment's edit window (ISO 8601). */
export function editWindowEnd(row: Pick<CommentRow, 'created_at'>, minutes: number): string {
  return new Date(Date.parse(row.created_at) + minutes * 60_000).toISOString();
}

/**
 * The author view for `row` when `viewerKeyHash` is its author's key and the
 * window is still open; null otherwise. Keyed off the author key alone: every
 * post (guest or signed in) sets it, and the thread's first render (the
 * iframe page) has no Bearer token to go by.
 */
export function authorViewFor(
  row: CommentRow,
  viewerKeyHash: string | null,
  editWindowMinutes: number,
  now = Date.now(),
): AuthorView | null {
  if (!viewerKeyHash || row.author_key_hash !== viewerKeyHash || row.deleted_at) return null;
  const editableUntil = editWindowEnd(row, editWindowMinutes);
  return Date.parse(editableUntil) > now ? { editableUntil } : null;
}
