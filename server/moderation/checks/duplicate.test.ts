import { describe, expect, it } from 'vitest';
import type { CommentCandidate } from '../moderation.types.ts';
import { ctx } from '../test/candidates.ts';
import { duplicateCheck } from './duplicate.ts';

describe('duplicate', () => {
  it('refuses the same text from the same author again, asking the store with the candidate', async () => {
    const asked: CommentCandidate[] = [];
    const check = duplicateCheck(async (candidate) => {
      asked.push(candidate);
      return true;
    });
    const context = ctx({ body: 'First!' });
    expect(await check(context)).toMatchObject({
      decision: 'reject',
      check: 'duplicate',
      reason: 'you already posted this comment',
    });
    expect(asked).toEqual([context.candidate]);
  });

  it('lets new text through', async () => {
    expect(await duplicateCheck(async () => false)(ctx())).toMatchObject({ decision: 'approve' });
  });
});
