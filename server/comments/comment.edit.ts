/**
 * An author editing or deleting their own comment within the site's edit
 * window (issue 5). An edit is moderated again, like a new comment.
 */

import type { CommentStatus } from '../../contract/dashboard.ts';
import { AppError } from '../errors.ts';
import { recordCommentEvent } from '../events/record.ts';
import { writeTransaction } from '../events/transaction.ts';
import type { Site } from '../sites/site.schema.ts';
import { requireSite } from '../sites/site.service.ts';
import type { CommentRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import {
  candidateAuthor,
  type ModerationDeps,
  moderateComment,
  refusal,
} from './comment.moderation.ts';

import { editWindowEnd, presentComment } from './comment.presenter.ts';
import {
  blankComment,
  findComment,
  findPageById,
  hasReplies,
  removeComment,
  updateCommentBody,
} from './comment.repository.ts';
import { type CreatedComment, commentSource } from './comment.service.ts';
import { renderCommentBody } from './render.ts';

/** The credentials a request brings to show it is a comment's author. */
export interface AuthorCredentials {
  /** The author-key hash the request carries for a site (the cookie is per site). */
  keyHashFor(siteId: string): string | null;
  /** The signed-in reader (Bearer), if any. */
  session: { identityId: string; siteId: string } | null;
}

export interface EditedComment extends CreatedComment {
  /** The status before the edit (a comment held again is news to moderators). */
  previousStatus: CommentStatus;
}

/**
 * The comment, when these credentials are its author's and its edit window
 * is open. Either credential will do: the browser's author key (every post
 * sets it, guest or signed in) or the signed-in identity that wrote it, so a
 * signed-in author can edit from a browser that never posted.
 */
async function requireOwnComment(
  db: Db,
  id: string,
  credentials: AuthorCredentials,
): Promise<{ row: CommentRow; site: Site; editableUntil: string }> {
  const row = await findComment(db, id);
  // Trash is gone for its author too (they never see it), like a deleted one.
  if (!row || row.deleted_at || row.status === 'trash') {
    throw new AppError(404, 'comment_not_found', 'No comment with that id');
  }
  const keyHash = credentials.keyHashFor(row.site_id);
  const { session } = credentials;
  const byKey = keyHash !== null && row.author_key_hash === keyHash;
  const byIdentity =
    session !== null &&
    session.siteId === row.site_id &&
    row.identity_id !== null &&
    row.identity_id === session.identityId;
  if (!byKey && !byIdentity) {
    throw new AppError(403, 'not_author', 'Only its author can change this comment');
  }
  const site = await requireSite(db, row.site_id);
  const minutes = site.settings.editWindowMinutes;
  const editableUntil = editWindowEnd(row, minutes);
  if (Date.parse(editableUntil) <= Date.now()) {
    throw new AppError(
      403,
      'edit_window_closed',
      `A comment can be edited or deleted only within ${minutes} minute${minutes === 1 ? '' : 's'} of posting`,
    );
  }
  return { row, site, editableUntil };
}

/**
 * Replaces a comment's text, after the same checks as a new comment: a
 * refusal changes nothing; otherwise the pipeline's verdict becomes the
 * comment's status (held again, spam, or published). Returns it as its
 * author sees it.
 */
export async function editComment(
  db: Db,
  id: string,
  body: string,
  credentials: AuthorCredentials,
  context: { ip: string | null; userAgent: string | null },
  moderation: ModerationDeps,
): Promise<EditedComment> {
  const { row, site, editableUntil } = await requireOwnComment(db, id, credentials);
  const source = commentSource(body);
  const page = await findPageById(db, row.page_id);
  const pageUrl = page?.url ?? '';
  const pageTitle = page?.title ?? '';
  const outcome = await moderateComment(
    db,
    site,
    row.page_id,
    {
      siteId: site.id,
      pageUrl,
      pageTitle,
      body: source,
      author: candidateAuthor(row),
      ip: context.ip,
      userAgent: context.userAgent,
      referrer: pageUrl,
      // The edit box has no honeypot, and no form token: form timing tells a
      // bot's instant post from a person's, which the comment already went
      // through when it was posted; an edit is "not timed" rather than
      // "untimed" (null would hold every edit on a site that checks timing).
      honeypot: undefined,
      formAgeMs: Number.MAX_SAFE_INTEGER,
      permalink: pageUrl,
      edit: { previousBody: row.body_source },
    },
    moderation,
    { excludeCommentId: row.id },
  );
  if (outcome.decision === 'reject') throw refusal(outcome);
  // Stored as data (codes and parameters), worded by whoever shows them.
  const reasons = outcome.reasons;
  const now = new Date().toISOString();
  let previousStatus = row.status;
  let status: CommentStatus = row.status;
  const updated = await writeTransaction(db, async (tx) => {
    // The status as it is now, not as it was before the pipeline ran (Akismet
    // may take seconds): a moderator may have filed it as spam or trashed it
    // meanwhile, and an edit must not publish it again.
    const current = await findComment(tx, row.id);
    if (!current || current.deleted_at || current.status === 'trash') {
      throw new AppError(404, 'comment_not_found', 'No comment with that id');
    }
    previousStatus = current.status;
    // Filed as spam stays spam: rewording it is no appeal (a moderator's
    // "Not spam" is), or an edit would publish what a moderator removed.
    status =
      outcome.decision === 'spam' || current.status === 'spam'
        ? 'spam'
        : outcome.decision === 'approve'
          ? 'approved'
          : 'pending';
    const after = await updateCommentBody(tx, row.id, {
      body_source: source,
      body_html: renderCommentBody(source),
      status,
      moderation_reasons: reasons.length > 0 ? JSON.stringify(reasons) : null,
      edited_at: now,
      updated_at: now,
    });
    if (page) {
      await recordCommentEvent(tx, 'comment.edited', {
        row: after,
        page,
        previousStatus: current.status,
      });
    }
    return after;
  });
  return {
    comment: presentComment(updated, { editableUntil }),
    pageId: updated.page_id,
    status,
    previousStatus,
    reasons,
    site,
    pageUrl,
    pageTitle,
  };
}

/**
 * Deletes the author's comment. Without replies it is removed, and so is
 * any placeholder above it left with no replies of its own; with replies (of
 * any status) it becomes a placeholder, so the thread stays whole.
 */
export async function deleteComment(
  db: Db,
  id: string,
  credentials: AuthorCredentials,
): Promise<void> {
  const { row } = await requireOwnComment(db, id, credentials);
  await writeTransaction(db, async (tx) => {
    const page = await findPageById(tx, row.page_id);
    if (!page) throw new Error('a comment without its page');
    const announce = (gone: CommentRow, removed: boolean) =>
      recordCommentEvent(tx, 'comment.deleted', {
        row: gone,
        page,
        previousStatus: gone.status,
        removed,
      });
    if (await hasReplies(tx, row.id)) {
      await blankComment(tx, row.id, new Date().toISOString());
      const blanked = await findComment(tx, row.id);
      if (blanked) await announce(blanked, false);
      return;
    }
    await removeComment(tx, row.id);
    await announce(row, true);
    let parentId = row.parent_id;
    while (parentId) {
      const parent = await findComment(tx, parentId);
      if (!parent?.deleted_at || (await hasReplies(tx, parent.id))) break;
      await removeComment(tx, parent.id);
      await announce(parent, true);
      parentId = parent.parent_id;
    }
  });
}
