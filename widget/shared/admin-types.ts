/**
 * Shapes of the dashboard API (/admin/api) that the server's services return
 * and the dashboard app reads: one definition for both sides.
 */

export type SiteRole = 'owner' | 'moderator';
export type CommentStatus = 'pending' | 'spam' | 'approved' | 'trash';
export type ModerationAction = 'approve' | 'spam' | 'trash' | 'restore';

/** The status each moderation action leaves a comment in. */
export const RESULT_OF: Readonly<Record<ModerationAction, CommentStatus>> = {
  approve: 'approved',
  spam: 'spam',
  trash: 'trash',
  restore: 'approved',
};

/** A comment as moderators see it: with its author's email and IP, and why it was held. */
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
