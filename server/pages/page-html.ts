/**
 * The published thread as an HTML fragment a site puts in its own page
 * (issue 12: comments for search engines and readers without JavaScript).
 * Built from the presented comments only, so it shows exactly what the
 * widget shows everyone: the HTML sanitised at write time, the author's
 * name, link and Parley-served picture, never an email. schema.org
 * `Comment` microdata; no script, no style, no event handler. Its words
 * come from the thread's catalogue, in the site's language: the fragment
 * is part of the site's own page and one copy serves every reader.
 */
import type { Comment } from '../../contract/api.ts';
import { type Translate, translator } from '../../contract/i18n/format.ts';
import { directionOf, type Locale } from '../../contract/i18n/locales.ts';
import type { ReaderMessages } from '../../contract/i18n/reader/en.ts';
import { readerMessages } from '../../contract/i18n/reader/index.ts';
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
  readonly locale: Locale;
}

/** What rendering one comment needs besides the comment. */
interface Words {
  readonly t: Translate<keyof ReaderMessages & string>;
  readonly date: Intl.DateTimeFormat;
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

function renderComment(node: Node, input: ThreadHtmlInput, words: Words): string {
  const { t, date: dateFormat } = words;
  const { comment } = node;
  const id = escapeHtml(comment.id);
  const replies = node.children.length
    ? `<ol class="parley-replies">${node.children.map((n) => renderComment(n, input, words)).join('')}</ol>`
    : '';
  if (comment.deleted) {
    return `<li id="comment-${id}" class="parley-comment parley-deleted"><p>${escapeHtml(t('comment.deleted'))}</p>${replies}</li>`;
  }
  const { author } = comment;
  const name = escapeHtml(
    author.deleted
      ? t('comment.deletedAuthor')
      : author.anonymous
        ? t('comment.anonymousAuthor')
        : author.name,
  );
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
      ? ` <span class="parley-edited"><time itemprop="dateModified" datetime="${escapeHtml(comment.editedAt)}" title="${dateFormat.format(new Date(comment.editedAt))}">${escapeHtml(t('comment.edited'))}</time></span>`
      : '') +
    `</header><div class="parley-body" itemprop="text">${comment.html}</div></article>${replies}</li>`
  );
}

/** The fragment for one page's published comments. */
export function renderThreadHtml(input: ThreadHtmlInput): string {
  const roots = nest(input.comments, Math.max(1, input.maxDepth));
  const t = translator(input.locale, readerMessages(input.locale));
  const words: Words = {
    t,
    date: new Intl.DateTimeFormat(input.locale, { dateStyle: 'long', timeZone: 'UTC' }),
  };
  const heading = escapeHtml(
    input.total ? t('count.some', { count: input.total }) : t('count.none'),
  );
  const list = roots.length
    ? `<ol class="parley-comments">${roots.map((n) => renderComment(n, input, words)).join('')}</ol>`
    : '';
  return `<section class="${STATIC_THREAD_CLASS}" lang="${input.locale}" dir="${directionOf(input.locale)}" aria-label="${escapeHtml(t('count.heading'))}"><h2 class="parley-count">${heading}</h2>${list}</section>\n`;
}
