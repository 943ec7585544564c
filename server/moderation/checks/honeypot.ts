import { approve, type PureCheck } from '../moderation.types.ts';

/** A field hidden from humans: a value in it means a form-filling bot. Refused, never stored. */
export const honeypotCheck: PureCheck = ({ candidate }) => {
  if (candidate.honeypot === undefined || candidate.honeypot.trim() === '') {
    return approve('honeypot', 'hidden field left empty');
  }
  return { decision: 'reject', check: 'honeypot', reason: 'hidden field filled: a bot' };
};
