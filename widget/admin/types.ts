/** What the dashboard API (server/admin/admin.routes.ts) answers; shared shapes live in widget/shared. */
import type { CommentStatus, SiteRole } from '../shared/admin-types.ts';
import type { ProviderId } from '../shared/api-types.ts';

export {
  type CommentStatus,
  type ModerationAction,
  type QueueItem,
  RESULT_OF,
  type SiteRole,
} from '../shared/admin-types.ts';

export interface AdminSite {
  id: string;
  name: string;
  role: SiteRole;
}

export interface Me {
  email: string;
  sites: AdminSite[];
}

export type QueueStatus = CommentStatus | 'all';

export interface QueueFilter {
  status: QueueStatus;
  q: string;
}

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
