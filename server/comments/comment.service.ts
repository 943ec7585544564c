import type { Comment, CommentList } from '../../widget/shared/api-types.ts';
import { AppError } from '../errors.ts';
import { ensurePage, findPage } from '../pages/page.repository.ts';
import type { Site } from '../sites/site.schema.ts';
import { isOnSiteOrigins, requireSite } from '../sites/site.service.ts';
import type { CommentRow, IdentityRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import { newId } from '../store/ids.ts';
import { presentComment } from './comment.presenter.ts';
import { findComment, insertComment, listApprovedComments } from './comment.repository.ts';
import type { CreateCommentBody, SignedInCommentBody } from './comment.schema.ts';
import { MAX_BODY_CHARS, renderCommentBody } from './render.ts';

/** The published thread of a page of a known site (empty when nobody has commented yet). */
export async function listThread(db: Db, site: Site, pageKey: string): Promise<CommentList> {
  const page = await findPage(db, site.id, pageKey);
  const rows = page ? await listApprovedComments(db, page.id) : [];
  return { comments: rows.map(presentComment), total: rows.length };
}

/** The published thread of a page, or a 404 `unknown_site` error. */
export async function getThread(db: Db, siteId: string, pageKey: string): Promise<CommentList> {
  return listThread(db, await requireSite(db, siteId), pageKey);
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/**
 * Stores a comment and returns it as readers will see it. Nothing is
 * written unless every check passes (the caller runs this in a transaction).
 */
/** Who wrote it: a guest's details, or a signed-in identity. */
export type CommentAuthorInput = { guest: CreateCommentBody['author'] } | { identity: IdentityRow };

export async function createComment(
  db: Db,
  input: SignedInCommentBody,
  author: CommentAuthorInput,
  meta: RequestMeta,
): Promise<Comment> {
  const site = await requireSite(db, input.site);
  if (!isOnSiteOrigins(site, input.pageUrl)) {
    throw new AppError(
      403,
      'origin_not_allowed',
      `Comments for site "${site.id}" can only be posted from its registered origins`,
      'pageUrl',
    );
  }
  const source = input.body.replace(/\r\n?/g, '\n').trim();
  if (source === '') throw new AppError(400, 'invalid_body', 'The comment is empty', 'body');
  if (source.length > MAX_BODY_CHARS) {
    throw new AppError(
      413,
      'body_too_large',
      `A comment can be at most ${MAX_BODY_CHARS.toLocaleString('en')} characters`,
      'body',
    );
  }

  const existingPage = await findPage(db, site.id, input.page);
  const parent = input.parentId
    ? await resolveParent(db, existingPage?.id, input.parentId, site.settings.maxDepth)
    : null;
  const page = await ensurePage(db, {
    siteId: site.id,
    pageKey: input.page,
    url: input.pageUrl,
    title: input.pageTitle,
  });

  const now = new Date().toISOString();
  const row = await insertComment(db, {
    id: newId(),
    site_id: site.id,
    page_id: page.id,
    parent_id: parent?.id ?? null,
    depth: parent ? parent.depth + 1 : 1,
    body_source: source,
    body_html: renderCommentBody(source),
    ...authorColumns(author),
    status: 'approved',
    ip: meta.ip,
    user_agent: meta.userAgent?.slice(0, 512) ?? null,
    created_at: now,
    updated_at: now,
  });
  return presentComment(row);
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
    };
  }
  const { identity } = author;
  return {
    author_name: identity.display_name,
    author_email: identity.email,
    author_url: identity.profile_url,
    author_provider: identity.provider,
    identity_id: identity.id,
    author_avatar_url: identity.avatar_url,
  };
}

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
    throw new AppError(
      404,
      'parent_not_found',
      'The comment you replied to is not on this page',
      'parentId',
    );
  }
  while (parent.depth >= maxDepth && parent.parent_id) {
    const up: CommentRow | undefined = await findComment(db, parent.parent_id);
    if (!up) break;
    parent = up;
  }
  // With maxDepth 1 nothing nests: a reply becomes a top-level comment.
  return parent.depth < maxDepth ? parent : null;
}
