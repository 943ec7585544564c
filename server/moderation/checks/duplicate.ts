import type { Check, CommentCandidate } from '../moderation.types.ts';

/** Asks the store whether this author recently posted the same text on this page. */
export type FindRecentSameText = (candidate: CommentCandidate) => Promise<boolean>;

/**
 * The same author posting the same text again (a double click, a resubmitted
 * form, a bot retrying) is refused, so nothing is stored twice.
 */
export function duplicateCheck(findRecentSameText: FindRecentSameText): Check {
  return async function checkDuplicate({ candidate }) {
    if (await findRecentSameText(candidate)) {
      return { decision: 'reject', check: 'duplicate', reason: 'you already posted this comment' };
    }
    return { decision: 'approve', check: 'duplicate', reason: 'not a repeat' };
  };
}
