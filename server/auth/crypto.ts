import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random URL-safe secret (256 bits by default). */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** base64url SHA-256: how secrets are stored (a leaked table yields no usable token). */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** Compares two strings in constant time (for secrets and signatures). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
