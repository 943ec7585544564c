import type { ModerationReason } from '../../contract/moderation-reasons.schema.ts';
import type { Decision, Verdict } from './moderation.types.ts';

/** The pipeline's answer: what to do with the comment, and every reason a check gave against it. */
export interface ModerationOutcome {
  decision: Decision;
  /**
   * Every non-approve verdict, in the order the checks ran: the moderator sees them all.
   * On reject, the entry with `decision: 'reject'` is the one to show the author.
   */
  reasons: ModerationReason[];
  /** Set when flood control refused the comment: tell the author how long to wait. */
  retryAfterSeconds?: number;
  /** Set when Akismet said the comment need not be kept at all. */
  discard?: boolean;
}

const SEVERITY: Record<Decision, number> = { approve: 0, hold: 1, spam: 2, reject: 3 };

/**
 * The most severe decision wins: reject > spam > hold > approve. No verdicts
 * means approve. A weak signal (`onlyWithOthers`) counts only beside another
 * objection; alone it is dropped.
 */
export function combine(verdicts: readonly Verdict[]): ModerationOutcome {
  let decision: Decision = 'approve';
  const outcome: ModerationOutcome = { decision, reasons: [] };
  const corroborated = verdicts.some((v) => v.decision !== 'approve' && !v.onlyWithOthers);
  for (const verdict of verdicts) {
    if (verdict.onlyWithOthers && !corroborated) continue;
    if (SEVERITY[verdict.decision] > SEVERITY[decision]) decision = verdict.decision;
    if (verdict.decision === 'approve') continue;
    // One entry per reason (the blocklist names each rule that matched); a
    // verdict without codes keeps its English as text.
    const details = verdict.details ?? [{ code: 'legacy', params: { text: verdict.reason } }];
    for (const detail of details) {
      outcome.reasons.push({ check: verdict.check, decision: verdict.decision, ...detail });
    }
    if (verdict.retryAfterSeconds !== undefined) {
      outcome.retryAfterSeconds = Math.max(
        outcome.retryAfterSeconds ?? 0,
        verdict.retryAfterSeconds,
      );
    }
    if (verdict.discard) outcome.discard = true;
  }
  outcome.decision = decision;
  return outcome;
}
