/**
 * Shapes of the public JSON API v1 (docs/api.md). The server's presenters
 * return these; the widget's API client reads them.
 */

/** Identity providers readers can sign in with. */
export type ProviderId = 'wordpress' | 'twitter' | 'facebook';
export const PROVIDER_IDS: readonly ProviderId[] = ['wordpress', 'twitter', 'facebook'];

export type Provider = 'guest' | ProviderId;

export interface CommentAuthor {
  name: string;
  /** The author's website (guests) or profile link; null when none. */
  url: string | null;
  avatarUrl: string;
  provider: Provider;
}

export interface Comment {
  id: string;
  /**
   * Present only on the viewer's own comment while it waits for a moderator
   * (shown to nobody else): "Your comment is awaiting moderation".
   */
  status?: 'pending';
  parentId: string | null;
  /** Rendered and sanitised on the server at write time. */
  html: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  author: CommentAuthor;
  /** ISO 8601: when the author last edited it (shown to everyone as "edited"). */
  editedAt?: string;
  /**
   * The author deleted it but it has replies: a placeholder that keeps the
   * thread whole (empty `html`, anonymous `author`). Not counted in `total`.
   */
  deleted?: true;
  /**
   * Only on the viewer's own comments, while the site's edit window is open:
   * until when `PATCH`/`DELETE /api/v1/comments/:id` will accept it (ISO 8601).
   */
  editableUntil?: string;
  /** With `editableUntil` only: the text as the author typed it, to edit. */
  source?: string;
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
  /** The form's hidden honeypot field, as typed: anything but empty means a bot. */
  hp?: string;
  /** `ThreadBootstrap.formToken`: proves when the form was rendered. */
  formToken?: string;
}

export type ErrorCode =
  | 'invalid_body'
  | 'unsupported_media_type'
  | 'unknown_site'
  | 'parent_not_found'
  | 'body_too_large'
  | 'origin_not_allowed'
  | 'not_found'
  | 'rate_limited'
  | 'unknown_provider'
  | 'ticket_not_found'
  | 'ticket_expired'
  | 'ticket_used'
  | 'login_pending'
  | 'login_denied'
  | 'login_failed'
  | 'invalid_verifier'
  | 'unauthorized'
  | 'forbidden'
  | 'duplicate_comment'
  | 'banned'
  | 'spam_rejected'
  | 'last_owner'
  | 'author_unknown'
  | 'invalid_token'
  | 'token_site_mismatch'
  | 'invalid_signed_request'
  | 'comment_not_found'
  | 'not_author'
  | 'edit_window_closed'
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
  /** Sign-in providers this server has credentials for, in display order. */
  providers: ProviderId[];
  /** Signed time the form was rendered; sent back with a post (spam defence). */
  formToken: string;
  /** The privacy line under the form. */
  privacy: { akismet: boolean; privacyUrl: string | null };
}

/** The signed-in reader as the API shows them (never their email). */
export interface Identity {
  name: string;
  /** Profile link at the provider, or null. */
  url: string | null;
  avatarUrl: string;
  provider: ProviderId;
}

/** POST /api/v1/auth/tickets */
export interface CreateTicketRequest {
  site: string;
  provider: ProviderId;
  /** base64url(SHA-256(verifier)); the verifier stays in the iframe. */
  challenge: string;
  /** true: ask the provider to show its account chooser (Change). */
  change?: boolean;
  /** Redirect fallback only: the host page to come back to (on one of the site's origins). */
  returnUrl?: string;
}
export interface CreateTicketResponse {
  ticket: string;
  /** Absolute URL to open in the popup (or to navigate the top window to). */
  startUrl: string;
  expiresAt: string;
}

/** POST /api/v1/auth/redeem: with `code` from the popup, or polling without it. */
export interface RedeemRequest {
  ticket: string;
  verifier: string;
  code?: string;
}

/** 200 from redeem and from POST /api/v1/auth/refresh. */
export interface AuthSession {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  identity: Identity;
}
