/**
 * Comment counts for a blog's listing pages (issue 10, "Counts"): what
 * count.js shows beside each post. Each page's count is cached like its
 * thread and dropped with it on every change to that page.
 */
import type { CommentCounts } from '../../contract/api.ts';
import { requireSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import { cacheKey, type ThreadCache } from './thread.cache.ts';
import { countPublishedByPageKey } from './thread.repository.ts';

/**
 * The site's count wording, cached like its pages (dropped by site.changed,
 * which every settings save announces): a listing page asks often, and the
 * site's row need not be read and parsed each time. 404 for an unknown site.
 */
async function wordingOf(db: Db, cache: ThreadCache, siteId: string) {
  const entry = await cache.load(cacheKey(siteId, '', 'count-wording'), async () => {
    const site = await requireSite(db, siteId);
    return { json: JSON.stringify(site.settings.countWording), keep: true };
  });
  return JSON.parse(entry.json.toString()) as CommentCounts['wording'];
}

export async function countComments(
  db: Db,
  cache: ThreadCache,
  siteId: string,
  pageKeys: readonly string[],
): Promise<CommentCounts> {
  const wording = await wordingOf(db, cache, siteId);
  const site = { id: siteId };
  const unique = [...new Set(pageKeys)];
  // One query for every page not cached, started by the first that needs it.
  let counted: Promise<Map<string, number>> | undefined;
  const missing = unique.filter((page) => !cache.get(cacheKey(site.id, page, 'count')));
  const count = (page: string) => {
    counted ??= countPublishedByPageKey(db, site.id, missing);
    return counted.then((m) => m.get(page) ?? 0);
  };
  const values = await Promise.all(
    unique.map(async (page) => {
      const entry = await cache.load(cacheKey(site.id, page, 'count'), async () => {
        const n = await count(page);
        // Anyone can ask about endless pages that don't exist: no entries for them.
        return { json: String(n), keep: n > 0 };
      });
      return [page, Number(entry.json.toString())] as const;
    }),
  );
  return { counts: Object.fromEntries(values), wording };
}
