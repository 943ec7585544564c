/**
 * The comment form's own check, run in the browser before a request so a
 * reader hears about every field at once (the server still decides: its
 * answers map onto the same problems with `fromServer`). Plain functions,
 * testable without a DOM; the words live in text.ts.
 */
import type { ApiError } from '../shared/api-error.ts';

/** The form's inputs, in the order they appear (the first problem gets the focus). */
export const FORM_FIELDS = ['body', 'email', 'name', 'website'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** What is wrong with a field: the words come from text.ts, by field and problem. */
export type FieldProblem = 'missing' | 'invalid' | 'too_long';
export type FieldProblems = Partial<Record<FormField, FieldProblem>>;

export interface FormInput {
  body: string;
  /** Absent when signed in: the server takes the author from the session. */
  guest?: { name: string; email: string; website: string };
}

/** The text the server will store: newlines normalised and trimmed (comment.service.ts). */
export const storedLength = (body: string) => body.replace(/\r\n?/g, '\n').trim().length;

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
