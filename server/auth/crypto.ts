import { hash, randomFillSync, timingSafeEqual } from 'node:crypto';

/**
 * Random bytes drawn from the CSPRNG 4 KB at a time, each byte handed out
 * once (as Node's randomUUID() keeps a cache). randomBytes() per call cost
 * 20 µs under load, and every guest post takes two (its id and its author
 * key): ~2% of a post (docs/performance.md).
 */
const pool = Buffer.alloc(4096);
let used = pool.length;

function takeRandom(bytes: number): Buffer {
  if (bytes > pool.length) return randomFillSync(Buffer.alloc(bytes));
  if (used + bytes > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += bytes;
  return pool.subarray(used - bytes, used);
}

/** A random URL-safe secret (256 bits by default). */
export function randomSecret(bytes = 32): string {
  return takeRandom(bytes).toString('base64url');
}

/** base64url SHA-256: how secrets are stored (a leaked table yields no usable token). */
export function sha256(value: string): string {
  // One-shot: no Hash object per call (a guest post hashes its author key).
  return hash('sha256', value, 'base64url');
}

/** Compares two strings in constant time (for secrets and signatures). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
