import { describe, expect, it } from 'vitest';
import { ctx } from '../test/candidates.ts';
import { formAgeCheck } from './form-age.ts';

describe('form age', () => {
  it('lets a comment typed at human speed through', () => {
    expect(formAgeCheck(ctx({ formAgeMs: 3000 }, { minFormSeconds: 3 }))).toMatchObject({
      decision: 'approve',
    });
  });

  it('holds a fast comment with a link in it, saying how fast', () => {
    const fast = ctx({ formAgeMs: 800, body: 'Cheap at https://x.example' }, { minFormSeconds: 3 });
    expect(formAgeCheck(fast)).toMatchObject({
      decision: 'hold',
      check: 'formAge',
      reason: 'posted 0.8 s after the form opened (minimum 3 s)',
    });
  });

  it('holds a fast comment sent without a User-Agent', () => {
    expect(
      formAgeCheck(ctx({ formAgeMs: 800, userAgent: null }, { minFormSeconds: 3 })),
    ).toMatchObject({ decision: 'hold' });
  });

  it('marks speed alone as a signal that holds only beside another objection', () => {
    expect(formAgeCheck(ctx({ formAgeMs: 800 }, { minFormSeconds: 3 }))).toMatchObject({
      decision: 'hold',
      check: 'formAge',
      reason: 'posted 0.8 s after the form opened (minimum 3 s)',
      onlyWithOthers: true,
    });
  });

  it('holds a comment with no form timing (posted without the form)', () => {
    expect(formAgeCheck(ctx({ formAgeMs: null }))).toMatchObject({
      decision: 'hold',
      reason: 'no form timing: posted without the form',
    });
  });

  it('checks nothing when the site sets the minimum to 0', () => {
    expect(formAgeCheck(ctx({ formAgeMs: null }, { minFormSeconds: 0 }))).toMatchObject({
      decision: 'approve',
    });
  });
});
