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
import { type ReaderKey, t } from './i18n.ts';

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

const FIELD_TEXT: Record<FormField, Partial<Record<FieldProblem, ReaderKey>>> = {
  body: { missing: 'field.body.missing' },
  name: { missing: 'field.name.missing', invalid: 'field.name.invalid' },
  email: { missing: 'field.email.missing', invalid: 'field.email.invalid' },
  website: { invalid: 'field.website.invalid' },
};

/** The line beside a field with a problem. */
export function fieldText(field: FormField, problem: FieldProblem, maxBodyChars: number): string {
  if (problem === 'too_long') return t('field.body.tooLong', { count: maxBodyChars });
  return t(FIELD_TEXT[field][problem] ?? 'field.check');
}

/** Announced when a submit is stopped by the form's own check. */
export const problemsAnnouncement = (count: number) => t('form.problems', { count });

/** What the reader is told for errors that are not about one field. */
const MESSAGES: Partial<Record<ClientErrorCode, ReaderKey>> = {
  network_error: 'error.network',
  origin_not_allowed: 'error.originNotAllowed',
  parent_not_found: 'error.parentNotFound',
  unknown_site: 'error.unknownSite',
  internal_error: 'error.server',
  invalid_token: 'error.signedOut',
  unauthorized: 'error.signedOut',
  token_site_mismatch: 'error.signedOut',
  bad_response: 'error.server',
  not_author: 'error.notAuthor',
  comment_not_found: 'error.commentNotFound',
  body_too_large: 'error.tooLarge',
  rate_limited: 'error.rateLimited',
  duplicate_comment: 'error.duplicate',
  banned: 'error.banned',
  spam_rejected: 'error.spam',
  edit_window_closed: 'error.editWindowClosed',
};

/**
 * The form's error text for an error that is not about one field (the edit
 * box's too), in the reader's language, by code: never the server's English.
 */
export function formMessage({ code, retryAfter }: ApiError): string {
  if (code === 'rate_limited' && retryAfter)
    return t('error.rateLimitedFor', { count: retryAfter });
  return t(MESSAGES[code] ?? 'error.server');
}
