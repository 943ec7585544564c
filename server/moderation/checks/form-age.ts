import { approve, objection, type PureCheck } from '../moderation.types.ts';

// A link in the text or no User-Agent at all: what a script posting the
// moment the page loads looks like, and a quick human rarely does.
const LINK = /https?:\/\/|www\./i;

/**
 * Bots post the moment the page loads; people read and type. But a human
 * pasting a prepared reply, or posting twice in a row, is fast too: speed
 * alone never holds. Too fast holds with another bot sign (a link, no
 * User-Agent), and otherwise only beside another check's objection
 * (`onlyWithOthers`), where it tells the moderator why it looks automated.
 */
export const formAgeCheck: PureCheck = ({ candidate, settings }) => {
  const minMs = settings.minFormSeconds * 1000;
  if (minMs <= 0) return approve('formAge', 'form timing not checked on this site');
  if (candidate.formAgeMs === null) {
    return objection('hold', 'formAge', { code: 'formAge.noTiming', params: {} });
  }
  if (candidate.formAgeMs < minMs) {
    const seconds = Math.round(Math.max(0, candidate.formAgeMs) / 100) / 10;
    const held = objection('hold', 'formAge', {
      code: 'formAge.tooFast',
      params: { seconds, minimum: settings.minFormSeconds },
    });
    const botLike = candidate.userAgent === null || LINK.test(candidate.body);
    return botLike ? held : { ...held, onlyWithOthers: true };
  }
  return approve('formAge', 'form filled at human speed');
};
