/**
 * Comment counts for a blog's listing pages (issue 10, "Counts"): what
 * count.js shows beside each post. Each page's count is cached like its
 * thread and dropped with it on every change to that page.
 */
import { requireSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import { type CachedPage, cacheKey, type ThreadCache } from './thread.cache.ts';
import { countPublishedByPageKey } from './thread.repository.ts';

const wordingKey = (siteId: string) => cacheKey(siteId, '', 'count-wording');
const countKey = (siteId: string, page: string) => cacheKey(siteId, page, 'count');

/**
 * The answer's JSON, as `res.json` writes it: the fast path
 * (counts.fast-path.ts) and Express must send the same bytes. `wording` is
 * the cached JSON of the site's wording (JSON.stringify's own output, so
 * splicing it in is what stringifying the parsed object would give).
 */
function answerJson(counts: readonly (readonly [string, number])[], wording: Buffer): string {
  // Object.fromEntries as before: the key order of the answer stays the same
  // (integer-like page keys first, as in any JS object).
  return `{"counts":${JSON.stringify(Object.fromEntries(counts))},"wording":${wording.toString()}}`;
}

/**
 * The site's count wording, cached like its pages (dropped by site.changed,
 * which every settings save announces): a listing page asks often, and the
 * site's row need not be read and parsed each time. 404 for an unknown site.
 */
function wordingOf(db: Db, cache: ThreadCache, siteId: string) {
  return cache.load(wordingKey(siteId), async () => {
    const site = await requireSite(db, siteId);
    return { json: JSON.stringify(site.settings.countWording), keep: true };
  });
}

/** An answer built from memory, and the cache entries it was built from. */
export interface CachedCounts {
  json: string;
  /** Each key read and the entry found: while each is still cached, so is the answer. */
  from: [string, CachedPage][];
}

/**
 * The answer's JSON from memory alone, or undefined when the site's wording
 * or any page's count is not cached (pages with no comments never are).
 * Safe without looking the site up: its wording is cached only while it
 * exists (site.changed drops it).
 */
export function cachedCounts(
  cache: ThreadCache,
  siteId: string,
  pageKeys: readonly string[],
): CachedCounts | undefined {
  const key = wordingKey(siteId);
  const wording = cache.get(key);
  if (!wording) return undefined;
  const from: [string, CachedPage][] = [[key, wording]];
  const seen = new Set<string>();
  const values: [string, number][] = [];
  for (const page of pageKeys) {
    if (seen.has(page)) continue;
    seen.add(page);
    const key = countKey(siteId, page);
    const entry = cache.get(key);
    if (!entry) return undefined;
    from.push([key, entry]);
    values.push([page, Number(entry.json.toString())]);
  }
  return { json: answerJson(values, wording.json), from };
}

/**
 * The answer's JSON (a `CommentCounts`), counting what is not cached (one
 * query for all of it). 404 for an unknown site.
 */
export async function countCommentsJson(
  db: Db,
  cache: ThreadCache,
  siteId: string,
  pageKeys: readonly string[],
): Promise<string> {
  const wording = await wordingOf(db, cache, siteId);
  const unique = [...new Set(pageKeys)];
  // One query for every page not cached, started by the first that needs it.
  let counted: Promise<Map<string, number>> | undefined;
  const missing = unique.filter((page) => !cache.get(countKey(siteId, page)));
  const count = (page: string) => {
    counted ??= countPublishedByPageKey(db, siteId, missing);
    return counted.then((m) => m.get(page) ?? 0);
  };
  const values = await Promise.all(
    unique.map(async (page) => {
      const entry = await cache.load(countKey(siteId, page), async () => {
        const n = await count(page);
        // Anyone can ask about endless pages that don't exist: no entries for them.
        return { json: String(n), keep: n > 0 };
      });
      return [page, Number(entry.json.toString())] as const;
    }),
  );
  return answerJson(values, wording.json);
}
