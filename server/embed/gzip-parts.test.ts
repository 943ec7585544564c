import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { assembleGzip, assembleIdentity, deflatePart } from './gzip-parts.ts';

describe('gzip assembled from parts', () => {
  it('decompresses to the parts in order, whichever are deflated once and which stored', () => {
    const shared = deflatePart(`{"comments":[${'{"html":"<p>a comment</p>"},'.repeat(2000)}{}]}`);
    const words = deflatePart('{"count.some":"{count} comments"}');
    const parts = ['<!doctype html><p data-token="1.abc">', shared, '</p>', words, 'ü€😀', shared];
    const body = assembleGzip(parts);
    const expected = assembleIdentity(parts).toString();
    // gunzip checks the CRC-32 and the length in the trailer as well.
    expect(gunzipSync(body).toString()).toBe(expected);
    expect(expected).toContain('ü€😀');
    // The shared parts are compressed; the whole is far smaller than the text.
    expect(body.length).toBeLessThan(expected.length / 10);
  });

  it('stores a per-request part larger than one stored block (64 KiB)', () => {
    const big = 'x'.repeat(150_000);
    expect(gunzipSync(assembleGzip([big, deflatePart('end')])).toString()).toBe(`${big}end`);
    expect(gunzipSync(assembleGzip([])).toString()).toBe('');
  });
});
