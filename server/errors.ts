import type { ErrorCode } from '../contract/errors.ts';
import type { ImportFailure } from '../contract/imports.ts';

export type { ErrorCode };

/**
 * The one error type. Services throw it; the error middleware turns it into
 * `{ "error": { "code", "message", "field"? } }` with its status.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly field: string | undefined;
  /** Response headers that go with the error, e.g. Retry-After on a 429. */
  readonly headers: Readonly<Record<string, string>>;
  /** What was wrong, as data, sent beside the message (ApiErrorBody). */
  detail: ImportFailure | undefined;

  constructor(
    status: number,
    code: ErrorCode,
    message: string,
    field?: string,
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.headers = headers;
    this.detail = undefined;
  }

  /** Sets `detail` (see ApiErrorBody) and returns the error. */
  withDetail(detail: ImportFailure): this {
    this.detail = detail;
    return this;
  }
}
