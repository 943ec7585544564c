/**
 * The reader-facing words the form needs on its first render: its counter
 * and its announcements (a problem's words are in problems.ts, loaded when
 * the reader starts writing).
 */
const rules = new Intl.PluralRules('en');
const number = (n: number) => n.toLocaleString('en');

/** "1 character", "12 characters". */
export function plural(n: number, one: string, other: string): string {
  return `${number(n)} ${rules.select(n) === 'one' ? one : other}`;
}

/** The counter under the comment box, shown near the limit. */
export function counterText(length: number, max: number): string {
  const left = max - length;
  return left >= 0
    ? `${plural(left, 'character', 'characters')} left`
    : `${plural(-left, 'character', 'characters')} over the limit`;
}

/** When the comment server can't be reached (problems.ts words the other errors). */
export const NETWORK_TROUBLE =
  'Could not reach the comment server. Your comment is kept here; please try again.';

/** Announced once the server has the reader's comment. */
export const POSTED = 'Your comment was posted.';
export const HELD =
  'Your comment is awaiting moderation. It will appear once a moderator approves it.';
