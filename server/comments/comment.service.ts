import type { Comment } from '../../contract/api.ts';
import type { CreateCommentBody, SignedInCommentBody } from '../../contract/comment.schema.ts';
import type { CommentStatus } from '../../contract/dashboard.ts';
import type { ModerationReason } from '../../contract/moderation-reasons.schema.ts';
import { ensureAvatar } from '../avatars/avatar.repository.ts';
import type { AvatarSource } from '../avatars/avatar-source.ts';
import { AppError } from '../errors.ts';
import { recordCommentEvent } from '../events/record.ts';
import { writeFewRows } from '../events/transaction.ts';
import { readableIdentityName } from '../identities/identity.profile.ts';
import { ensurePage, findPage } from '../pages/page.repository.ts';
import type { Site } from '../sites/site.schema.ts';
import { isOnSiteOrigins, requireSite } from '../sites/site.service.ts';
import type { CommentRow, IdentityRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import { newId } from '../store/ids.ts';
import { type ModerationDeps, moderateComment, refusal } from './comment.moderation.ts';
import { authorViewFor, presentComment } from './comment.presenter.ts';
import { findComment, insertComment, lockParentStatus } from './comment.repository.ts';
import { MAX_BODY_CHARS, renderCommentBody } from './render.ts';

/** What the request tells about the post beyond its body (spam defence). */
export interface PostContext {
  ip: string | null;
  userAgent: string | null;
  /** The hidden honeypot field's value. */
  honeypot: string | undefined;
  /** From the signed form token; null when unknown. */
  formAgeMs: number | null;
  /** The browser's author key (hashed), so the author sees their held comment. */
  authorKeyHash: string | null;
}

/** Who wrote it: a guest's details, or a signed-in identity. */
export type CommentAuthorInput =
  | { guest: CreateCommentBody['author']; avatar: AvatarSource }
  | { identity: IdentityRow };

export interface CreatedComment {
  comment: Comment;
  pageId: string;
  status: CommentStatus;
  reasons: ModerationReason[];
  site: Site;
  pageUrl: string;
  pageTitle: string;
}

/**
 * Checks, moderates and stores a comment; returns it as its author will see
 * it (a held one marked pending). The pipeline only reads, so it runs first,
 * outside the write transaction (Akismet may take seconds); nothing is written
 * unless every check passes.
 */
export async function createComment(
  db: Db,
  input: SignedInCommentBody,
  author: CommentAuthorInput,
  context: PostContext,
  moderation: ModerationDeps,
): Promise<CreatedComment> {
  const site = await requireSite(db, input.site);
  if (!isOnSiteOrigins(site, input.pageUrl)) {
    throw new AppError(
      403,
      'origin_not_allowed',
      `Comments for site "${site.id}" can only be posted from its registered origins`,
      'pageUrl',
    );
  }
  const source = commentSource(input.body);

  const existingPage = await findPage(db, site.id, input.page);
  const parent = input.parentId
    ? await resolveParent(db, existingPage?.id, input.parentId, site.settings.maxDepth)
    : null;

  const columns = authorColumns(author);
  const outcome = await moderateComment(
    db,
    site,
    existingPage?.id ?? null,
    {
      siteId: site.id,
      pageUrl: input.pageUrl,
      pageTitle: input.pageTitle,
      body: source,
      author:
        'guest' in author
          ? {
              kind: 'guest',
              name: columns.author_name,
              email: author.guest.email,
              website: columns.author_url,
            }
          : {
              kind: 'identity',
              identityId: author.identity.id,
              provider: author.identity.provider,
              name: columns.author_name,
              email: columns.author_email,
              url: columns.author_url,
            },
      ip: context.ip,
      userAgent: context.userAgent,
      referrer: input.pageUrl,
      honeypot: context.honeypot,
      formAgeMs: context.formAgeMs,
      permalink: input.pageUrl,
    },
    moderation,
  );
  if (outcome.decision === 'reject') throw refusal(outcome);
  const status: CommentStatus =
    outcome.decision === 'approve' ? 'approved' : outcome.decision === 'hold' ? 'pending' : 'spam';
  // Stored as data (codes and parameters), worded by whoever shows them.
  const reasons = outcome.reasons;

  // A page, an avatar, a comment and its event: a few rows (events/transaction.ts).
  const row = await writeFewRows(db, async (tx) => {
    // A page already stored with this URL and title needs no write: the
    // upsert rewrote the same row on every post (a statement, and its page
    // in the commit). Pages go only with their site, whose deletion fails
    // this insert as it failed the upsert.
    const page =
      existingPage?.url === input.pageUrl && existingPage.title === input.pageTitle
        ? existingPage
        : await ensurePage(tx, {
            siteId: site.id,
            pageKey: input.page,
            url: input.pageUrl,
            title: input.pageTitle,
          });
    // The parent was checked before moderation, which can wait seconds on
    // Akismet: checked again here, where its deletion can no longer slip in.
    if (parent && (await lockParentStatus(tx, parent.id))?.status !== 'approved') {
      throw parentNotFound();
    }
    const now = new Date().toISOString();
    if ('guest' in author) await ensureAvatar(tx, author.avatar, now);
    const id = newId();
    const inserted = await insertComment(tx, {
      id,
      site_id: site.id,
      page_id: page.id,
      parent_id: parent?.id ?? null,
      root_id: parent?.root_id ?? id,
      depth: parent ? parent.depth + 1 : 1,
      body_source: source,
      body_html: renderCommentBody(source),
      ...columns,
      status,
      moderation_reasons: reasons.length > 0 ? JSON.stringify(reasons) : null,
      author_key_hash: context.authorKeyHash,
      ip: context.ip,
      user_agent: context.userAgent?.slice(0, 512) ?? null,
      created_at: now,
      updated_at: now,
    });
    await recordCommentEvent(tx, 'comment.created', {
      row: inserted,
      page,
      previousStatus: null,
    });
    return inserted;
  });
  return {
    comment: presentComment(
      row,
      authorViewFor(row, context.authorKeyHash, site.settings.editWindowMinutes),
    ),
    pageId: row.page_id,
    status,
    reasons,
    site,
    pageUrl: input.pageUrl,
    pageTitle: input.pageTitle,
  };
}

/**
 * The text to store for a posted or edited body: newlines normalised and
 * trimmed; refused when empty (400) or over the limit (413).
 */
export function commentSource(body: string): string {
  // U+0000 as CommonMark has it (U+FFFD): PostgreSQL refuses it and node:sqlite
  // reads a text back only up to it.
  const source = body.replace(/\r\n?/g, '\n').replaceAll('\u0000', '\ufffd').trim();
  if (source === '') throw new AppError(400, 'invalid_body', 'The comment is empty', 'body');
  if (source.length > MAX_BODY_CHARS) {
    throw new AppError(
      413,
      'body_too_large',
      `A comment can be at most ${MAX_BODY_CHARS.toLocaleString('en')} characters`,
      'body',
    );
  }
  return source;
}

function authorColumns(author: CommentAuthorInput) {
  if ('guest' in author) {
    return {
      author_name: author.guest.name,
      author_email: author.guest.email.toLowerCase(),
      author_url: author.guest.website ?? null,
      author_provider: 'guest',
      identity_id: null,
      author_avatar_url: null,
      avatar_key: author.avatar.key,
    };
  }
  const { identity } = author;
  return {
    // A provider's display name is typed by its owner too (X allows U+202E);
    // one made only of such controls falls back to the username, never "".
    author_name: readableIdentityName(identity),
    author_email: identity.email,
    author_url: identity.profile_url,
    author_provider: identity.provider,
    identity_id: identity.id,
    author_avatar_url: identity.avatar_url,
    avatar_key: identity.avatar_key,
  };
}

const parentNotFound = () =>
  new AppError(
    404,
    'parent_not_found',
    'The comment you replied to is not on this page',
    'parentId',
  );

/**
 * The comment a reply hangs under. A parent must be a published comment on
 * the same page. Replies deeper than the site allows attach to the deepest
 * allowed ancestor, so the thread never nests past maxDepth.
 */
async function resolveParent(
  db: Db,
  pageId: string | undefined,
  parentId: string,
  maxDepth: number,
): Promise<CommentRow | null> {
  let parent = await findComment(db, parentId);
  if (!parent || parent.page_id !== pageId || parent.status !== 'approved') {
    throw parentNotFound();
  }
  while (parent.depth >= maxDepth && parent.parent_id) {
    const up: CommentRow | undefined = await findComment(db, parent.parent_id);
    if (!up) break;
    parent = up;
  }
  // With maxDepth 1 nothing nests: a reply becomes a top-level comment.
  return parent.depth < maxDepth ? parent : null;
}
