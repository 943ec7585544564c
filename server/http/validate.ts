import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { AppError } from '../errors.ts';

/** Turns the first zod issue into a 400 naming the field, e.g. `author.email`. */
export function toValidationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || undefined;
  const missing = issue?.code === 'invalid_type' && issue.input === undefined;
  const what = missing ? 'is required' : (issue?.message ?? 'is invalid');
  return new AppError(400, 'invalid_body', field ? `${field}: ${what}` : what, field);
}

type Part = 'body' | 'query';

/**
 * Validates one part of the request and stores the parsed value in
 * `res.locals[part]`, so handlers read typed data and never the raw input.
 */
export function validate<S extends z.ZodType>(part: Part, schema: S): RequestHandler {
  return function validateRequest(req, res, next) {
    const parsed = schema.safeParse(req[part]);
    if (!parsed.success) throw toValidationError(parsed.error);
    res.locals[part] = parsed.data;
    next();
  };
}

/** Rejects bodies that aren't JSON before parsing them (no form posts from other sites). */
export const requireJson: RequestHandler = function requireJson(req, _res, next) {
  if (!req.is('application/json')) {
    throw new AppError(415, 'unsupported_media_type', 'Send the request body as application/json');
  }
  next();
};
