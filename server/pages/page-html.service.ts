import { publicPage } from '../comments/thread.service.ts';
import { requireSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import { findPage } from './page.repository.ts';
import { renderThreadHtml } from './page-html.ts';

/** Most comments the fragment carries: the thread's first page, as a crawler or a reader without JavaScript sees it. */
export const PAGE_HTML_LIMIT = 200;

/**
 * The published comments of a page as an HTML fragment (as everyone sees
 * them: no viewer, so no held comments). 404 `site_not_found` for an unknown
 * site; an empty thread for a page nobody has commented on.
 */
export async function pageHtml(
  db: Db,
  siteId: string,
  pageKey: string,
  publicUrl: string,
): Promise<string> {
  const site = await requireSite(db, siteId);
  const [thread, page] = await Promise.all([
    // The first page (as the iframe shows it): its cost follows the page size, not the thread.
    publicPage(db, site, pageKey, { sort: 'oldest' }),
    findPage(db, site.id, pageKey),
  ]);
  return renderThreadHtml({
    comments: thread.comments.slice(0, PAGE_HTML_LIMIT),
    total: thread.total,
    pageUrl: page?.url ?? '',
    publicUrl,
    maxDepth: site.settings.maxDepth,
  });
}
