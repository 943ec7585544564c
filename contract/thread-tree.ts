import type { Comment } from './api.ts';

/**
 * The thread's visible tree, built the same way by the widget and by the
 * server, which paints the first page before the widget's code has loaded
 * (server/embed/thread-markup.ts): both must nest alike or the page jumps.
 */
export interface CommentNode {
  comment: Comment;
  /** 1 for top-level comments, never more than the thread's maxDepth. */
  depth: number;
  /**
   * Set when the comment is shown beside its parent rather than under it
   * (the parent already sits at maxDepth), so the reader can tell whom it
   * answers.
   */
  replyTo: Comment | null;
  children: CommentNode[];
}

/**
 * Builds the visible tree from the API's flat list (oldest first). Replies
 * nest under their parent up to `maxDepth` levels; a reply to a comment at
 * maxDepth joins its parent's list instead, in time order, like WordPress's
 * threaded comments. A reply whose parent is not in the list (deleted,
 * or out of order) is shown at the top level.
 */
export function buildTree(comments: readonly Comment[], maxDepth: number): CommentNode[] {
  const limit = Math.max(1, Math.floor(maxDepth) || 1);
  const roots: CommentNode[] = [];
  // For each comment: its node and the list it was placed in.
  const placed = new Map<string, { node: CommentNode; list: CommentNode[] }>();
  for (const comment of comments) {
    const parent = comment.parentId ? placed.get(comment.parentId) : undefined;
    const node: CommentNode = { comment, depth: 1, replyTo: null, children: [] };
    let list = roots;
    if (parent && parent.node.depth < limit) {
      node.depth = parent.node.depth + 1;
      list = parent.node.children;
    } else if (parent) {
      node.depth = limit;
      node.replyTo = parent.node.comment;
      list = parent.list;
    }
    list.push(node);
    placed.set(comment.id, { node, list });
  }
  return roots;
}
