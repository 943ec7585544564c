/**
 * A page's thread as readers see it, one page at a time (issue 10, "Big
 * threads"): up to the site's page size of top-level comments, each with its
 * first replies, a cursor to the next page, and the page's published count.
 *
 * What everyone sees (`publicPage`) is the same for every reader, so it can
 * be cached whole (thread.cache.ts). A reader's own held comments and the
 * source of those they may still edit are added by `withViewer`, only for
 * them, never into what is cached.
 */
import type { Comment, CommentList } from '../../contract/api.ts';
import { AppError } from '../errors.ts';
import { scriptSafeJson } from '../http/html.ts';
import { findPage } from '../pages/page.repository.ts';
import type { Site } from '../sites/site.schema.ts';
import type { Db } from '../store/db.ts';
import { editWindowEnd, presentComment } from './comment.presenter.ts';
import { type CachedPage, cacheKey, type ThreadCache } from './thread.cache.ts';
import { decodeCursor, encodeCursor } from './thread.cursor.ts';
import {
  countPublished,
  countRepliesAfter,
  findTopLevel,
  type ListedRow,
  listFirstReplies,
  listMoreReplies,
  listOwnComments,
  listTopLevel,
  type OwnRow,
  type Position,
  placeholdersWithReplies,
  type Sort,
} from './thread.repository.ts';

/** Replies shown under a top-level comment before "Show N more replies"; also the size of each further batch. */
export const INLINE_REPLIES = 100;

/** Which slice of a thread: a page of top-level comments, or more replies of one of them. */
export interface ThreadSlice {
  sort: Sort;
  cursor?: string | undefined;
  /** A top-level comment's id: list its replies after `cursor` instead. */
  parent?: string | undefined;
}

const positionOf = (c: { createdAt: string; id: string }): Position => ({
  createdAt: c.createdAt,
  id: c.id,
});

/** `a` comes before `b` in time order. */
const before = (a: Position, b: Position) =>
  a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);

/**
 * The slice as every reader sees it: published comments only, no source.
 * Comments come top-level one by one (in the slice's sort), each followed
 * by its replies oldest first, so a reply always follows its parent.
 */
export async function publicPage(
  db: Db,
  site: Site,
  pageKey: string,
  slice: ThreadSlice,
  /** Placeholders to list even so: those the viewer's own held replies hang under. */
  keep: ReadonlySet<string> = new Set(),
): Promise<CommentList> {
  const bare = <R extends ListedRow>(rows: R[], topLevel: boolean) =>
    withoutBarePlaceholders(db, rows, topLevel, keep);
  const from = slice.cursor ? decodeCursor(slice.cursor) : null;
  const page = await findPage(db, site.id, pageKey);
  if (!page) {
    if (slice.parent) throw new AppError(404, 'comment_not_found', 'No comment with that id');
    return { comments: [], total: 0, nextCursor: null, moreReplies: {} };
  }
  const total = await countPublished(db, page.id);
  if (slice.parent) {
    const root = await findTopLevel(db, page.id, slice.parent);
    if (!root) throw new AppError(404, 'comment_not_found', 'No comment with that id');
    const rows = await listMoreReplies(db, root.id, from, INLINE_REPLIES);
    const batch = rows.slice(0, INLINE_REPLIES);
    const last = batch.at(-1);
    const shown = await bare(batch, false);
    const more = rows.length > INLINE_REPLIES && last;
    return {
      comments: shown.map((r) => presentComment(r)),
      total,
      nextCursor: null,
      moreReplies: more
        ? {
            [root.id]: {
              count: await countRepliesAfter(
                db,
                root.id,
                positionOf({ createdAt: last.created_at, id: last.id }),
              ),
              cursor: encodeCursor({ createdAt: last.created_at, id: last.id }),
            },
          }
        : {},
    };
  }

  const size = site.settings.pageSize;
  const tops = await listTopLevel(db, page.id, slice.sort, from, size);
  const pageTops = tops.slice(0, size);
  const shownTops = await bare(pageTops, true);
  const replies = await bare(
    await listFirstReplies(
      db,
      shownTops.map((t) => t.id),
      INLINE_REPLIES,
    ),
    false,
  );
  const repliesOf = new Map<string, ListedRow[]>();
  const moreReplies: CommentList['moreReplies'] = {};
  for (const reply of replies) {
    const list = repliesOf.get(reply.root_id) ?? [];
    list.push(reply);
    repliesOf.set(reply.root_id, list);
    if (reply.rn === INLINE_REPLIES && reply.of > INLINE_REPLIES) {
      moreReplies[reply.root_id] = {
        count: reply.of - INLINE_REPLIES,
        cursor: encodeCursor({ createdAt: reply.created_at, id: reply.id }),
      };
    }
  }
  const comments: Comment[] = [];
  for (const top of shownTops) {
    comments.push(presentComment(top));
    for (const reply of repliesOf.get(top.id) ?? []) comments.push(presentComment(reply));
  }
  // The cursor is the last row read, even a placeholder left out.
  const last = pageTops.at(-1);
  return {
    comments,
    total,
    nextCursor:
      tops.length > size && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
    moreReplies,
  };
}

