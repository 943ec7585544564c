/**
 * The reader-facing words this app chooses itself for the form's problems,
 * its counter and its announcements, in one place (the message catalogues of
 * issue 11 take them from here).
 */
import type { FieldProblem, FormField } from './form-check.ts';

const rules = new Intl.PluralRules('en');
const number = (n: number) => n.toLocaleString('en');

/** "1 character", "12 characters". */
export function plural(n: number, one: string, other: string): string {
  return `${number(n)} ${rules.select(n) === 'one' ? one : other}`;
}

const FIELD_TEXT: Record<FormField, Partial<Record<FieldProblem, string>>> = {
  body: { missing: 'Please write your comment.' },
  name: { missing: 'Please enter your name.', invalid: 'Please enter a shorter name.' },
  email: {
    missing: 'Please enter your email address. It is never made public.',
    invalid: 'Please enter a valid email address, like name@example.com.',
  },
  website: {
    invalid: 'Please enter a web address like example.com, or leave this field empty.',
  },
};

/** The line beside a field with a problem. */
export function fieldText(field: FormField, problem: FieldProblem, maxBodyChars: number): string {
  if (problem === 'too_long') {
    return `Your comment is longer than ${plural(maxBodyChars, 'character', 'characters')}. It is kept here: please shorten it.`;
  }
  return FIELD_TEXT[field][problem] ?? 'Please check this field.';
}

/** Announced when a submit is stopped by the form's own check. */
export const problemsAnnouncement = (count: number) =>
  count === 1
    ? 'One field needs your attention.'
    : `${plural(count, 'field', 'fields')} need your attention.`;

/** The counter under the comment box, shown near the limit. */
export function counterText(length: number, max: number): string {
  const left = max - length;
  return left >= 0
    ? `${plural(left, 'character', 'characters')} left`
    : `${plural(-left, 'character', 'characters')} over the limit`;
}

/** Announced once the server has the reader's comment. */
export const POSTED = 'Your comment was posted.';
export const HELD =
  'Your comment is awaiting moderation. It will appear once a moderator approves it.';
