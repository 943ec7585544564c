/**
 * Comment counts for a blog's listing pages (issue 10, "Counts"): what
 * count.js shows beside each post. Each page's count is cached like its
 * thread and dropped with it on every change to that page.
 */
import type { CommentCounts } from '../../contract/api.ts';
import type { Site } from '../sites/site.schema.ts';
import type { Db } from '../store/db.ts';
import { cacheKey, type ThreadCache } from './thread.cache.ts';
import { countPublishedByPageKey } from './thread.repository.ts';

export async function countComments(
  db: Db,
  cache: ThreadCache,
  site: Site,
  pageKeys: readonly string[],
): Promise<CommentCounts> {
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
  return { counts: Object.fromEntries(values), wording: site.settings.countWording };
}
