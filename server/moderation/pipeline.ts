import { type AkismetOptions, akismetCheck } from './checks/akismet.ts';
import { blocklistCheck } from './checks/blocklist.ts';
import { duplicateCheck, type FindRecentSameText } from './checks/duplicate.ts';
import { type FloodStore, floodCheck } from './checks/flood.ts';
import { formAgeCheck } from './checks/form-age.ts';
import { honeypotCheck } from './checks/honeypot.ts';
import { linksCheck } from './checks/links.ts';
import { type HasApprovedComment, moderationModeCheck } from './checks/moderation-mode.ts';
import { combine, type ModerationOutcome } from './combine.ts';
import type { Check, CommentCandidate, ModerationSettings, Verdict } from './moderation.types.ts';

/** What the pipeline needs from the outside: counters, two store queries, Akismet's server-wide options. */
export interface PipelineDeps {
  flood: FloodStore;
  /** Did this author post this exact text on this page recently? */
  findRecentSameText: FindRecentSameText;
  /** Does this author (email for guests, identity for signed-in readers) have an approved comment on this site? */
  hasApprovedComment: HasApprovedComment;
  akismet?: AkismetOptions;
}

/**
 * The checks in the order they run, cheapest and most decisive first. A
 * reject stops the run, so:
 * - a honeypot bot or a banned account is refused before it is counted for
 *   flood control (a bot must not use up the site's budget for everyone) and
 *   before any query or Akismet call;
 * - a flood is refused before it costs a database query;
 * - Akismet, the only network call, goes last and is never asked about a
 *   comment already refused.
 */
function stages(deps: PipelineDeps): Check[] {
  return [
    honeypotCheck,
    blocklistCheck,
    floodCheck(deps.flood),
    duplicateCheck(deps.findRecentSameText),
    formAgeCheck,
    linksCheck,
    moderationModeCheck(deps.hasApprovedComment),
    akismetCheck(deps.akismet),
  ];
}

/**
 * Runs every spam and moderation check on a new (or edited) comment and
 * combines their verdicts: `approve` publishes, `hold` queues for a
 * moderator, `spam` files as spam, `reject` refuses (nothing is stored; with
 * `retryAfterSeconds` for a flood). `reasons` lists every check that objected.
 */
export async function runPipeline(
  candidate: CommentCandidate,
  settings: ModerationSettings,
  deps: PipelineDeps,
): Promise<ModerationOutcome> {
  const verdicts: Verdict[] = [];
  for (const check of stages(deps)) {
    const verdict = await check({ candidate, settings });
    verdicts.push(verdict);
    if (verdict.decision === 'reject') break;
  }
  return combine(verdicts);
}
