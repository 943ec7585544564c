import type { AuthorName, Comment } from '../../contract/api.ts';
import type { Provider } from '../../contract/providers.ts';
import { avatarPath, NO_AVATAR } from '../avatars/avatar-source.ts';
import type { CommentRow } from '../store/database.ts';

/** The columns a comment is shown from (the source only where its author may see it). */
export type PresentableRow = Pick<
  CommentRow,
  | 'id'
  | 'parent_id'
  | 'created_at'
  | 'body_html'
  | 'author_name'
  | 'author_anonymous'
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

/** The author columns a name is presented from. */
export type AuthorColumns = Pick<
  CommentRow,
  'author_name' | 'author_anonymous' | 'author_url' | 'author_provider' | 'avatar_key'
>;

/**
 * A stored author name as every API says it (the public one and the
 * dashboard's). `deleted` only for the whole shape comment.repository.ts
 * NO_AUTHOR leaves (empty name, no link, no picture, provider guest): an
 * empty name alone is not enough, or a signed-in reader whose provider name
 * cleaned to nothing would read as "Deleted user" with a live profile link.
 * Any other empty name (an imported nameless author, or a name that cleaned
 * to nothing) is `anonymous`. Both are worded by whoever reads them.
 */
export function presentAuthorName(row: AuthorColumns): AuthorName {
  if (row.author_name !== '') return { name: row.author_name };
  return isNobody(row) ? { name: '', deleted: true } : { name: '', anonymous: true };
}

function isNobody(row: AuthorColumns): boolean {
  return (
    !row.author_anonymous &&
    row.author_url === null &&
    row.author_provider === 'guest' &&
    row.avatar_key === NO_AVATAR
  );
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
      ...presentAuthorName(row),
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
