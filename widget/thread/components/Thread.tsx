import { useMemo } from 'react';
import { useThread } from '../context.ts';
import { t } from '../i18n.ts';
import { buildTree } from '../tree.ts';
import { CommentForm } from './CommentForm.tsx';
import { CommentItem } from './CommentItem.tsx';
import { LoadMoreComments } from './LoadMore.tsx';

/**
 * "No comments yet", "1 comment", "12 comments"; "Comments" when none is
 * published but the reader sees their own held one (not "no comments" above it).
 */
export function countLabel(total: number, shown = 0): string {
  if (total <= 0) return t(shown > 0 ? 'count.heading' : 'count.none');
  return t('count.some', { count: total });
}

/**
 * The heading, the comments oldest first, then the form. There is one form:
 * it moves under the comment being answered (as WordPress's does) and back
 * here on "Cancel reply".
 */
export function Thread() {
  const { bootstrap, state } = useThread();
  const tree = useMemo(
    () => buildTree(state.comments, bootstrap.maxDepth),
    [state.comments, bootstrap.maxDepth],
  );
  const replying = state.replyingTo && state.comments.some((c) => c.id === state.replyingTo);
  return (
    <section aria-labelledby="parley-count">
      <h2 id="parley-count" className="count" data-testid="comment-count">
        {countLabel(state.total, state.comments.length)}
      </h2>
      {tree.length > 0 && (
        <ol className="list">
          {tree.map((node) => (
            <CommentItem key={node.comment.id} node={node} />
          ))}
        </ol>
      )}
      <LoadMoreComments />
      {!replying && <CommentForm parent={null} />}
      {/* Results a sighted reader sees happen elsewhere (posted, held, stopped). */}
      <p className="visually-hidden" aria-live="polite" data-testid="announcer">
        {state.announcement?.text}
      </p>
    </section>
  );
}
