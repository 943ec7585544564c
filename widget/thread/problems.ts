/**
 * The comment form's check and its words for every problem, loaded when the
 * reader starts writing (or at the latest when they submit), not on the
 * first render: most readers never see one. The check runs in the browser
 * before a request so a reader hears about every field at once; the server
 * still decides, and its answers map onto the same problems (`fromServer`),
 * by code and field, never by the message's words. Plain functions, testable
 * without a DOM; the edit box (OwnComment.tsx) uses them too.
 */
import type { ApiError, ClientErrorCode } from './api.ts';
import {
  type FieldProblem,
  type FieldProblems,
  FORM_FIELDS,
  type FormField,
  type FormInput,
  storedLength,
} from './form-check.ts';
import { NETWORK_TROUBLE, plural } from './text.ts';

// Looser than the server's check on purpose: it only catches what is plainly
// not an address; the server's answer covers the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A website as the server accepts it: http(s), with a dot in the host; "example.com" is fine. */
function isWebsite(value: string): boolean {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `http://${value}`;
  try {
    const url = new URL(withScheme);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Every problem of the form at once; empty when it may be sent. */
export function checkForm(input: FormInput, maxBodyChars: number): FieldProblems {
  const problems: FieldProblems = {};
  const length = storedLength(input.body);
  if (length === 0) problems.body = 'missing';
  else if (length > maxBodyChars) problems.body = 'too_long';
  if (input.guest) {
    const { name, email, website } = input.guest;
    if (!name.trim()) problems.name = 'missing';
    if (!email.trim()) problems.email = 'missing';
    else if (!EMAIL.test(email.trim())) problems.email = 'invalid';
    if (website.trim() && !isWebsite(website.trim())) problems.website = 'invalid';
  }
  return problems;
}

/** The server's field names (`author.email`) as the form's. */
const SERVER_FIELDS: Readonly<Record<string, FormField>> = {
  body: 'body',
  'author.name': 'name',
  'author.email': 'email',
  'author.website': 'website',
};

/**
 * The field problem a server error is about, or null when it is about the
 * whole form. Chosen by code and field, never by the message's words.
 */
export function fromServer(error: ApiError, input: FormInput): FieldProblems | null {
  if (error.code === 'body_too_large') return { body: 'too_long' };
  if (error.code !== 'invalid_body' || !error.field) return null;
  const field = SERVER_FIELDS[error.field];
  if (!field) return null;
  const value = field === 'body' ? input.body : (input.guest?.[field] ?? '');
  return { [field]: value.trim() ? 'invalid' : 'missing' };
}

/** The first field with a problem, in the form's order. */
export const firstProblem = (problems: FieldProblems): FormField | undefined =>
  FORM_FIELDS.find((f) => problems[f]);

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

const SIGNED_OUT =
  'Your sign-in has expired. Your comment is kept here; log in again, or fill in your details to post as a guest.';

const SERVER_TROUBLE =
  'The comment server had a problem. Your comment is kept here; please try again.';

/** What the reader is told for errors that are not about one field. */
const MESSAGES: Partial<Record<ClientErrorCode, string>> = {
  network_error: NETWORK_TROUBLE,
  origin_not_allowed: 'Comments can’t be posted from this page.',
  parent_not_found: 'The comment you are replying to is no longer there.',
  unknown_site: 'Comments are unavailable on this site.',
  internal_error: SERVER_TROUBLE,
  invalid_token: SIGNED_OUT,
  unauthorized: SIGNED_OUT,
  token_site_mismatch: SIGNED_OUT,
  bad_response: SERVER_TROUBLE,
  not_author: 'Only its author can change this comment.',
  comment_not_found: 'This comment is no longer there.',
};

/**
 * Codes whose message the server words for this reader (how long to wait, why
 * the comment was refused): shown as sent, with ours only if it sent none.
 */
const SERVER_WORDED: Partial<Record<ClientErrorCode, string>> = {
  rate_limited: 'You are posting too quickly. Please wait a little and try again.',
  duplicate_comment: 'You have already posted this comment.',
  banned: 'You can’t comment on this site.',
  spam_rejected: 'Your comment was rejected as spam.',
  edit_window_closed: 'The time for changing this comment is over.',
};

/** The form's error text for an error that is not about one field (the edit box's too). */
export function formMessage({ code, message }: ApiError): string {
  const fallback = SERVER_WORDED[code];
  if (fallback) return message || fallback;
  return MESSAGES[code] || message || SERVER_TROUBLE;
}
