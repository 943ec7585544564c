/**
 * The one API client of the thread app. `request` owns the base URL, JSON,
 * headers and error mapping; each endpoint is one line on top of it.
 */

import type {
  AuthSession,
  Comment,
  CommentList,
  CreateCommentResponse,
  CreateTicketResponse,
} from '../../contract/api.ts';
import type {
  CreateTicketRequest,
  RedeemRequest,
  RefreshRequest,
} from '../../contract/auth.schema.ts';
import type {
  CreateCommentRequest,
  SignedInCommentRequest,
} from '../../contract/comment.schema.ts';
import type { GuestDataRequestResult } from '../../contract/guest-data.schema.ts';
import type {
  CommentsOnDeletion,
  DeleteAccountResult,
  ReaderDataExport,
} from '../../contract/reader-data.schema.ts';
import { ApiError, type ClientErrorCode, readError } from '../shared/api-error.ts';

export { ApiError, type ClientErrorCode };

interface RequestOptions {
  method?: 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Sends `Authorization: Bearer` with the current access token, if any. */
  auth?: boolean;
  /** Sends and accepts the iframe's own (partitioned, HttpOnly) cookies: auth and author key. */
  cookies?: boolean;
}

/** What redeem answers while the reader is still at the provider. */
export interface LoginPending {
  status: 'pending';
}

/** A session as redeem and refresh answer it: with the refresh token when we keep it (`keep: 'body'`). */
export type KeptSession = AuthSession & { refreshToken?: string };

export type Api = ReturnType<typeof createApi>;

/**
 * Binds the endpoints to `apiBase` (from the bootstrap; '' means this origin).
 * `token` returns the current access token (kept in memory only, by auth.ts).
 */
export function createApi(base: string, token: () => string | null = () => null) {
  async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const bearer = options.auth && token();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    let response: Response;
    try {
      response = await fetch(base + path, {
        method: options.method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: options.cookies ? 'include' : undefined,
      });
    } catch {
      throw new ApiError(0, 'network_error', 'Network request failed');
    }
    if (response.status === 204) return undefined as T;
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = readError(response.status, body);
      // The wait is the header's, so the reader's words can say it (plurals and all).
      const wait = Number(response.headers.get('retry-after'));
      if (wait > 0) error.retryAfter = wait;
      throw error;
    }
    if (body === null) throw new ApiError(response.status, 'bad_response', 'Unreadable response');
    return body as T;
  }

  const q = encodeURIComponent;
  const post = (body: unknown, more?: RequestOptions): RequestOptions => ({
    method: 'POST',
    body,
    ...more,
  });
  const withCookies = { cookies: true };
  // The comments endpoints set and read the author-key cookie, so a reader
  // sees their own held (pending) comments across reloads.
  return {
    /** A page of the thread: the first, the one after `cursor`, or more replies of `parent`. */
    listComments: (site: string, page: string, more: { cursor?: string; parent?: string } = {}) =>
      request<CommentList>(
        `/api/v1/comments?site=${q(site)}&page=${q(page)}${more.cursor ? `&cursor=${q(more.cursor)}` : ''}${more.parent ? `&parent=${q(more.parent)}` : ''}`,
        withCookies,
      ),
    createComment: (body: CreateCommentRequest | SignedInCommentRequest) =>
      request<CreateCommentResponse>('/api/v1/comments', post(body, { auth: true, cookies: true })),
    // Edits and deletions prove authorship with the author-key cookie and/or the token.
    updateComment: (id: string, body: string) =>
      request<{ comment: Comment }>(`/api/v1/comments/${q(id)}`, {
        method: 'PATCH',
        body: { body },
        auth: true,
        cookies: true,
      }),
    deleteComment: (id: string) =>
      request<void>(`/api/v1/comments/${q(id)}`, { method: 'DELETE', auth: true, cookies: true }),
    createTicket: (body: CreateTicketRequest) =>
      request<CreateTicketResponse>('/api/v1/auth/tickets', post(body, withCookies)),
    holdTicket: (ticket: string, verifier: string) =>
      request<void>(`/api/v1/auth/tickets/${q(ticket)}/hold`, post({ verifier }, withCookies)),
    redeem: (body: RedeemRequest) =>
      request<KeptSession | LoginPending>('/api/v1/auth/redeem', post(body, withCookies)),
    refresh: (body: RefreshRequest) =>
      request<KeptSession>('/api/v1/auth/refresh', post(body, withCookies)),
    // The reader's own data on this site (issue 12); the download is the same JSON.
    myData: (site: string) =>
      request<ReaderDataExport>(`/api/v1/me/data?site=${q(site)}`, { auth: true }),
    deleteAccount: (site: string, comments: CommentsOnDeletion) =>
      request<DeleteAccountResult>(`/api/v1/me?site=${q(site)}&comments=${q(comments)}`, {
        method: 'DELETE',
        auth: true,
      }),
    // A guest's data by emailed link (issue 12): the same answer whatever the address holds.
    requestGuestData: (site: string, email: string) =>
      request<GuestDataRequestResult>('/api/v1/data-requests', post({ site, email })),
    logout: () =>
      request<void>('/api/v1/auth/logout', { method: 'POST', auth: true, cookies: true }),
  };
}
