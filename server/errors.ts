import type { ErrorCode } from '../contract/errors.ts';

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
  }
}
