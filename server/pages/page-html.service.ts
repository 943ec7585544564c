import type { CachedPage, ThreadCache } from '../comments/thread.cache.ts';
import { cacheKey } from '../comments/thread.cache.ts';
import { publicPage } from '../comments/thread.service.ts';
import { requireSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import { findPage } from './page.repository.ts';
import { renderThreadHtml } from './page-html.ts';

/** Most comments the fragment carries: the thread's first page, as a crawler or a reader without JavaScript sees it. */
export const PAGE_HTML_LIMIT = 200;

/**
 * The published comments of a page as an HTML fragment (as everyone sees
 * them: no viewer, so no held comments), with the thread's total. 404
 * `site_not_found` for an unknown site; an empty thread for a page nobody
 * has commented on.
 */
export async function pageHtml(
  db: Db,
  siteId: string,
  pageKey: string,
  publicUrl: string,
): Promise<{ html: string; total: number }> {
  const site = await requireSite(db, siteId);
  const [thread, page] = await Promise.all([
    // The first page (as the iframe shows it): its cost follows the page size, not the thread.
    publicPage(db, site, pageKey, { sort: 'oldest' }),
    findPage(db, site.id, pageKey),
  ]);
  const html = renderThreadHtml({
    comments: thread.comments.slice(0, PAGE_HTML_LIMIT),
    total: thread.total,
    pageUrl: page?.url ?? '',
    publicUrl,
    maxDepth: site.settings.maxDepth,
    locale: site.settings.language ?? 'en',
  });
  return { html, total: thread.total };
}

/**
 * The fragment's key in the thread cache: under its page, beside the page's
 * thread slices (whose keys have three parts, this one has one), so the
 * events that drop the thread drop it too, on every instance
 * (comments/thread.invalidation.ts): a post, edit, deletion, moderation,
 * import or a site's settings (its reply depth).
 */
export function pageHtmlKey(siteId: string, pageKey: string): string {
  return cacheKey(siteId, pageKey, 'html');
}

/**
 * The fragment from the thread cache (issue 12: "cached and invalidated like
 * the thread"), built once per change and compressed once per encoding.
 */
export async function cachedPageHtml(
  db: Db,
  cache: ThreadCache,
  siteId: string,
  pageKey: string,
  publicUrl: string,
): Promise<{ key: string; entry: CachedPage }> {
  const key = pageHtmlKey(siteId, pageKey);
  const entry = await cache.load(key, async () => {
    const { html, total } = await pageHtml(db, siteId, pageKey, publicUrl);
    // As for the thread: a page nobody commented on is cheap to answer, and
    // anyone can name endless ones, so it takes no room in the cache.
    return { json: html, keep: total > 0 };
  });
  return { key, entry };
}
