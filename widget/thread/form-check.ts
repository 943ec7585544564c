/**
 * The comment form's fields and what can be wrong with them. The check
 * itself and its words (problems.ts) load when the reader starts writing.
 */

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
