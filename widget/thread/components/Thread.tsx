import { useMemo } from 'react';
import { useThread } from '../context.ts';
import { buildTree } from '../tree.ts';
import { CommentForm } from './CommentForm.tsx';
import { CommentItem } from './CommentItem.tsx';
import { LoadMoreComments } from './LoadMore.tsx';

/** "No comments yet", "1 comment", "12 comments". */
export function countLabel(total: number): string {
  if (total <= 0) return 'No comments yet';
  return total === 1 ? '1 comment' : `${total.toLocaleString('en')} comments`;
}

/** The heading, the comments oldest first, then the form for a new comment. */
export function Thread() {
  const { bootstrap, state } = useThread();
  const tree = useMemo(
    () => buildTree(state.comments, bootstrap.maxDepth),
    [state.comments, bootstrap.maxDepth],
  );
  return (
    <section aria-labelledby="parley-count">
      <h2 id="parley-count" className="count" data-testid="comment-count">
        {countLabel(state.total)}
      </h2>
      {tree.length > 0 && (
        <ol className="list">
          {tree.map((node) => (
            <CommentItem key={node.comment.id} node={node} />
          ))}
        </ol>
      )}
      <LoadMoreComments />
      <CommentForm parent={null} />
    </section>
  );
}
