import type { ApiErrorBody, ErrorCode } from '../../contract/errors.ts';

/** Codes a client adds to the server's: no response, or one it can't read. */
export type ClientErrorCode = ErrorCode | 'network_error' | 'bad_response';

/** Every failed API call throws this; callers branch on `code`, never on `message`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  /** The request field an `invalid_body` is about, e.g. `author.email`. */
  readonly field: string | undefined;
  /** Seconds the server asked to wait (its Retry-After), for a `rate_limited`. */
  retryAfter: number | undefined;
  /** What was wrong, as data, when the server said (a `malformed_import`'s file problem). */
  detail: ApiErrorBody['error']['detail'];

  constructor(status: number, code: ClientErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfter = undefined;
  }
}

/** The ApiError for a failed response's status and (parsed) body. */
export function readError(status: number, body: unknown): ApiError {
  const error = (body as Partial<ApiErrorBody> | null)?.error;
  if (error && typeof error.code === 'string') {
    const field = typeof error.field === 'string' ? error.field : undefined;
    const said = new ApiError(status, error.code, String(error.message ?? ''), field);
    said.detail = error.detail;
    return said;
  }
  return new ApiError(status, 'bad_response', `HTTP ${status}`);
}
