/**
 * Shapes of the public JSON API v1 (docs/api.md). The server's presenters
 * return these; the widget's API client reads them.
 */

export type Provider = 'guest';

export interface CommentAuthor {
  name: string;
  /** The author's website (guests) or profile link; null when none. */
  url: string | null;
  avatarUrl: string;
  provider: Provider;
}

export interface Comment {
  id: string;
  parentId: string | null;
  /** Rendered and sanitised on the server at write time. */
  html: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  author: CommentAuthor;
}

export interface CommentList {
  comments: Comment[];
  total: number;
}

export interface CreateCommentRequest {
  site: string;
  page: string;
  pageUrl: string;
  pageTitle?: string;
  parentId?: string | null;
  body: string;
  author: { name: string; email: string; website?: string };
}

export type ErrorCode =
  | 'invalid_body'
  | 'unsupported_media_type'
  | 'unknown_site'
  | 'parent_not_found'
  | 'body_too_large'
  | 'origin_not_allowed'
  | 'not_found'
  | 'internal_error';

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}

/**
 * What the server inlines into the iframe's HTML so the first render needs no
 * API round trip.
 */
export interface ThreadBootstrap {
  apiBase: string;
  site: string;
  page: string;
  pageUrl: string;
  pageTitle: string;
  /** Origin of the host page, checked against the site's origins. */
  hostOrigin: string;
  theme: 'light' | 'dark' | 'auto';
  maxDepth: number;
  /** Null when the site is unknown: the app shows "comments unavailable". */
  thread: CommentList | null;
}
