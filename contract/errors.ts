/**
 * The API's error shape and its closed set of codes (docs/api.md). Clients
 * branch on `code`, never on `message`.
 */

import type { ImportFailure } from './imports.ts';

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
  | 'link_invalid'
  | 'email_unavailable'
  | 'invalid_token'
  | 'link_expired'
  | 'token_site_mismatch'
  | 'invalid_signed_request'
  | 'comment_not_found'
  | 'not_author'
  | 'edit_window_closed'
  | 'store_not_empty'
  | 'store_mismatch'
  | 'settings_changed'
  | 'busy'
  | 'unknown_import_format'
  | 'malformed_import'
  | 'import_too_large'
  | 'internal_error';

/** Every failed request answers this, with the matching 4xx/5xx status. */
export interface ApiErrorBody {
  /** `detail`: what was wrong, as data (only `malformed_import` has one so far). */
  error: { code: ErrorCode; message: string; field?: string; detail?: ImportFailure };
}
