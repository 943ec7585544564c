/**
 * What the dashboard API (server/admin/admin.routes.ts) answers. The server's
 * own QueueItem is checked against these in server/admin/dashboard.routes.test.ts.
 */
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
