import { describe, expect, it } from 'vitest';
import { buildComment } from './test-fixtures.ts';
import { buildTree, type CommentNode } from './tree.ts';

/** The tree as `id@depth` strings, children in brackets. */
function shape(nodes: CommentNode[]): string[] {
  return nodes.map((n) => {
    const inner = n.children.length ? `[${shape(n.children).join(',')}]` : '';
    return `${n.comment.id}@${n.depth}${inner}`;
  });
}

describe('buildTree', () => {
  const a = buildComment({ id: 'a' });
  const b = buildComment({ id: 'b' });
  const a1 = buildComment({ id: 'a1', parentId: 'a' });
  const a1x = buildComment({ id: 'a1x', parentId: 'a1' });
  const a1xy = buildComment({ id: 'a1xy', parentId: 'a1x' });
  const a2 = buildComment({ id: 'a2', parentId: 'a' });

  it('nests replies under their parents, oldest first', () => {
    expect(shape(buildTree([a, a1, b, a1x, a2], 5))).toEqual(['a@1[a1@2[a1x@3],a2@2]', 'b@1']);
  });

  it('shows replies deeper than maxDepth at maxDepth, after their parent, in time order', () => {
    const tree = buildTree([a, a1, a1x, a1xy, a2], 2);
    expect(shape(tree)).toEqual(['a@1[a1@2,a1x@2,a1xy@2,a2@2]']);
    const flattened = tree[0]?.children[1];
    expect(flattened?.replyTo?.id).toBe('a1');
    expect(tree[0]?.children[0]?.replyTo).toBeNull();
  });

  it('keeps everything at the top level when maxDepth is 1', () => {
    expect(shape(buildTree([a, a1, b], 1))).toEqual(['a@1', 'a1@1', 'b@1']);
  });

  it('shows a reply whose parent is missing at the top level', () => {
    const orphan = buildComment({ id: 'o', parentId: 'gone' });
    expect(shape(buildTree([a, orphan], 3))).toEqual(['a@1', 'o@1']);
  });
});
