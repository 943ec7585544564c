import { describe, expect, it } from 'vitest';
import { refusal } from './comment.moderation.ts';

const flood = (retryAfterSeconds: number) =>
  refusal({
    decision: 'reject',
    reasons: [
      {
        check: 'flood',
        decision: 'reject',
        code: 'flood.tooMany',
        params: { count: 1, scopes: ['ip'] },
      },
    ],
    retryAfterSeconds,
  });

describe('the refusal a flooding author reads', () => {
  it('says "1 second", not "1 seconds"', () => {
    expect(flood(1).message).toBe("You're commenting fast: please wait 1 second and try again.");
    expect(flood(1).headers).toEqual({ 'Retry-After': '1' });
  });

  it('says "12 seconds" for more than one', () => {
    expect(flood(12).message).toBe("You're commenting fast: please wait 12 seconds and try again.");
  });
});
