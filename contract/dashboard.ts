/**
 * Shapes of the dashboard API (/admin/api) that are not request bodies
 * (those are in dashboard.schema.ts): what the server's services return and
 * the dashboard app reads. No zod here: the dashboard imports the constants
 * at run time.
 */
import type { AuthorName } from './api.ts';
import type { ModerationReason } from './moderation-reasons.schema.ts';
import type { ModerationMode, SiteSettings } from './site-settings.schema.ts';

export type { ModerationMode, SiteSettings };

export const SITE_ROLES = ['owner', 'moderator'] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

export const COMMENT_STATUSES = ['approved', 'pending', 'spam', 'trash'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** `hold` puts a comment back in the queue: the Undo of an approval. */
export const MODERATION_ACTIONS = ['approve', 'spam', 'trash', 'restore', 'hold'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** The status each moderation action leaves a comment in. */
export const RESULT_OF: Readonly<Record<ModerationAction, CommentStatus>> = {
  approve: 'approved',
  spam: 'spam',
  trash: 'trash',
  restore: 'approved',
  hold: 'pending',
};

/** The action that puts a comment back in `status` (what Undo sends). */
export const ACTION_TO: Readonly<Record<CommentStatus, ModerationAction>> = {
  approved: 'approve',
  spam: 'spam',
  trash: 'trash',
  pending: 'hold',
};

/** A comment as moderators see it: with its author's email and IP, and why it was held. */
export interface QueueItem {
  id: string;
  status: CommentStatus;
  /** Rendered and sanitised by the server when the comment was written. */
  html: string;
  source: string;
  createdAt: string;
  /** `deleted` (empty `name`): nobody is behind it; the dashboard names them in the owner's words. */
  author: AuthorName & {
    email: string | null;
    url: string | null;
    provider: string;
    ip: string | null;
  };
  page: { url: string; title: string };
  parent: { id: string; author: AuthorName; excerpt: string } | null;
  /** Each check that objected, what it decided, and why (a code with parameters: the dashboard words it). */
  reasons: ModerationReason[];
}

/** GET /admin/api/sites/:site/comments: the list asked for, and how many comments each tab holds. */
export interface QueueList {
  comments: QueueItem[];
  counts: Record<CommentStatus, number>;
}

/** GET /admin/api/me: one entry per site the admin has a role on. */
export interface AdminSite {
  id: string;
  name: string;
  role: SiteRole;
}

export interface Me {
  email: string;
  sites: AdminSite[];
}

/** GET/PUT /admin/api/sites/:site/settings (the Akismet key masked for moderators). */
export interface SettingsResponse {
  site: { id: string; name: string; origins: string[] };
  settings: SiteSettings;
  /** What the README tells an owner to paste into their pages. */
  embedSnippet: string;
  /** Sent back with a change, so one made from a stale form is refused rather than lost. */
  version: number;
}

export interface Member {
  email: string;
  role: SiteRole;
}

/** POST .../members: `password` only when the account was created just now (shown once). */
export interface AddedMember extends Member {
  password?: string;
}

/** POST .../comments/:id/ban */
export interface BanResult {
  banned: {
    /** A signed-in reader's identity (refused from then on), or a guest's email (held or spam, per the blocklist). */
    kind: 'identity' | 'email';
    label: string;
  };
}
