/**
 * Runs a new comment through the spam-defence pipeline (server/moderation)
 * with this store's answers to its questions, and turns a refusal into the
 * API's error.
 */
import { AppError } from '../errors.ts';
import type { AkismetOptions } from '../moderation/checks/akismet.ts';
import type { FloodStore } from '../moderation/checks/flood.ts';
import type { ModerationOutcome } from '../moderation/combine.ts';
import type { CandidateAuthor, CommentCandidate } from '../moderation/moderation.types.ts';
import { runPipeline } from '../moderation/pipeline.ts';
import type { Site } from '../sites/site.schema.ts';
import type { CommentRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import { type AuthorMatch, hasApprovedComment, hasRecentSameText } from './comment.repository.ts';

/** Process-wide pieces of moderation: the flood counters and Akismet's options. */
export interface ModerationDeps {
  flood: FloodStore;
  akismet?: AkismetOptions;
}

// "Posting the same text again" on the same page looks back this far. Per
// page: "Thanks!" under two different posts is not a duplicate.
const DUPLICATE_WINDOW_MS = 7 * 86_400_000;

function byAuthor(candidate: CommentCandidate): AuthorMatch {
  return candidate.author.kind === 'identity'
    ? { identityId: candidate.author.identityId }
    : { email: candidate.author.email };
}

/** What differs when the pipeline checks an edit rather than a new comment. */
export interface ModerateOptions {
  /** The comment being edited: it is not a duplicate of itself. */
  excludeCommentId?: string;
}

/** Runs every check; reads only, so it runs before (not inside) the write transaction. */
export function moderateComment(
  db: Db,
  site: Site,
  /** The page's id when it already has comments (a new page can't hold a duplicate). */
  pageId: string | null,
  candidate: CommentCandidate,
  deps: ModerationDeps,
  options: ModerateOptions = {},
): Promise<ModerationOutcome> {
  const { excludeCommentId } = options;
  return runPipeline(candidate, site.settings.moderation, {
    flood: deps.flood,
    ...(deps.akismet ? { akismet: deps.akismet } : {}),
    findRecentSameText: async (c) =>
      pageId !== null &&
      hasRecentSameText(db, {
        pageId,
        author: byAuthor(c),
        body: c.body,
        since: new Date(Date.now() - DUPLICATE_WINDOW_MS).toISOString(),
        ...(excludeCommentId !== undefined ? { excludeId: excludeCommentId } : {}),
      }),
    hasApprovedComment: (c) => hasApprovedComment(db, site.id, byAuthor(c)),
  });
}

/** The author as the pipeline knows them, from the stored comment. */
export function candidateAuthor(
  row: Pick<
    CommentRow,
    'identity_id' | 'author_provider' | 'author_name' | 'author_email' | 'author_url'
  >,
): CandidateAuthor {
  return row.identity_id
    ? {
        kind: 'identity',
        identityId: row.identity_id,
        provider: row.author_provider,
        name: row.author_name,
        email: row.author_email,
        url: row.author_url,
      }
    : {
        kind: 'guest',
        name: row.author_name,
        email: row.author_email ?? '',
        website: row.author_url,
      };
}

/** The error a refused comment gets: what the author can do about it, never which list they hit. */
export function refusal(outcome: ModerationOutcome): AppError {
  const refused = outcome.reasons.find((r) => r.decision === 'reject');
  switch (refused?.check) {
    case 'flood': {
      const wait = outcome.retryAfterSeconds ?? 60;
      return new AppError(
        429,
        'rate_limited',
        `You're commenting fast: please wait ${wait} ${wait === 1 ? 'second' : 'seconds'} and try again.`,
        undefined,
        { 'Retry-After': String(wait) },
      );
    }
    case 'duplicate':
      return new AppError(409, 'duplicate_comment', 'You already posted this comment.');
    case 'blocklist':
      return new AppError(403, 'banned', 'You can no longer comment on this site.');
    default:
      return new AppError(400, 'spam_rejected', 'This comment looks like spam and was not posted.');
  }
}
