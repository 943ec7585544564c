/**
 * Hot thread pages, kept serialised and already compressed (issue 10,
 * "Caching"): a page read by many readers costs one build and one
 * compression per change, not one per request. Only what every reader sees
 * is cached (thread.service.ts `publicPage`); a reader's own held comments
 * never enter it.
 *
 * Entries are dropped by `invalidate` on every change to their page (or
 * site), and least recently used first beyond a byte budget. A build that
 * was under way when its page changed is not stored, so a slow read racing
 * a write can't put the old page back.
 *
 * Requests that miss the same key while it is being built wait for that one
 * build (one query and one compression, not one per reader: a hot page
 * changing several times a second would otherwise be rebuilt by every
 * request and never cached). Only requests that arrived before the page
 * changed share a build; a request after the change starts a new one, so it
 * never gets the page as it was before that change.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export type Encoding = 'br' | 'gzip' | 'identity';

/** One cached body: the JSON, its strong validator, and its compressed forms as asked for. */
export interface CachedPage {
  /** The body: a thread slice's JSON, or a page's HTML fragment (pages/page-html.service.ts). */
  json: Buffer;
  /** Hash of the JSON; each encoding's ETag adds its name (a strong ETag names one representation). */
  hash: string;
  br?: Buffer;
  gzip?: Buffer;
}

export interface ThreadCache {
  /** The entry under `key`, freshly used; undefined when not cached. */
  get(key: string): CachedPage | undefined;
  /**
   * Returns the entry for `key` (see cacheKey), building it when it is not
   * cached; what was built is kept when `build` says so and its page did not
   * change meanwhile.
   */
  load(key: string, build: () => Promise<{ json: string; keep: boolean }>): Promise<CachedPage>;
  /** The body in `encoding`, compressing (once) on first use. */
  encoded(key: string, entry: CachedPage, encoding: Encoding): Promise<Buffer>;
  /** Drops what a change made stale: one page of a site, a whole site (page null), or everything (site null). */
  invalidate(site: string | null, page: string | null): void;
  /**
   * Notes a cursor this server handed out for a site's page. Only such
   * cursors are cached: anyone can make up valid-looking cursors, and a
   * cache keyed by them could be flooded until it holds nothing useful.
   */
  issue(site: string, page: string, cursor: string): void;
  issued(site: string, page: string, cursor: string): boolean;
  /** Bytes held (for tests and diagnostics). */
  size(): number;
}

/**
 * The cache key of a site's page plus whatever else picks the body
 * (`parts`). JSON, so no page key (a reader-supplied string) can be made to
 * spell another page's key.
 */
export function cacheKey(site: string, page: string, ...parts: string[]): string {
  return JSON.stringify([site, page]) + JSON.stringify(parts);
}

export function etagOf(entry: CachedPage, encoding: Encoding): string {
  return `"${entry.hash}-${encoding}"`;
}

const MAX_PAGES_WITH_CURSORS = 10_000;

/** A build under way; a change to its page marks it stale, and it is then not stored. */
interface Flight {
  key: string;
  stale: boolean;
}

/** A shared build of one key: those who missed it while it runs wait for it. */
interface Shared<T> {
  flight: Flight;
  result: Promise<T>;
}

