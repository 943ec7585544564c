/**
 * The SSE ids a live stream sends (`id:`, sent back as `Last-Event-ID`) and
 * the iframe page's `liveFrom`: opaque, and good only on the page they were
 * made for. The event log's positions count every site's writes, so sending
 * them as they are told anyone watching a public page how busy the whole
 * server is (other sites' posts, moderation, imports), and let a crafted
 * `Last-Event-ID` probe positions (docs/security.md, "Live update ids").
 *
 * An id is AES-256-GCM under a key derived from AUTH_SECRET (so every
 * instance reads every other's ids) of the position and when the id was
 * made, with the site and page as associated data: another page's id, or a
 * changed byte, fails authentication. The nonce is random, so even two ids
 * of one position differ and no two ids can be compared.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** The site and page an id is bound to (GCM's associated data); make one per page. */
export type LiveScope = Buffer & { readonly __liveScope: true };

export function liveScope(site: string, page: string): LiveScope {
  // JSON, so no page key can spell another site's and page's bytes.
  return Buffer.from(JSON.stringify([site, page])) as LiveScope;
}

/**
 * An id older than this is no id: the reader reloads the thread. It bounds
 * what a kept id can tell: whether the log (a fixed number of events, every
 * site's) still holds its position, i.e. roughly how busy the server was
 * since; a reader gone longer than this reloads anyway.
 */
export const LIVE_ID_MAX_AGE_MS = 60 * 60_000;

const NONCE = 12;
const TAG = 16;
/** Made at (u32 seconds), then the position's two halves (u64 each). */
const PLAIN = 4 + 8 + 8;
/** base64url of nonce + ciphertext + tag: 48 bytes, 64 characters, no padding. */
export const LIVE_ID_CHARS = ((NONCE + PLAIN + TAG) / 3) * 4;
const SHAPE = new RegExp(`^[A-Za-z0-9_-]{${LIVE_ID_CHARS}}$`);

/** The memory log's outbox ids ("123"; "0" is its beginning) and Redis stream ids ("ms-seq"). */
const OUTBOX_ID = /^\d{1,20}$/;
const STREAM_ID = /^(\d{1,20})-(\d{1,20})$/;
const U64 = (1n << 64n) - 1n;
/**
 * The first half of an outbox id: no stream id has it (its milliseconds would
 * be 584 million years from now), so the two kinds need no byte of their own
 * and an id fits the 64 characters `since` and `Last-Event-ID` allow.
 */
const OUTBOX = U64;

export interface LiveIds {
  /** The id `scope`'s streams send for log position `position` (one encryption). */
  mint(position: string, scope: LiveScope, now?: number): string;
  /**
   * The position `id` was made for, or null when it is no id of this page:
   * made for another page or site, under another secret, changed, cut short,
   * not an id at all, or older than LIVE_ID_MAX_AGE_MS. Never throws.
   */
  read(id: string, scope: LiveScope, now?: number): string | null;
}

function encode(position: string, madeAt: number): Buffer {
  const stream = STREAM_ID.exec(position);
  let hi = OUTBOX;
  let lo: bigint;
  if (stream) {
    hi = BigInt(stream[1] as string);
    lo = BigInt(stream[2] as string);
    if (hi >= OUTBOX) throw new Error('event log position out of range');
  } else if (OUTBOX_ID.test(position)) {
    lo = BigInt(position);
  } else {
    // Both logs hand out only these shapes (memory-log.ts, redis-log.ts).
    throw new Error(`not an event log position: ${position.slice(0, 40)}`);
  }
  if (lo > U64) throw new Error('event log position out of range');
  const plain = Buffer.alloc(PLAIN);
  plain.writeUInt32BE(Math.floor(madeAt / 1000) >>> 0, 0);
  plain.writeBigUInt64BE(hi, 4);
  plain.writeBigUInt64BE(lo, 12);
  return plain;
}

function decode(plain: Buffer, now: number): string | null {
  const madeAt = plain.readUInt32BE(0) * 1000;
  // Made by a peer whose clock runs ahead is fine; too old is not.
  if (now - madeAt > LIVE_ID_MAX_AGE_MS) return null;
  const hi = plain.readBigUInt64BE(4);
  const lo = plain.readBigUInt64BE(12);
  return hi === OUTBOX ? String(lo) : `${hi}-${lo}`;
}

/** The ids of every instance sharing `secret` (AUTH_SECRET). */
export function createLiveIds(secret: string): LiveIds {
  // A key of its own, so nothing made here can pass as a session's or a link's MAC.
  const key = createHmac('sha256', secret).update('parley live event ids v1').digest();
  return {
    mint(position, scope, now = Date.now()) {
      const nonce = randomBytes(NONCE);
      const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG });
      cipher.setAAD(scope);
      const sealed = Buffer.concat([nonce, cipher.update(encode(position, now)), cipher.final()]);
      return Buffer.concat([sealed, cipher.getAuthTag()]).toString('base64url');
    },
    read(id, scope, now = Date.now()) {
      // Buffer.from() skips what is not base64: only the exact shape is read.
      if (!SHAPE.test(id)) return null;
      const bytes = Buffer.from(id, 'base64url');
      if (bytes.length !== NONCE + PLAIN + TAG) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE), {
          authTagLength: TAG,
        });
        decipher.setAAD(scope);
        decipher.setAuthTag(bytes.subarray(NONCE + PLAIN));
        const plain = Buffer.concat([
          decipher.update(bytes.subarray(NONCE, NONCE + PLAIN)),
          decipher.final(),
        ]);
        return decode(plain, now);
      } catch {
        // Authentication failed: another page's id, another secret's, or changed.
        return null;
      }
    },
  };
}
