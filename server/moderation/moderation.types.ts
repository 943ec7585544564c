import type { CheckName, VerdictDetail } from '../../contract/moderation-reasons.schema.ts';
import type { ModerationSettings } from '../../contract/moderation-settings.schema.ts';
import { englishReason } from './reasons.ts';

export type { CheckName, ModerationSettings, VerdictDetail };

/** What happens to a comment: published, queued for a moderator, filed as spam, or refused outright. */
export type Decision = 'approve' | 'hold' | 'spam' | 'reject';

/** One check's opinion of a comment: why, as codes (`details`) and in English (`reason`, for logs and tests). */
export interface Verdict {
  decision: Decision;
  check: CheckName;
  reason: string;
  /** Why, as data: every objection has at least one (the blocklist one per rule matched). */
  details?: VerdictDetail[];
  /** Flood control: how long the author should wait before posting again. */
  retryAfterSeconds?: number;
  /** Akismet's `X-akismet-pro-tip: discard`: blatant spam that need not be kept at all. */
  discard?: boolean;
  /**
   * A weak signal (a fast form): it holds only when another check objects
   * too, so a quick human is never held for speed alone (combine.ts).
   */
  onlyWithOthers?: boolean;
}

/** Who wrote the comment: a guest's typed details, or a signed-in identity. */
export type CandidateAuthor =
  | { kind: 'guest'; name: string; email: string; website: string | null }
  | {
      kind: 'identity';
      identityId: string;
      provider: string;
      name: string;
      email: string | null;
      url: string | null;
    };

/** Everything the checks look at: the comment as submitted plus what the request revealed. */
export interface CommentCandidate {
  siteId: string;
  pageUrl: string;
  pageTitle: string;
  /** The source text, as typed (markdown). */
  body: string;
  author: CandidateAuthor;
  ip: string | null;
  userAgent: string | null;
  referrer: string | null;
  /** The hidden form field's value: anything non-empty means a bot filled it. */
  honeypot: string | undefined;
  /** Milliseconds between form render and post, verified by the server; null when unknown. */
  formAgeMs: number | null;
  /** The page URL, sent to Akismet as `permalink`. */
  permalink: string;
  /** Set when an author edits their comment: what it said before (links added are news). */
  edit?: { previousBody: string };
}

/** What every check receives. */
export interface CheckContext {
  candidate: CommentCandidate;
  settings: ModerationSettings;
}

/** A check: pure ones are `Check`s themselves, ones that need data are factories returning one. */
export type Check = (ctx: CheckContext) => Verdict | Promise<Verdict>;

/** A check that needs nothing but the context and answers at once. */
export type PureCheck = (ctx: CheckContext) => Verdict;

/** Shorthand for a verdict that lets the comment through (as far as this check is concerned). */
export function approve(check: CheckName, reason: string): Verdict {
  return { decision: 'approve', check, reason };
}

/** A check's objection, worded in English from its codes (the dashboard words them itself). */
export function objection(
  decision: Exclude<Decision, 'approve'>,
  check: CheckName,
  ...details: [VerdictDetail, ...VerdictDetail[]]
): Verdict & { decision: Exclude<Decision, 'approve'> } {
  return { decision, check, details, reason: details.map(englishReason).join('; ') };
}
