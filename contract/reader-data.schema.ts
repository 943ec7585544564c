/**
 * What a reader downloads about themselves (GET /api/v1/me/data), and how
 * they delete their account on a site (DELETE /api/v1/me). Issue 12.
 */
import { z } from 'zod';
import { SiteId } from './site-settings.schema.ts';

/** What becomes of the reader's comments when they delete their account. */
export const CommentsOnDeletion = z.enum(['anonymise', 'remove']);
export type CommentsOnDeletion = z.infer<typeof CommentsOnDeletion>;

export const ReaderDataQuery = z.object({ site: SiteId });

export const DeleteAccountQuery = z.object({
  site: SiteId,
  comments: CommentsOnDeletion,
});

export interface ReaderDataComment {
  id: string;
  parentId: string | null;
  page: { url: string; title: string };
  status: string;
  createdAt: string;
  editedAt: string | null;
  /** What they typed, and how it was shown. */
  text: string;
  html: string;
  authorName: string;
  authorUrl: string | null;
}

export interface ReaderDataSubscription {
  page: { url: string; title: string };
  /** Replies to this comment of theirs; null: every new comment on the page. */
  commentId: string | null;
  email: string;
  locale: string;
  createdAt: string;
  /** Null until they confirmed from the email: nothing is sent before. */
  confirmedAt: string | null;
}

export interface ReaderDataExport {
  /** The site this export covers: each site's data is separate. */
  site: { id: string; name: string };
  exportedAt: string;
  /** Signed-in readers: the identity from their provider. Guests: their email. */
  identity:
    | {
        provider: string;
        providerUserId: string;
        name: string;
        username: string | null;
        email: string | null;
        profileUrl: string | null;
        pictureUrl: string | null;
        firstSeenAt: string;
      }
    | { email: string };
  comments: ReaderDataComment[];
  /** The emails they asked for: replies to one of their comments, or every new comment on a page. */
  subscriptions: ReaderDataSubscription[];
  /** What else Parley keeps, in words (IP addresses, sessions). */
  notes: string[];
}

export interface DeleteAccountResult {
  site: string;
  comments: CommentsOnDeletion;
  /** How many of their comments were anonymised or removed on this site. */
  affected: number;
}

/** POST /admin/api/sites/:site/erase: an owner deletes everything of one author on their site. */
export const EraseAuthorBody = z
  .object({
    email: z.email().max(254).optional(),
    identityId: z.string().min(1).max(64).optional(),
    comments: CommentsOnDeletion.default('remove'),
  })
  .refine((b) => (b.email === undefined) !== (b.identityId === undefined), {
    message: 'Give either an email or an identity id',
    path: ['email'],
  });
export type EraseAuthorRequest = z.input<typeof EraseAuthorBody>;
export type EraseAuthorBody = z.infer<typeof EraseAuthorBody>;
