/**
 * Row types of every table, as Kysely sees them. Timestamps are ISO 8601 UTC
 * strings (they sort correctly as text on every dialect); JSON is stored as text.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { CommentStatus, SiteRole } from '../../contract/dashboard.ts';

export interface SitesTable {
  id: string;
  name: string;
  /** JSON array of origins, e.g. ["https://blog.example"]. */
  origins: string;
  /** JSON object; see contract/site-settings.schema.ts. */
  settings: string;
  created_at: string;
  /** Bumped by every write: settings changes are a compare-and-swap on it. */
  version: Generated<number>;
}

export interface PagesTable {
  id: string;
  site_id: string;
  /** The embed's page id (data-page-id, default the canonical URL). */
  page_key: string;
  url: string;
  title: string;
  created_at: string;
}

export interface CommentsTable {
  id: string;
  site_id: string;
  page_id: string;
  parent_id: string | null;
  /** The top-level comment of its thread: its own id when top-level. */
  root_id: string;
  /** 1 for a top-level comment. */
  depth: number;
  /** What the reader typed, kept for editing. */
  body_source: string;
  /** Rendered and sanitised once, at write time. */
  body_html: string;
  author_name: string;
  author_email: string | null;
  author_url: string | null;
  author_provider: string;
  /**
   * 1: imported from another platform without a name (`author_name` empty);
   * the API says `author.anonymous` and readers' words name it. 0 otherwise.
   */
  author_anonymous: Generated<number>;
  status: Generated<CommentStatus>;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  updated_at: string;
  /** The signed-in author; null for guests and after a deletion request. */
  identity_id: string | null;
  /** The provider's picture, or the guest's Gravatar URL (computed once, at write time). */
  author_avatar_url: string | null;
  /** JSON array of {check, decision, reason}: why the pipeline held it or called it spam. */
  moderation_reasons: string | null;
  /** SHA-256 of the guest's browser key (see the moderation migration). */
  author_key_hash: string | null;
  edited_at: string | null;
  /** The author deleted it; kept as a placeholder because it has replies. */
  deleted_at: string | null;
  /** The author's picture: /avatars/<key> (see AvatarsTable); null until backfilled. */
  avatar_key: string | null;
}

export interface AdminsTable {
  id: string;
  email: string;
  /** scrypt, see admin/password.ts. */
  password_hash: string;
  created_at: string;
}

export interface SiteMembersTable {
  admin_id: string;
  site_id: string;
  role: SiteRole;
}

export interface AdminSessionsTable {
  id: string;
  admin_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
}

export interface IdentitiesTable {
  id: string;
  provider: string;
  provider_user_id: string;
  display_name: string;
  username: string | null;
  avatar_url: string | null;
  profile_url: string | null;
  email: string | null;
  created_at: string;
  updated_at: string;
  /** The picture Parley serves for avatar_url (see AvatarsTable). */
  avatar_key: string | null;
}

/** What one public avatar key stands for, and the image once fetched. */
export interface AvatarsTable {
  key: string;
  kind: 'picture' | 'guest';
  site_id: string | null;
  /** Upstream image (provider picture or Gravatar); never in a response. */
  source_url: string | null;
  initials: string;
  content_type: string | null;
  /** base64 of the sniffed image. */
  body: string | null;
  fetched_at: string | null;
  failed_at: string | null;
  created_at: string;
}

export type TicketStatus = 'pending' | 'complete' | 'failed' | 'redeemed';

export interface LoginTicketsTable {
  id: string;
  site_id: string;
  provider: string;
  /** base64url SHA-256 of the verifier the iframe keeps. */
  challenge: string;
  status: TicketStatus;
  /** 1 when the reader asked to change account (provider shows its chooser). */
  change_account: number;
  /** Set for the redirect fallback: where to send the reader back. */
  return_url: string | null;
  /** JSON: provider handshake data (OAuth 2 state, OAuth 1.0a request token). */
  handshake: string;
  identity_id: string | null;
  code_hash: string | null;
  /** SHA-256 of the binding secret in the starting browser's cookie; null until bound. */
  binding_hash: string | null;
  failure: string | null;
  created_at: string;
  expires_at: string;
  /** The widget's language at the start (a shipped locale); null: the browser decides. */
  locale: string | null;
}

