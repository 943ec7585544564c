/**
 * The dashboard's one API client. `request` owns the base URL, JSON and error
 * mapping; the session is the dashboard's own HttpOnly cookie, which the
 * browser sends by itself (same origin). Each endpoint is one line.
 */
import type { ApiErrorBody, ErrorCode } from '../shared/api-types.ts';
import type { Me, ModerationAction, QueueFilter, QueueItem } from './types.ts';

/** Codes the client adds to the server's: no response, or one we can't read. */
export type ClientErrorCode = ErrorCode | 'network_error' | 'bad_response';

/** Every failed call throws this; callers branch on `code`, never on `message`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;

  constructor(status: number, code: ClientErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

function readError(status: number, body: unknown): ApiError {
  const error = (body as Partial<ApiErrorBody> | null)?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(status, error.code, String(error.message ?? ''));
  }
  return new ApiError(status, 'bad_response', `HTTP ${status}`);
}

export type AdminApi = ReturnType<typeof createAdminApi>;

/** Binds the endpoints to `base` ('' means this origin, where the dashboard is served). */
export function createAdminApi(base: string) {
  async function request<T>(path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(base + path, {
        method: body === undefined ? 'GET' : 'POST',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError(0, 'network_error', 'Network request failed');
    }
    if (response.status === 204) return undefined as T;
    const parsed: unknown = await response.json().catch(() => null);
    if (!response.ok) throw readError(response.status, parsed);
    if (parsed === null) throw new ApiError(response.status, 'bad_response', 'Unreadable response');
    return parsed as T;
  }

  const q = encodeURIComponent;
  return {
    login: (email: string, password: string) =>
      request<void>('/admin/api/login', { email, password }),
    logout: () => request<void>('/admin/api/logout', {}),
    me: () => request<Me>('/admin/api/me'),
    listComments: (site: string, { status, q: text }: QueueFilter) =>
      request<{ comments: QueueItem[] }>(
        `/admin/api/sites/${q(site)}/comments?status=${status}${text ? `&q=${q(text)}` : ''}`,
      ),
    moderate: (site: string, ids: string[], action: ModerationAction) =>
      request<{ updated: number }>(`/admin/api/sites/${q(site)}/comments/actions`, { ids, action }),
  };
}
