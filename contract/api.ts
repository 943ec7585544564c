/**
 * Shapes of the public JSON API v1 (docs/api.md) that are not request bodies
 * (those are derived from their zod schemas in comment.schema.ts and
 * auth.schema.ts). The server's presenters return these; the thread app reads
 * them. Types only: nothing here reaches a bundle.
 */
import type { Message } from './i18n/format.ts';
import type { Locale } from './i18n/locales.ts';
import type { ReaderKey } from './i18n/reader/en.ts';
import type { Provider, ProviderId } from './providers.ts';
import type { ReaderDeletion } from './reader-deletion.ts';

/**
 * Who wrote a comment, by name: on the public API and the dashboard's alike
 * (contract/dashboard.ts), so "nobody" is marked one way everywhere.
 */
export interface AuthorName {
  /** Empty when `deleted`. */
  name: string;
  /**
   * Nobody is behind the comment any more (its author deleted their account
   * or data, or was erased): the reader's (or owner's) language names them
   * ("Deleted user"); nothing of the person is left.
   */
  deleted?: true;
  /**
   * Imported from another platform that had no name for its author: the
   * reader's (or owner's) language says "Anonymous". A person may be behind it.
   */
  anonymous?: true;
}

export interface CommentAuthor extends AuthorName {
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

/**
 * What became of the notification boxes the reader ticked (POST
 * /api/v1/comments `notify`): `confirm_email`, a confirmation link was (or, to
 * a rate-limited or already subscribed address, quietly was not) emailed;
 * `subscribed`, on at once (a signed-in reader who confirmed this address
 * before); `unavailable`, the sign-in provider gave no email address.
 */
export type SubscriptionOutcome = 'confirm_email' | 'subscribed' | 'unavailable';

/** POST /api/v1/comments */
export interface CreateCommentResponse {
  comment: Comment;
  /** Only when the request ticked a notification box. */
  subscription?: SubscriptionOutcome;
}

/** Replies of a top-level comment not in the listing: "Show N more replies". */
export interface MoreReplies {
  count: number;
  /** Pass as `cursor` with `parent` to fetch them. */
  cursor: string;
}

/**
 * GET /api/v1/comments: one page of a thread. Top-level comments in the
 * requested sort, each followed by its first replies oldest first (a reply
 * always follows its parent); or, with `parent`, more replies of one.
 */
export interface CommentList {
  comments: Comment[];
  /** Published comments on the whole page (not held ones, nor placeholders). */
  total: number;
  /** The next page of top-level comments; null on the last. */
  nextCursor: string | null;
  /** Per top-level comment id: its replies beyond those listed. */
  moreReplies: Record<string, MoreReplies>;
}

/** GET /api/v1/counts: published comments per page id asked for (0 for a page nobody commented on). */
export interface CommentCounts {
  counts: Record<string, number>;
  /** The site's wording: `zero`, `one`, and `many` with `{n}` for the number. */
  wording: { zero: string; one: string; many: string };
}

/**
 * What the server inlines into the iframe's HTML so the first render needs no
 * API round trip.
 */
/** The widget's colours: fixed, or following the reader's system setting. */
export type Theme = 'light' | 'dark' | 'auto';

export interface ThreadBootstrap {
  apiBase: string;
  site: string;
  page: string;
  pageUrl: string;
  pageTitle: string;
  /** Origin of the host page, checked against the site's origins. */
  hostOrigin: string;
  theme: Theme;
  maxDepth: number;
  /** Longest comment the server stores, in UTF-16 code units after trimming (the form's counter). */
  maxBodyChars: number;
  /** Null when the site is unknown: the app shows "comments unavailable". */
  thread: CommentList | null;
  /**
   * Where the event log stood when `thread` was read: the widget's live
   * updates start from there, so nothing published in between is missed.
   * Opaque, like every live id, and good only for this site and page.
   */
  liveFrom: string;
  /** Sign-in providers this server has credentials for, in display order. */
  providers: ProviderId[];
  /** Signed time the form was rendered; sent back with a post (spam defence). */
  formToken: string;
  /**
   * The privacy line under the form, and what the site lets a reader who
   * deletes their data do with their comments (its `readerDeletion`).
   */
  privacy: { akismet: boolean; privacyUrl: string | null; deletion: ReaderDeletion };
  /** The reader's language, negotiated by the server (contract/i18n/locales.ts). */
  locale: Locale;
  /**
   * The first render's words in that language (contract/i18n/reader/
   * first-render.ts); the app loads the rest of its catalogue when needed.
   */
  messages: Partial<Record<ReaderKey, Message>>;
  /**
   * How the host page asked the widget to look (embed.js's data-* and what
   * it read from the page), checked by the server: null means the default.
   */
  look: ThreadLook;
}

export interface ThreadLook {
  /** The host page's background behind the thread, as a CSS colour: the frame paints it. */
  background: string | null;
  /** A CSS font-family list (names only: no font is fetched). */
  font: string | null;
  /** #rgb or #rrggbb. */
  accent: string | null;
}

/**
 * GET /embed/check?site=&origin=: why the loader's frame shows no thread,
 * for the site owner (`console`) and the page's readers (`notice`).
 */
export type EmbedCheck = { ok: true } | { ok: false; notice: string; console: string };

/** The signed-in reader as the API shows them (never their email). */
export interface Identity {
  name: string;
  /** Profile link at the provider, or null. */
  url: string | null;
  avatarUrl: string;
  provider: ProviderId;
  /**
   * Present when the provider gave an email address (never the address
   * itself): only then can reply notifications reach this reader, so only
   * then does the form offer its "Notify me" boxes.
   */
  emailable?: true;
}

/** 201 from POST /api/v1/auth/tickets. */
export interface CreateTicketResponse {
  ticket: string;
  /** Absolute URL to open in the popup (or to navigate the top window to). */
  startUrl: string;
  expiresAt: string;
}

/** 200 from redeem and from POST /api/v1/auth/refresh. */
export interface AuthSession {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  identity: Identity;
}
