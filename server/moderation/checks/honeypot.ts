import { approve, objection, type PureCheck } from '../moderation.types.ts';

/** A field hidden from humans: a value in it means a form-filling bot. Refused, never stored. */
export const honeypotCheck: PureCheck = ({ candidate }) => {
  if (candidate.honeypot === undefined || candidate.honeypot.trim() === '') {
    return approve('honeypot', 'hidden field left empty');
  }
  return objection('reject', 'honeypot', { code: 'honeypot.filled', params: {} });
};
