import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import { API_LABELS, issueMessage } from './issue-message.ts';

/**
 * Turns the first zod issue into a 400 whose message a person reads ("Name is
 * required", "Email must be text"); the field's path travels in `field`
 * (`author.email`). `input` is what was validated, to tell a missing field
 * from one of the wrong type.
 */
export function toValidationError(error: z.ZodError, input?: unknown): AppError {
  const issue = error.issues[0];
  if (!issue) return new AppError(400, 'invalid_body', 'The request is not valid');
  const field = issue.path.join('.') || undefined;
  return new AppError(400, 'invalid_body', issueMessage(issue, input, API_LABELS), field);
}

/**
 * The schema for one part of the request, or a function choosing it per
 * request (a signed-in reader's comment takes no `author`).
 */
type SchemaFor = z.ZodType | ((req: Request, res: Response) => z.ZodType);

/** Schemas for the parts of the request a handler reads. */
export interface InputSchemas {
  body?: SchemaFor;
  query?: SchemaFor;
}

// Distributes over a union of schemas, so a chosen schema types as either output.
type OutputOf<S> = S extends (...args: never[]) => infer R
  ? OutputOf<R>
  : S extends z.ZodType<infer O>
    ? O
    : never;

/**
 * What a handler behind `validate()` receives (outline's `APIContext<T>`): the
 * request and response, and each validated part, typed by its schema.
 */
export type ApiContext<S extends InputSchemas> = { req: Request; res: Response } & {
  readonly [K in keyof S]: OutputOf<S[K]>;
};

const PARTS = ['body', 'query'] as const;

/**
 * Validates the parts of the request the schemas name, then calls `handler`
 * with the parsed values; the first bad field answers 400 `invalid_body`
 * naming it, and the handler never sees raw input.
 *
 * `router.post('/x', requireJson, json, validate({ body: X }, async ({ body, res }) => ...))`
 */
export function validate<S extends InputSchemas>(
  schemas: S,
  handler: (ctx: ApiContext<S>) => unknown,
): RequestHandler {
  return async function validated(req, res) {
    const input: Record<string, unknown> = {};
    for (const part of PARTS) {
      const chosen = schemas[part];
      if (chosen === undefined) continue;
      const schema = typeof chosen === 'function' ? chosen(req, res) : chosen;
      const parsed = schema.safeParse(req[part]);
      if (!parsed.success) throw toValidationError(parsed.error, req[part]);
      input[part] = parsed.data;
    }
    await handler({ ...input, req, res } as ApiContext<S>);
  };
}

/** Rejects bodies that aren't JSON before parsing them (no form posts from other sites). */
export const requireJson: RequestHandler = function requireJson(req, _res, next) {
  if (!req.is('application/json')) {
    throw new AppError(415, 'unsupported_media_type', 'Send the request body as application/json');
  }
  next();
};
