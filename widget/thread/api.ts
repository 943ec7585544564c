/**
 * The one API client of the thread app. `request` owns the base URL, JSON,
 * headers and error mapping; each endpoint is one line on top of it.
 */
import type {
  ApiErrorBody,
  Comment,
  CommentList,
  CreateCommentRequest,
  ErrorCode,
} from '../shared/api-types.ts';

/** Codes the client adds to the server's: no response, or one we can't read. */
export type ClientErrorCode = ErrorCode | 'network_error' | 'bad_response';

/** Every failed call throws this; callers branch on `code`, never on `message`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly field: string | undefined;

  constructor(status: number, code: ClientErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

function readError(status: number, body: unknown): ApiError {
  const error = (body as Partial<ApiErrorBody> | null)?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(status, error.code, String(error.message ?? ''), error.field);
  }
  return new ApiError(status, 'bad_response', `HTTP ${status}`);
}

async function request<T>(base: string, path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(base + path, {
      ...init,
      headers: init?.body
        ? { accept: 'application/json', 'content-type': 'application/json' }
        : { accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Network request failed');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw readError(response.status, body);
  if (body === null) throw new ApiError(response.status, 'bad_response', 'Unreadable response');
  return body as T;
}

export type Api = ReturnType<typeof createApi>;

/** Binds the endpoints to `apiBase` (from the bootstrap; '' means this origin). */
export function createApi(base: string) {
  const q = encodeURIComponent;
  return {
    listComments: (site: string, page: string) =>
      request<CommentList>(base, `/api/v1/comments?site=${q(site)}&page=${q(page)}`),
    createComment: (body: CreateCommentRequest) =>
      request<{ comment: Comment }>(base, '/api/v1/comments', {
        method: 'POST',
        body: JSON.stringify(body),
      }),
  };
}