/**
 * Leaves out the placeholders of deleted comments with nothing published
 * under them any more: a lone "comment deleted" keeps nothing whole.
 */
async function withoutBarePlaceholders<R extends ListedRow>(
  db: Db,
  rows: R[],
  topLevel: boolean,
  keep: ReadonlySet<string>,
): Promise<R[]> {
  const placeholders = rows.filter((r) => r.deleted_at && !keep.has(r.id)).map((r) => r.id);
  if (placeholders.length === 0) return rows;
  const kept = await placeholdersWithReplies(db, placeholders, topLevel);
  return rows.filter((r) => !r.deleted_at || keep.has(r.id) || kept.has(r.id));
}

/**
 * The reader's own comments of this page that differ for them (held ones,
 * those still in the edit window); empty for most readers, and then the
 * public page is all they get.
 */
export async function ownComments(
  db: Db,
  site: Site,
  pageKey: string,
  viewerKeyHash: string,
  now = Date.now(),
): Promise<OwnRow[]> {
  const page = await findPage(db, site.id, pageKey);
  if (!page) return [];
  const since = new Date(now - site.settings.editWindowMinutes * 60_000).toISOString();
  return listOwnComments(db, page.id, viewerKeyHash, since);
}

/**
 * The public slice with the reader's own comments added: their held ones
 * where they fall in this slice (marked pending), and the source and edit
 * deadline of those they may still edit.
 */
