import { approve, type PureCheck } from '../moderation.types.ts';

/**
 * Bots post the moment the page loads; people read and type. Too fast is
 * held rather than filed as spam: a human pasting a prepared reply can be
 * that quick, and a moderator can tell the two apart.
 */
export const formAgeCheck: PureCheck = ({ candidate, settings }) => {
  const minMs = settings.minFormSeconds * 1000;
  if (minMs <= 0) return approve('formAge', 'form timing not checked on this site');
  if (candidate.formAgeMs === null) {
    return {
      decision: 'hold',
      check: 'formAge',
      reason: 'no form timing: posted without the form',
    };
  }
  if (candidate.formAgeMs < minMs) {
    const seconds = (Math.max(0, candidate.formAgeMs) / 1000).toFixed(1);
    return {
      decision: 'hold',
      check: 'formAge',
      reason: `posted ${seconds} s after the form opened (minimum ${settings.minFormSeconds} s)`,
    };
  }
  return approve('formAge', 'form filled at human speed');
};
