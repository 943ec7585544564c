import { describe, expect, it } from 'vitest';
import { ctx, identityAuthor } from '../test/candidates.ts';
import { moderationModeCheck } from './moderation-mode.ts';

const neverApproved = moderationModeCheck(async () => false);
const approvedBefore = moderationModeCheck(async () => true);

describe('moderation mode', () => {
  it("'none' publishes without asking the store", async () => {
    const check = moderationModeCheck(() => {
      throw new Error('must not be asked');
    });
    expect(await check(ctx({}, { mode: 'none' }))).toMatchObject({ decision: 'approve' });
  });

  it("'all' holds every comment, even from a known author", async () => {
    expect(await approvedBefore(ctx({}, { mode: 'all' }))).toMatchObject({
      decision: 'hold',
      check: 'moderationMode',
      reason: 'this site holds every comment for review',
    });
  });

  it("'first-time' holds a guest's first comment, naming the email as the reason", async () => {
    expect(await neverApproved(ctx({}, { mode: 'first-time' }))).toMatchObject({
      decision: 'hold',
      check: 'moderationMode',
      reason: 'first comment from this email: held until a moderator approves one',
    });
  });

  it("'first-time' holds a signed-in reader's first comment, naming the account", async () => {
    const verdict = await neverApproved(ctx({ author: identityAuthor() }, { mode: 'first-time' }));
    expect(verdict.reason).toBe(
      'first comment from this account: held until a moderator approves one',
    );
  });

  it("'first-time' publishes once the author has an approved comment", async () => {
    expect(await approvedBefore(ctx({}, { mode: 'first-time' }))).toMatchObject({
      decision: 'approve',
    });
  });

  it("defaults to 'first-time'", async () => {
    expect((await neverApproved(ctx())).decision).toBe('hold');
  });
});