export function withViewer(
  list: CommentList,
  own: readonly OwnRow[],
  site: Site,
  slice: ThreadSlice,
  now = Date.now(),
): CommentList {
  if (own.length === 0) return list;
  const minutes = site.settings.editWindowMinutes;
  const present = (row: OwnRow) => {
    const editableUntil = editWindowEnd(row, minutes);
    return presentComment(row, Date.parse(editableUntil) > now ? { editableUntil } : null);
  };
  const ownById = new Map(own.map((r) => [r.id, r]));
  // Split the flat list into blocks: a top-level comment and its replies.
  const blocks: { top: Comment | null; replies: Comment[] }[] = [];
  for (const c of list.comments) {
    const mine = ownById.get(c.id);
    const shown = mine ? present(mine) : c;
    if (c.parentId === null && !slice.parent) blocks.push({ top: shown, replies: [] });
    else {
      if (blocks.length === 0) blocks.push({ top: null, replies: [] });
      blocks.at(-1)?.replies.push(shown);
    }
  }
  const held = own.filter((r) => r.status !== 'approved');
  const rootIds = new Set(blocks.map((b) => b.top?.id).filter((id) => id !== undefined));

  if (slice.parent) {
    // More replies of one comment: the held ones between this batch's bounds.
    const from = slice.cursor ? decodeCursor(slice.cursor) : null;
    const last = list.moreReplies[slice.parent] ? list.comments.at(-1) : undefined;
    const block = blocks[0] ?? { top: null, replies: [] };
    for (const r of held) {
      const at = { createdAt: r.created_at, id: r.id };
      if (r.root_id !== slice.parent || r.depth === 1) continue;
      if (from && !before(from, at)) continue;
      if (last && before(positionOf(last), at)) continue;
      block.replies.push(present(r));
    }
    block.replies.sort((a, b) => (before(positionOf(a), positionOf(b)) ? -1 : 1));
    return { ...list, comments: block.replies };
  }

  // A page of top-level comments: held top-level ones between its bounds
  // (in the page's sort), held replies under the comments it shows.
  const from = slice.cursor ? decodeCursor(slice.cursor) : null;
  const lastTop = list.nextCursor ? blocks.at(-1)?.top : null;
  const inSort = (a: Position, b: Position) =>
    slice.sort === 'oldest' ? before(a, b) : before(b, a);
  for (const r of held) {
    const at = { createdAt: r.created_at, id: r.id };
    if (r.depth === 1) {
      if (from && !inSort(from, at)) continue;
      if (lastTop && inSort(positionOf(lastTop), at)) continue;
      blocks.push({ top: present(r), replies: [] });
    } else if (rootIds.has(r.root_id)) {
      blocks.find((b) => b.top?.id === r.root_id)?.replies.push(present(r));
    }
  }
  blocks.sort((a, b) =>
    a.top && b.top ? (inSort(positionOf(a.top), positionOf(b.top)) ? -1 : 1) : 0,
  );
  const comments: Comment[] = [];
  for (const b of blocks) {
    if (b.top) comments.push(b.top);
    b.replies.sort((x, y) => (before(positionOf(x), positionOf(y)) ? -1 : 1));
    comments.push(...b.replies);
  }
  return { ...list, comments };
}

/** The thread cache's key of a slice of a site's page. */
export function sliceKey(siteId: string, pageKey: string, slice: ThreadSlice): string {
  return cacheKey(siteId, pageKey, slice.sort, slice.parent ?? '', slice.cursor ?? '');
}

/**
 * The slice as this reader sees it. Most readers get what everyone sees,
 * from the cache (serialised once per change, script-safe so the iframe page
 * can inline it as it is); a reader with comments of their own here that
 * differ for them (held, or still editable) gets a list built for them
 * alone, which is never cached.
 */
export async function readThread(
  db: Db,
  cache: ThreadCache,
  site: Site,
  pageKey: string,
  slice: ThreadSlice,
  viewerKeyHash: string | null,
): Promise<{ cached: CachedPage; key: string } | { own: CommentList }> {
  const own = viewerKeyHash ? await ownComments(db, site, pageKey, viewerKeyHash) : [];
  if (own.length > 0) {
    const above = own
      .filter((r) => r.status !== 'approved')
      .flatMap((r) => [r.root_id, r.parent_id ?? r.root_id]);
    const list = await publicPage(db, site, pageKey, slice, new Set(above));
    return { own: withViewer(list, own, site, slice) };
  }
  const key = sliceKey(site.id, pageKey, slice);
  // Only cursors this server handed out are worth a cache entry (thread.cache.ts).
  const cacheable = !slice.cursor || cache.issued(site.id, pageKey, slice.cursor);
  const cached = await cache.load(key, async () => {
    const list = await publicPage(db, site, pageKey, slice);
    if (list.nextCursor) cache.issue(site.id, pageKey, list.nextCursor);
    for (const more of Object.values(list.moreReplies)) cache.issue(site.id, pageKey, more.cursor);
    // A page nobody commented on is cheap to answer, and anyone can name endless ones.
    return { json: scriptSafeJson(list), keep: cacheable && list.total + list.comments.length > 0 };
  });
  return { cached, key };
}
