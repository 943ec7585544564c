/**
 * Serves avatars from Parley's origin (issue 12: no third-party requests).
 * A provider picture is fetched once through the guarded proxy and kept; a
 * guest gets a picture drawn here, or their Gravatar (fetched by Parley)
 * where the site turned Gravatar on. A picture that can't be fetched is
 * replaced by the drawn one: it never blocks a sign-in or a comment, both of
 * which only record the key.
 */
import type { Logger } from '../logger.ts';
import { findSite } from '../sites/site.repository.ts';
import type { AvatarRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import type { AddressPolicy } from './address-policy.ts';
import { findAvatar, markAvatarFailed, saveFetchedAvatar } from './avatar.repository.ts';
import { generatedAvatarSvg } from './generated-avatar.ts';
import { fetchImage } from './image-fetch.ts';

/** Pictures larger than this are not avatars; refused while reading. */
export const MAX_AVATAR_BYTES = 256 * 1024;
/** For one picture, redirects included. */
export const AVATAR_FETCH_TIMEOUT_MS = 5_000;
/** A failed upstream is tried again after this long, not on every view. */
const RETRY_FAILED_MS = 24 * 3600_000;

export interface ServedAvatar {
  readonly contentType: string;
  readonly body: Buffer | string;
  /** Whether this is the final picture (cache long) or a stand-in (cache briefly). */
  readonly final: boolean;
}

export interface AvatarService {
  /** The image for a key, or null for an unknown key. */
  serve(key: string): Promise<ServedAvatar | null>;
  /** Starts fetching a picture in the background (after a sign-in); never rejects. */
  prefetch(key: string): void;
}

export function createAvatarService(
  db: Db,
  options: { policy: AddressPolicy; logger: Pick<Logger, 'warn' | 'debug'> },
): AvatarService {
  // One upstream fetch per key at a time in this process.
  const inFlight = new Map<string, Promise<ServedAvatar | null>>();

  const drawn = (row: AvatarRow, final: boolean): ServedAvatar => ({
    contentType: 'image/svg+xml',
    body: generatedAvatarSvg(row.key, row.initials),
    final,
  });

  async function upstreamFor(row: AvatarRow): Promise<string | null> {
    if (!row.source_url) return null;
    if (row.kind === 'picture') return row.source_url;
    // A guest's Gravatar only where the site asks for it.
    const site = row.site_id ? await findSite(db, row.site_id) : undefined;
    return site?.settings.gravatar ? row.source_url : null;
  }

  async function fetchAndKeep(row: AvatarRow, upstream: string): Promise<ServedAvatar> {
    const result = await fetchImage(upstream, {
      policy: options.policy,
      maxBytes: MAX_AVATAR_BYTES,
      timeoutMs: AVATAR_FETCH_TIMEOUT_MS,
    });
    const now = new Date().toISOString();
    if (!result.ok) {
      // The URL can carry an email hash: log the reason, not the address.
      options.logger.debug({ key: row.key, reason: result.reason }, 'avatar fetch failed');
      await markAvatarFailed(db, row.key, now);
      return drawn(row, false);
    }
    await saveFetchedAvatar(
      db,
      row.key,
      { contentType: result.type, body: result.body.toString('base64') },
      now,
    );
    return { contentType: result.type, body: result.body, final: true };
  }

  async function resolve(key: string): Promise<ServedAvatar | null> {
    const row = await findAvatar(db, key);
    if (!row) return null;
    const upstream = await upstreamFor(row);
    if (!upstream) return drawn(row, true);
    // Cached only for the upstream it was fetched from (a site may turn Gravatar off).
    if (row.body && row.content_type) {
      return { contentType: row.content_type, body: Buffer.from(row.body, 'base64'), final: true };
    }
    if (row.failed_at && Date.now() - Date.parse(row.failed_at) < RETRY_FAILED_MS) {
      return drawn(row, false);
    }
    return fetchAndKeep(row, upstream);
  }

  function once(key: string): Promise<ServedAvatar | null> {
    const running = inFlight.get(key);
    if (running) return running;
    const started = resolve(key).finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  }

  return {
    serve: once,
    prefetch(key) {
      once(key).catch((err: unknown) => options.logger.warn({ err }, 'avatar prefetch failed'));
    },
  };
}
