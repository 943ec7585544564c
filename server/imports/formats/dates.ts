/** Date helpers shared by the formats: every stored date is ISO 8601 UTC. */

/** `2019-03-04 05:06:07` (WordPress's GMT columns) or any ISO 8601 string, as ISO UTC; null if unreadable. */
export function isoFromUtc(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed || trimmed.startsWith('0000-00-00')) return null;
  const sqlLike = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(trimmed);
  const date = new Date(sqlLike ? `${trimmed.replace(' ', 'T')}Z` : trimmed);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Seconds since the epoch (Isso stores floats), as ISO UTC; null if not a number. */
export function isoFromEpochSeconds(value: unknown): string | null {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000).toISOString() : null;
}
