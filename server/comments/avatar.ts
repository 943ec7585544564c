import { createHash } from 'node:crypto';

/**
 * Gravatar URL for an email: SHA-256 of the trimmed, lower-cased address
 * (Gravatar accepts SHA-256 since 2024), identicon when there is no picture.
 */
export function gravatarUrl(email: string | null): string {
  const hash = createHash('sha256')
    .update((email ?? '').trim().toLowerCase())
    .digest('hex');
  return `https://www.gravatar.com/avatar/${hash}?s=80&d=identicon`;
}
