import { type Check, type CommentCandidate, objection } from '../moderation.types.ts';

/** Asks the store whether this author recently posted the same text on this page. */
export type FindRecentSameText = (candidate: CommentCandidate) => Promise<boolean>;

/**
 * The same author posting the same text again (a double click, a resubmitted
 * form, a bot retrying) is refused, so nothing is stored twice.
 */
export function duplicateCheck(findRecentSameText: FindRecentSameText): Check {
  return async function checkDuplicate({ candidate }) {
    if (await findRecentSameText(candidate)) {
      return objection('reject', 'duplicate', { code: 'duplicate.repeat', params: {} });
    }
    return { decision: 'approve', check: 'duplicate', reason: 'not a repeat' };
  };
}
