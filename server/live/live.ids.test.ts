import { describe, expect, it } from 'vitest';
import { createLiveIds, LIVE_ID_CHARS, LIVE_ID_MAX_AGE_MS, liveScope } from './live.ids.ts';

const ids = createLiveIds('a secret every instance shares');
const PAGE = liveScope('blog', 'https://blog.example/post');
const NOW = Date.UTC(2026, 10, 30, 5, 0, 0);

describe('live ids', () => {
  it('reads back the position of either log, on the page it was made for', () => {
    for (const position of ['0', '1', '987654', '18446744073709551615', '1764478800000-0', '1-7']) {
      const id = ids.mint(position, PAGE, NOW);
      expect(id).toHaveLength(LIVE_ID_CHARS);
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(ids.read(id, PAGE, NOW)).toBe(position);
      // Another instance with the same secret reads it too.
      expect(createLiveIds('a secret every instance shares').read(id, PAGE, NOW)).toBe(position);
    }
  });

  it('fits what `since` and Last-Event-ID allow', () => {
    expect(LIVE_ID_CHARS).toBeLessThanOrEqual(64);
  });

  it('never shows the position, and two ids of one position differ', () => {
    const a = ids.mint('123456', PAGE, NOW);
    const b = ids.mint('123456', PAGE, NOW);
    expect(a).not.toBe(b);
    expect(a).not.toContain('123456');
    expect(Buffer.from(a, 'base64url').toString('latin1')).not.toContain('123456');
  });

  it('is no id on another page or site, or under another secret', () => {
    const id = ids.mint('42', PAGE, NOW);
    expect(ids.read(id, liveScope('blog', 'https://blog.example/other'), NOW)).toBeNull();
    expect(ids.read(id, liveScope('other', 'https://blog.example/post'), NOW)).toBeNull();
    // The scope's parts can't be shifted between site and page.
    const shifted = ids.mint('42', liveScope('a', 'bc'), NOW);
    expect(ids.read(shifted, liveScope('ab', 'c'), NOW)).toBeNull();
    expect(createLiveIds('another secret').read(id, PAGE, NOW)).toBeNull();
  });

  it('is no id once any character is changed, cut short, lengthened or not base64', () => {
    const id = ids.mint('42', PAGE, NOW);
    for (let i = 0; i < id.length; i++) {
      const swapped = id[i] === 'A' ? 'B' : 'A';
      expect(ids.read(`${id.slice(0, i)}${swapped}${id.slice(i + 1)}`, PAGE, NOW)).toBeNull();
    }
    for (const hostile of [
      id.slice(0, -1),
      id.slice(0, -4),
      `${id}A`,
      `${id.slice(0, -1)}=`,
      `${id.slice(0, -2)}+/`,
      '',
      '0',
      '42',
      '1764478800000-0',
      'x'.repeat(LIVE_ID_CHARS),
      '\u0000'.repeat(LIVE_ID_CHARS),
      'é'.repeat(LIVE_ID_CHARS),
      'A'.repeat(LIVE_ID_CHARS),
      'x'.repeat(100_000),
    ]) {
      expect(ids.read(hostile, PAGE, NOW)).toBeNull();
    }
  });

  it('is no id once older than the limit', () => {
    const id = ids.mint('42', PAGE, NOW);
    expect(ids.read(id, PAGE, NOW + LIVE_ID_MAX_AGE_MS - 1_000)).toBe('42');
    expect(ids.read(id, PAGE, NOW + LIVE_ID_MAX_AGE_MS + 1_000)).toBeNull();
  });

  it('refuses to make an id of something no log hands out', () => {
    expect(() => ids.mint('not-a-position', PAGE, NOW)).toThrow();
    expect(() => ids.mint('18446744073709551615-0', PAGE, NOW)).toThrow();
  });
});
