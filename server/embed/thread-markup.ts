/**
 * The iframe app's first render, as HTML, so the first comments are painted
 * from the page itself, before (and without) the app's scripts. It mirrors
 * widget/thread's App, Thread and CommentItem element for element and class
 * for class, so the page does not move when the app takes over: the app
 * replaces it in the same root with the same markup, in one task (nothing
 * is painted in between), adding what only it can make: the form below the
 * list, avatar colours (an inline style the page's CSP refuses), provider
 * icons, and date tooltips in the reader's own time zone.
 *
 * e2e/first-paint.spec.ts checks the page with the app held back and the
 * takeover; keep the two in step when the components change.
 */
import type { CommentAuthor, CommentList } from '../../contract/api.ts';
import { type Message, relativeTime, translator } from '../../contract/i18n/format.ts';
import type { ReaderKey } from '../../contract/i18n/reader/en.ts';
import { buildTree, type CommentNode } from '../../contract/thread-tree.ts';
import { escapeHtml } from '../http/html.ts';
import { type DeflatedPart, deflatePart } from './gzip-parts.ts';

export interface MarkupInput {
  readonly thread: CommentList;
  readonly locale: string;
  /** The first render's words (the bootstrap's `messages`). */
  readonly messages: Readonly<Partial<Record<ReaderKey, Message>>>;
  readonly pageUrl: string;
  readonly maxDepth: number;
  /** For "5 minutes ago"; the app corrects it as it takes over. */
  readonly now: number;
}

/**
 * About the comments a laptop screen shows (a comment with two paragraphs is
 * ~120 px high): the server renders the first this many in reading order
 * (cutting inside a thread if need be), the app the rest, below them. Was 12:
 * the frame's first layout, which its first paint waits for, grows with every
 * comment (30–90 ms for 12 in a cold frame on the bench's loaded machine), and
 * the first paint shows only the top of the frame; docs/performance.md,
 * "First paint".
 */
export const FIRST_SCREEN_COMMENTS = 6;

/** Up to two letters: first and last word of the name (as widget/thread/components/Avatar.tsx). */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = (word: string | undefined) => Array.from(word ?? '')[0] ?? '';
  const letters = first(words[0]) + (words.length > 1 ? first(words[words.length - 1]) : '');
  return letters.toUpperCase() || '?';
}

