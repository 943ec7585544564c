/**
 * What the dashboard API (server/admin/admin.routes.ts) answers. The server's
 * own QueueItem is checked against these in server/admin/dashboard.routes.test.ts.
 */
import type { ProviderId } from '../shared/api-types.ts';

export type SiteRole = 'owner' | 'moderator';

export interface AdminSite {
  id: string;
  name: string;
  role: SiteRole;
}

export interface Me {
  email: string;
  sites: AdminSite[];
}

export type CommentStatus = 'pending' | 'spam' | 'approved' | 'trash';
export type QueueStatus = CommentStatus | 'all';
export type ModerationAction = 'approve' | 'spam' | 'trash' | 'restore';

export interface QueueItem {
  id: string;
  status: CommentStatus;
  /** Rendered and sanitised by the server when the comment was written. */
  html: string;
  source: string;
  createdAt: string;
  author: {
    name: string;
    email: string | null;
    url: string | null;
    provider: string;
    ip: string | null;
  };
  page: { url: string; title: string };
  parent: { id: string; authorName: string; excerpt: string } | null;
  reasons: { check: string; reason: string }[];
}

export interface QueueFilter {
  status: QueueStatus;
  q: string;
}

/** The status each action leaves a comment in (server/admin/queue.service.ts). */
export const RESULT_OF: Record<ModerationAction, CommentStatus> = {
  approve: 'approved',
  spam: 'spam',
  trash: 'trash',
  restore: 'approved',
};

export type ModerationMode = 'none' | 'first-time' | 'all';

export interface Blocklist {
  words: string[];
  emails: string[];
  ips: string[];
  identities: string[];
  /** Where a comment matching the blocklist goes: pending ('hold') or spam. */
  action: 'hold' | 'spam';
}

export interface SiteSettings {
  maxDepth: number;
  privacyUrl: string | null;
  editWindowMinutes: number;
  /** null: every provider the server has configured. */
  signInProviders: ProviderId[] | null;
  moderation: {
    mode: ModerationMode;
    linkLimit: number;
    minFormSeconds: number;
    /** Masked for moderators. */
    akismetKey: string | null;
    blocklist: Blocklist;
  };
}

/** GET/PUT /admin/api/sites/:site/settings. */
export interface SettingsResponse {
  site: { id: string; name: string; origins: string[] };
  settings: SiteSettings;
  embedSnippet: string;
}

/** PUT body: only what changed; moderation fields each optional, the blocklist replaced whole. */
export interface SettingsUpdate {
  name?: string;
  origins?: string[];
  settings?: Partial<Omit<SiteSettings, 'moderation'>> & {
    moderation?: Partial<SiteSettings['moderation']>;
  };
}

export interface Member {
  email: string;
  role: SiteRole;
}

/** POST .../members: `password` only when the account was created just now (shown once). */
export interface AddedMember extends Member {
  password?: string;
}

export interface BanResult {
  banned: { kind: 'identity' | 'email'; label: string };
}