export interface SessionsTable {
  id: string;
  identity_id: string;
  site_id: string;
  refresh_hash: string;
  /** The token rotated away last: presenting it again means it was stolen. */
  previous_refresh_hash: string | null;
  created_at: string;
  refreshed_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface DeletionRequestsTable {
  code: string;
  provider: string;
  provider_user_id: string;
  comments_anonymised: number;
  created_at: string;
}

/** Where an imported comment came from (server/imports). */
export interface ImportKeysTable {
  site_id: string;
  /** The import format, e.g. "wxr". */
  source: string;
  source_id: string;
  comment_id: string;
  /** Set while the comment waits for a parent later in the file. */
  parent_source_id: string | null;
}

/** A guest's emailed data link or the session it opened (server/privacy/guest-link.*). */
export interface GuestDataLinksTable {
  /** base64url SHA-256 of the secret; the secret itself is only in the email or the cookie. */
  token_hash: string;
  purpose: 'link' | 'session';
  site_id: string;
  /** Lower-cased. */
  email: string;
  created_at: string;
  expires_at: string;
  /** When a link was redeemed or a session ended; null while usable. */
  used_at: string | null;
}

/** The outbox of changes (server/events/): written with the change, published after it. */
export interface EventsTable {
  /** Grows with every event; a number on SQLite, a string (bigint) from PostgreSQL. */
  id: ColumnType<number | string, never, never>;
  type: string;
  site_id: string;
  /** The page's key (the embed's data-page-id); null for a site-wide change. */
  page_key: string | null;
  /** JSON of what the event says (see server/events/event.types.ts). */
  payload: string;
  created_at: string;
  claimed_by: string | null;
  claimed_at: string | null;
  published_at: string | null;
}

/** Someone asked to be emailed about new replies or comments (server/subscriptions/). */
export interface SubscriptionsTable {
  id: string;
  site_id: string;
  page_id: string;
  /** Replies to this comment; null: every new comment on the page. */
  comment_id: string | null;
  /** Lower-cased. */
  email: string;
  /** The signed-in reader who subscribed; null for a guest. */
  identity_id: string | null;
  /** The language the emails are written in (a shipped locale). */
  locale: string;
  created_at: string;
  /** Null until the address's owner confirmed: nothing is sent before. */
  confirmed_at: string | null;
}

/**
 * Secrets the installation made for itself (`auth`: the secret used when
 * AUTH_SECRET is unset). Never read by a route or written to an export.
 */
export interface SecretsTable {
  name: string;
  value: string;
  created_at: string;
}

/** A published comment whose reply notifications went out (sent once, whatever happens after). */
export interface NotifiedCommentsTable {
  comment_id: string;
  created_at: string;
}

export interface Database {
  sites: SitesTable;
  pages: PagesTable;
  comments: CommentsTable;
  identities: IdentitiesTable;
  login_tickets: LoginTicketsTable;
  sessions: SessionsTable;
  deletion_requests: DeletionRequestsTable;
  admins: AdminsTable;
  site_members: SiteMembersTable;
  admin_sessions: AdminSessionsTable;
  import_keys: ImportKeysTable;
  events: EventsTable;
  avatars: AvatarsTable;
  subscriptions: SubscriptionsTable;
  notified_comments: NotifiedCommentsTable;
  guest_data_links: GuestDataLinksTable;
  secrets: SecretsTable;
}

export type SiteRow = Selectable<SitesTable>;
export type PageRow = Selectable<PagesTable>;
export type CommentRow = Selectable<CommentsTable>;
export type NewComment = Insertable<CommentsTable>;
export type IdentityRow = Selectable<IdentitiesTable>;
export type LoginTicketRow = Selectable<LoginTicketsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type EventRow = Selectable<EventsTable>;
export type AvatarRow = Selectable<AvatarsTable>;
export type SubscriptionRow = Selectable<SubscriptionsTable>;
