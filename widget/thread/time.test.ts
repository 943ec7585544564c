import { describe, expect, it } from 'vitest';
import { exactTime, timeAgo } from './time.ts';

const NOW = Date.parse('2025-06-15T12:00:00Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

describe('timeAgo', () => {
  it.each([
    [0, 'just now'],
    [59, 'just now'],
    [-120, 'just now'], // the reader's clock is behind the server's
    [60, '1 minute ago'],
    [5 * 60 + 30, '5 minutes ago'],
    [3600, '1 hour ago'],
    [3 * 86400, '3 days ago'],
    [14 * 86400, '2 weeks ago'],
    [65 * 86400, '2 months ago'],
    [800 * 86400, '2 years ago'],
  ])('%i seconds ago → %s', (seconds, text) => {
    expect(timeAgo(ago(seconds), NOW)).toBe(text);
  });

  it('gives the exact date for the tooltip', () => {
    expect(exactTime('2025-06-15T12:00:00Z')).toMatch(/2025/);
  });
});
