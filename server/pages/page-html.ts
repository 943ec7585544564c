/**
 * The published thread as an HTML fragment a site puts in its own page
 * (issue 12: comments for search engines and readers without JavaScript).
 * Built from the presented comments only, so it shows exactly what the
 * widget shows everyone: the HTML sanitised at write time, the author's
 * name, link and Parley-served picture, never an email. schema.org
 * `Comment` microdata; no script, no style, no event handler.
 */
import type { Comment } from '../../contract/api.ts';
import { escapeHtml } from '../http/html.ts';

/** The fragment's outermost class: the loader swaps it for the live widget. */
export const STATIC_THREAD_CLASS = 'parley-static';

export interface ThreadHtmlInput {
  /** Oldest first, as the API lists them. */
  readonly comments: readonly Comment[];
  readonly total: number;
  /** The page's address, for permalinks (`#comment-<id>`); '' when unknown. */
  readonly pageUrl: string;
  /** Parley's base URL: the pictures' paths are made absolute with it. */
  readonly publicUrl: string;
  readonly maxDepth: number;
}

interface Node {
  comment: Comment;
  children: Node[];
  depth: number;
}

/** Replies under their parent up to maxDepth, deeper ones beside it (as the widget does). */
function nest(comments: readonly Comment[], maxDepth: number): Node[] {
  const roots: Node[] = [];
  const placed = new Map<string, { node: Node; list: Node[] }>();
  for (const comment of comments) {
    const parent = comment.parentId ? placed.get(comment.parentId) : undefined;
    const node: Node = { comment, children: [], depth: 1 };
    let list = roots;
    if (parent && parent.node.depth < maxDepth) {
      node.depth = parent.node.depth + 1;
      list = parent.node.children;
    } else if (parent) {
      node.depth = parent.node.depth;
      list = parent.list;
    }
    list.push(node);
    placed.set(comment.id, { node, list });
  }
  return roots;
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });

function renderComment(node: Node, input: ThreadHtmlInput): string {
  const { comment } = node;
  const id = escapeHtml(comment.id);
  const replies = node.children.length
    ? `<ol class="parley-replies">${node.children.map((n) => renderComment(n, input)).join('')}</ol>`
    : '';
  if (comment.deleted) {
    return `<li id="comment-${id}" class="parley-comment parley-deleted"><p>Comment deleted</p>${replies}</li>`;
  }
  const { author } = comment;
  const name = escapeHtml(author.name);
  const nameHtml = author.url
    ? `<a itemprop="url" href="${escapeHtml(author.url)}" rel="nofollow ugc noopener noreferrer"><span itemprop="name">${name}</span></a>`
    : `<span itemprop="name">${name}</span>`;
  const picture = author.avatarUrl
    ? `<img class="parley-avatar" src="${escapeHtml(input.publicUrl + author.avatarUrl)}" alt="" width="40" height="40" loading="lazy" decoding="async">`
    : '';
  const permalink = `${input.pageUrl}#comment-${comment.id}`;
  const date = `<time itemprop="dateCreated" datetime="${escapeHtml(comment.createdAt)}">${dateFormat.format(new Date(comment.createdAt))}</time>`;
  return (
    `<li id="comment-${id}" class="parley-comment" itemscope itemtype="https://schema.org/Comment">` +
    `<article><header>${picture}` +
    `<span class="parley-author" itemprop="author" itemscope itemtype="https://schema.org/Person">${nameHtml}</span> ` +
    (input.pageUrl
      ? `<a class="parley-permalink" itemprop="url" href="${escapeHtml(permalink)}">${date}</a>`
      : date) +
    (comment.editedAt
      ? ` <span class="parley-edited">(edited <time itemprop="dateModified" datetime="${escapeHtml(comment.editedAt)}">${dateFormat.format(new Date(comment.editedAt))}</time>)</span>`
      : '') +
    `</header><div class="parley-body" itemprop="text">${comment.html}</div></article>${replies}</li>`
  );
}

/** The fragment for one page's published comments. */
export function renderThreadHtml(input: ThreadHtmlInput): string {
  const roots = nest(input.comments, Math.max(1, input.maxDepth));
  const heading = input.total === 1 ? '1 comment' : `${input.total} comments`;
  const list = roots.length
    ? `<ol class="parley-comments">${roots.map((n) => renderComment(n, input)).join('')}</ol>`
    : '<p class="parley-empty">No comments yet.</p>';
  return `<section class="${STATIC_THREAD_CLASS}" aria-label="Comments"><h2 class="parley-count">${heading}</h2>${list}</section>\n`;
}