export function createThreadCache(options: { maxBytes: number }): ThreadCache {
  const entries = new Map<string, CachedPage>();
  const flights = new Set<Flight>();
  // Builds and compressions that later requests for the same key may join.
  const building = new Map<string, Shared<CachedPage>>();
  const compressing = new Map<string, Shared<Buffer>>();
  // Per page (JSON of [site, page]): the cursors handed out for it.
  const cursors = new Map<string, Set<string>>();
  let bytes = 0;

  const weight = (e: CachedPage) =>
    e.json.length + (e.br?.length ?? 0) + (e.gzip?.length ?? 0) + 200;

  function remove(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= weight(entry);
  }

  function keep(key: string, entry: CachedPage): void {
    remove(key);
    entries.set(key, entry);
    bytes += weight(entry);
    // Map iterates in insertion order: the first keys are the least recently used.
    for (const oldest of entries.keys()) {
      if (bytes <= options.maxBytes) break;
      remove(oldest);
    }
  }

  /**
   * Runs `work` as a flight of `key`, shared with whoever asks for `key` in
   * `joinable` before it ends or a change to its page overtakes it; `done`
   * gets the result and whether it is still current.
   */
  function fly<T, R>(
    joinable: Map<string, Shared<R>>,
    key: string,
    work: () => Promise<T>,
    done: (result: T, current: boolean) => R,
  ): Promise<R> {
    const running = joinable.get(key);
    if (running && !running.flight.stale) return running.result;
    const flight = { key, stale: false };
    flights.add(flight);
    const result = (async () => {
      try {
        const value = await work();
        return done(value, !flight.stale);
      } finally {
        flights.delete(flight);
        if (joinable.get(key)?.flight === flight) joinable.delete(key);
      }
    })();
    joinable.set(key, { flight, result });
    return result;
  }

  return {
    get(key) {
      const entry = entries.get(key);
      if (entry) {
        entries.delete(key);
        entries.set(key, entry);
      }
      return entry;
    },
    async load(key, build) {
      const cached = this.get(key);
      if (cached) return cached;
      return fly(building, key, build, (built, current) => {
        const json = Buffer.from(built.json);
        const entry: CachedPage = {
          json,
          hash: createHash('sha256').update(json).digest('base64url').slice(0, 27),
        };
        if (current && built.keep) keep(key, entry);
        return entry;
      });
    },
    async encoded(key, entry, encoding) {
      if (encoding === 'identity') return entry.json;
      const have = entry[encoding];
      if (have) return have;
      // Joined only by requests for this very entry (its hash) in this encoding.
      return fly(
        compressing,
        `${key}\n${entry.hash}\n${encoding}`,
        () =>
          encoding === 'br'
            ? brotli(entry.json, {
                params: {
                  // Compressed once per change and sent many times: worth a high quality.
                  [constants.BROTLI_PARAM_QUALITY]: 9,
                  // A 64 KB window (the default is 4 MB): above 16 bits, quality 9
                  // switches to a hasher with ~25 MB of tables per compression in
                  // flight and took 22 ms instead of 2 for a 45 KB first page, for
                  // the same size (2,763 bytes against 2,762). A reader's browser
                  // decodes with a window this size too.
                  [constants.BROTLI_PARAM_LGWIN]: 16,
                  [constants.BROTLI_PARAM_SIZE_HINT]: entry.json.length,
                },
              })
            : gz(entry.json, { level: 9 }),
        (body, current) => {
          // Only into the entry still cached for this key.
          if (current && entries.get(key) === entry) {
            remove(key);
            entry[encoding] = body;
            keep(key, entry);
          }
          return body;
        },
      );
    },
    invalidate(site, page) {
      const prefix =
        site === null
          ? ''
          : page === null
            ? `${JSON.stringify([site]).slice(0, -1)},`
            : JSON.stringify([site, page]);
      for (const flight of flights) if (flight.key.startsWith(prefix)) flight.stale = true;
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) remove(key);
      for (const key of [...cursors.keys()]) if (key.startsWith(prefix)) cursors.delete(key);
    },
    issue(site, page, cursor) {
      const tag = JSON.stringify([site, page]);
      // Bounded like the entries: past this many pages, start afresh (those
      // cursors still work, they are just built per request until re-issued).
      if (!cursors.has(tag) && cursors.size >= MAX_PAGES_WITH_CURSORS) cursors.clear();
      const set = cursors.get(tag) ?? new Set();
      set.add(cursor);
      cursors.set(tag, set);
    },
    issued: (site, page, cursor) => cursors.get(JSON.stringify([site, page]))?.has(cursor) ?? false,
    size: () => bytes,
  };
}