/** The app's first render of this thread: the content of `#parley-root`. */
export function renderThreadMarkup(input: MarkupInput): string {
  const { thread, locale, pageUrl } = input;
  const t = translator<ReaderKey>(locale, input.messages);
  const e = escapeHtml;
  const permalink = (id: string) => e(`${pageUrl}#comment-${id}`);

  // As the app's authorName (widget/thread/i18n.ts): nobody, or an unnamed
  // author, in the reader's words. The avatar keeps the app's "?" (its
  // initials are the stored name's), so the takeover changes nothing.
  const nameOf = (a: CommentAuthor) =>
    a.deleted ? t('comment.deletedAuthor') : a.anonymous ? t('comment.anonymousAuthor') : a.name;

  const author = (a: CommentAuthor) =>
    a.url && /^https?:\/\//i.test(a.url)
      ? `<a class="author" href="${e(a.url)}" target="_blank" rel="nofollow ugc noopener noreferrer">${e(nameOf(a))}</a>`
      : `<span class="author">${e(nameOf(a))}</span>`;

  const avatar = (a: CommentAuthor) =>
    `<span class="avatar" data-testid="avatar"><span aria-hidden="true">${e(initials(a.name))}</span>${
      a.avatarUrl
        ? `<img src="${e(a.avatarUrl)}" alt="" width="40" height="40" loading="lazy" decoding="async">`
        : ''
    }</span>`;

  // Buttons are disabled until the app's own replace them: a click before
  // that would do nothing, and a disabled button invites none (nor does a test).
  const fetchButton = (label: string, testId: string) =>
    `<p class="load-more"><button type="button" class="link-button" data-testid="${testId}" disabled>${e(label)}</button></p>`;

  // Not under a comment whose replies go on past the cut: the app puts it below all of them.
  const moreReplies = (node: CommentNode) => {
    const c = node.comment;
    const more = c.parentId === null && !cut.has(node) ? thread.moreReplies[c.id] : undefined;
    return more ? fetchButton(t('more.replies', { count: more.count }), 'more-replies') : '';
  };

  const replies = (node: CommentNode): string =>
    node.children.length
      ? `<ol class="list children">${node.children.map(item).join('')}</ol>`
      : '';

  function item(node: CommentNode): string {
    const { comment: c, replyTo } = node;
    const id = e(c.id);
    if (c.deleted) {
      return `<li class="item"><article id="comment-${id}" class="comment deleted" data-testid="deleted-comment" data-depth="${node.depth}" tabindex="-1"><p class="deleted-note">${e(t('comment.deleted'))}</p></article>${replies(node)}${moreReplies(node)}</li>`;
    }
    const editable = !!c.editableUntil && Date.parse(c.editableUntil) > input.now;
    const button = (label: string, aria: string, extra = '') =>
      `<button type="button" class="reply" aria-label="${e(aria)}"${extra} disabled>${e(label)}</button>`;
    return (
      `<li class="item"><article id="comment-${id}" class="comment" data-testid="comment" data-depth="${node.depth}" tabindex="-1">` +
      avatar(c.author) +
      '<div class="main"><header class="meta">' +
      author(c.author) +
      (c.author.provider !== 'guest' ? '<span class="provider-mark"></span>' : '') +
      (replyTo
        ? `<a class="reply-to" href="${permalink(replyTo.id)}" target="_top" aria-label="${e(t('comment.inReplyTo', { name: nameOf(replyTo.author) }))}">↪ ${e(nameOf(replyTo.author))}</a>`
        : '') +
      `<a class="permalink" href="${permalink(c.id)}" target="_top"><time datetime="${e(c.createdAt)}">${e(relativeTime(locale, c.createdAt, input.now) ?? t('time.justNow'))}</time></a>` +
      (c.editedAt
        ? `<span class="edited" data-testid="edited">${e(t('comment.edited'))}</span>`
        : '') +
      '</header>' +
      (c.status === 'pending'
        ? `<p class="awaiting" data-testid="awaiting-moderation">${e(t('comment.awaiting'))}</p>`
        : '') +
      // Sanitised by the server at write time, as the app shows it.
      `<div class="body" data-testid="comment-body">${c.html}</div>` +
      '<div class="actions">' +
      button(
        t('comment.reply'),
        t('comment.replyTo', { name: nameOf(c.author) }),
        ' aria-expanded="false"',
      ) +
      (editable
        ? button(t('comment.edit'), t('comment.editYours')) +
          button(t('comment.delete'), t('comment.deleteYours'))
        : '') +
      `</div></div></article>${replies(node)}${moreReplies(node)}</li>`
    );
  }

  const whole = buildTree(thread.comments, input.maxDepth);
  // The first screenful only, in reading order: laying out and painting the
  // whole first page (up to 50 threads and their replies) before the frame is
  // shown cost more than the rest is worth. Cut inside a thread too: the
  // bench's first thread alone has 23 comments, all laid out before the first
  // paint when threads were kept whole. What follows the cut comes after it
  // in the app's render too (replies follow their parent), so what is shown
  // sits where the app will draw it, and the app adds the rest below.
  const cut = new Set<CommentNode>();
  let left = FIRST_SCREEN_COMMENTS;
  const firstScreen = (nodes: CommentNode[]): CommentNode[] => {
    const taken: CommentNode[] = [];
    for (const node of nodes) {
      if (left === 0) break;
      left--;
      const copy = { ...node, children: firstScreen(node.children) };
      if (copy.children.length < node.children.length) cut.add(copy);
      taken.push(copy);
    }
    return taken;
  };
  const tree = firstScreen(whole);
  const complete = tree.length === whole.length && cut.size === 0;
  const count =
    thread.total > 0
      ? t('count.some', { count: thread.total })
      : t(thread.comments.length > 0 ? 'count.heading' : 'count.none');
  return (
    '<div class="parley" data-testid="parley" data-live="connecting"><section aria-labelledby="parley-count">' +
    `<h2 id="parley-count" class="count" data-testid="comment-count">${e(count)}</h2>` +
    (tree.length ? `<ol class="list">${tree.map(item).join('')}</ol>` : '') +
    (complete && thread.nextCursor ? fetchButton(t('more.comments'), 'load-more') : '') +
    '<p class="visually-hidden" aria-live="polite" data-testid="announcer"></p></section></div>'
  );
}

/** How long one rendering of a cached page is reused: its "5 minutes ago"s age. */
const MARKUP_TTL_MS = 30_000;
/** Renderings kept per cached page (languages × page URLs): a bound, not a guess at usage. */
const MAX_VARIANTS = 8;

interface Prepared {
  thread: CommentList;
  json: DeflatedPart;
  variants: Map<string, { markup: DeflatedPart; until: number }>;
}

// Per cached public page (the thread cache's entry, which holds only what
// everyone may see): its JSON compressed once, its comments parsed once, and
// its renderings, compressed once. Gone with the entry when a change drops it.
const prepared = new WeakMap<object, Prepared>();

/**
 * A page from the thread cache as the iframe page's parts (threadPageParts):
 * its JSON and its first render, the same for every reader in one language
 * on one page URL, so made and compressed once (the rendering for
 * MARKUP_TTL_MS). Never for a reader's own list (their held comments): that
 * one is rendered for them alone with renderThreadMarkup.
 */
export function publicThreadParts(
  entry: { readonly json: Buffer },
  input: Omit<MarkupInput, 'thread'>,
): { json: DeflatedPart; markup: DeflatedPart } {
  let p = prepared.get(entry);
  if (!p) {
    p = {
      thread: JSON.parse(entry.json.toString()) as CommentList,
      json: deflatePart(entry.json),
      variants: new Map(),
    };
    prepared.set(entry, p);
  }
  const key = `${input.locale}\n${input.maxDepth}\n${input.pageUrl}`;
  let variant = p.variants.get(key);
  if (!variant || variant.until <= input.now) {
    variant = {
      markup: deflatePart(renderThreadMarkup({ ...input, thread: p.thread })),
      until: input.now + MARKUP_TTL_MS,
    };
    if (p.variants.size >= MAX_VARIANTS) p.variants.clear();
    p.variants.set(key, variant);
  }
  return { json: p.json, markup: variant.markup };
}
