import type { CommentCounts } from '../../contract/api.ts';

/** The site's wording for `n` comments ("No Comments", "1 Comment", "12 Comments"). */
export function countText(n: number, wording: CommentCounts['wording']): string {
  return n === 0
    ? wording.zero
    : n === 1
      ? wording.one
      : wording.many.replace('{n}', n.toLocaleString());
}
