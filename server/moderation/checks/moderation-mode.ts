import { type Check, type CommentCandidate, objection } from '../moderation.types.ts';

/**
 * Whether the author already has an approved comment on this site: by email
 * for guests, by identity for signed-in readers.
 */
export type HasApprovedComment = (candidate: CommentCandidate) => Promise<boolean>;

/** The site's moderation mode: publish, hold everything, or hold until the author has been approved once. */
export function moderationModeCheck(hasApprovedComment: HasApprovedComment): Check {
  return async function checkModerationMode({ candidate, settings }) {
    switch (settings.mode) {
      case 'none':
        return { decision: 'approve', check: 'moderationMode', reason: 'site publishes at once' };
      case 'all':
        return objection('hold', 'moderationMode', { code: 'moderationMode.all', params: {} });
      case 'first-time': {
        if (await hasApprovedComment(candidate)) {
          return {
            decision: 'approve',
            check: 'moderationMode',
            reason: 'author has an approved comment',
          };
        }
        return objection('hold', 'moderationMode', {
          code: 'moderationMode.firstComment',
          params: { author: candidate.author.kind },
        });
      }
    }
  };
}
