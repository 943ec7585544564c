import { describe, expect, it } from 'vitest';
import { newId } from '../store/ids.ts';
import { randomSecret } from './crypto.ts';

describe('random secrets from the pool', () => {
  it('hands out each draw once, across many refills of the pool', () => {
    // 3,000 ids of 9 bytes and secrets of 32: several 4 KB refills, no two alike.
    const seen = new Set<string>();
    for (let i = 0; i < 3_000; i++) {
      seen.add(newId());
      seen.add(randomSecret());
    }
    expect(seen.size).toBe(6_000);
  });

  it('has the asked length, also over the pool’s size', () => {
    expect(newId()).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(randomSecret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(randomSecret(5_000), 'base64url')).toHaveLength(5_000);
  });
});
