import { describe, expect, it } from 'vitest';
import { ctx } from '../test/candidates.ts';
import { honeypotCheck } from './honeypot.ts';

describe('honeypot', () => {
  it('lets a comment with the hidden field empty or absent through', () => {
    expect(honeypotCheck(ctx({ honeypot: '' }))).toMatchObject({ decision: 'approve' });
    expect(honeypotCheck(ctx({ honeypot: undefined }))).toMatchObject({ decision: 'approve' });
    expect(honeypotCheck(ctx({ honeypot: '  ' }))).toMatchObject({ decision: 'approve' });
  });

  it('refuses a comment whose hidden field a bot filled', () => {
    expect(honeypotCheck(ctx({ honeypot: 'http://cheap.example' }))).toMatchObject({
      decision: 'reject',
      check: 'honeypot',
      reason: 'hidden field filled: a bot',
    });
  });
});
