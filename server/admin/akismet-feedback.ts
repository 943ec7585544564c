/**
 * Telling Akismet when a moderator overrules it (submit-spam / submit-ham),
 * so it learns the site's spam. Best effort: sent after the moderator's
 * action has been answered, and a failure is only logged.
 */

import { type ModerationAction, RESULT_OF } from '../../contract/dashboard.ts';
import { candidateAuthor } from '../comments/comment.moderation.ts';
import type { Logger } from '../logger.ts';
import { type AkismetOptions, submitHam, submitSpam } from '../moderation/checks/akismet.ts';
import type { CommentCandidate } from '../moderation/moderation.types.ts';
import { parseStoredReasons } from '../moderation/reasons.ts';
import type { Site } from '../sites/site.schema.ts';
import type { Db } from '../store/db.ts';
import { listForAkismetFeedback } from './queue.repository.ts';

export interface AkismetFeedback {
  kind: 'spam' | 'ham';
  commentId: string;
  candidate: CommentCandidate;
}

function akismetCalledSpam(reasons: string | null): boolean {
  return parseStoredReasons(reasons).some((r) => r.check === 'akismet' && r.decision === 'spam');
}

/**
 * What Akismet should hear about `action` on these comments, decided before
 * the action changes their status: a comment Akismet did not call spam that
 * becomes spam is a missed spam; one it called spam that becomes approved is
 * a false positive. Repeating an action tells Akismet nothing new. Nothing
 * when the site has no Akismet key.
 */
export async function planAkismetFeedback(
  db: Db,
  site: Site,
  ids: readonly string[],
  action: ModerationAction,
): Promise<AkismetFeedback[]> {
  if (site.settings.moderation.akismetKey === null || ids.length === 0) return [];
  const next = RESULT_OF[action];
  if (next !== 'spam' && next !== 'approved') return [];
  const rows = await listForAkismetFeedback(db, site.id, ids, next);
  const feedback: AkismetFeedback[] = [];
  for (const row of rows) {
    const calledSpam = akismetCalledSpam(row.moderation_reasons);
    const kind =
      next === 'spam' && !calledSpam ? 'spam' : next === 'approved' && calledSpam ? 'ham' : null;
    if (!kind) continue;
    feedback.push({
      kind,
      commentId: row.id,
      // The comment as it was checked: the same fields comment-check received.
      candidate: {
        siteId: site.id,
        pageUrl: row.page_url,
        pageTitle: row.page_title,
        body: row.body_source,
        author: candidateAuthor(row),
        ip: row.ip,
        userAgent: row.user_agent,
        referrer: row.page_url,
        honeypot: undefined,
        formAgeMs: null,
        permalink: row.page_url,
      },
    });
  }
  return feedback;
}

/** Sends the planned feedback without waiting for it; failures are logged, never thrown. */
export function sendAkismetFeedback(
  feedback: readonly AkismetFeedback[],
  apiKey: string | null,
  options: AkismetOptions,
  log: Pick<Logger, 'warn'> | undefined,
): void {
  if (apiKey === null) return;
  for (const { kind, commentId, candidate } of feedback) {
    const send = kind === 'spam' ? submitSpam : submitHam;
    send(candidate, apiKey, options).catch((err: unknown) => {
      log?.warn({ err, commentId, kind }, 'Akismet feedback not delivered');
    });
  }
}
