import { describe, expect, it } from 'vitest';
import { combine } from './combine.ts';
import type { Verdict } from './moderation.types.ts';

const v = (
  decision: Verdict['decision'],
  check: Verdict['check'],
  reason: string = check,
): Verdict => ({
  decision,
  check,
  reason,
});

describe('combine', () => {
  it('approves when every check approves (or none ran), with no reasons', () => {
    expect(combine([])).toEqual({ decision: 'approve', reasons: [] });
    expect(combine([v('approve', 'links'), v('approve', 'akismet')])).toEqual({
      decision: 'approve',
      reasons: [],
    });
  });

  it.each([
    [['hold', 'approve'], 'hold'],
    [['hold', 'spam', 'approve'], 'spam'],
    [['spam', 'reject', 'hold'], 'reject'],
    [['reject', 'spam'], 'reject'],
  ] as const)('%j → %s (reject > spam > hold > approve)', (decisions, expected) => {
    const verdicts = decisions.map((decision) => v(decision, 'links'));
    expect(combine(verdicts).decision).toBe(expected);
  });

  it('keeps every non-approve reason in order, with its decision', () => {
    expect(
      combine([
        v('hold', 'links', '3 links'),
        v('approve', 'blocklist', 'nothing blocked'),
        v('spam', 'akismet', 'Akismet: spam'),
      ]).reasons,
    ).toEqual([
      // Verdicts without codes keep their English as text.
      { check: 'links', decision: 'hold', code: 'legacy', params: { text: '3 links' } },
      { check: 'akismet', decision: 'spam', code: 'legacy', params: { text: 'Akismet: spam' } },
    ]);
  });

  it('carries retryAfterSeconds (the longest) and discard', () => {
    const outcome = combine([
      { ...v('reject', 'flood'), retryAfterSeconds: 12 },
      { ...v('reject', 'flood'), retryAfterSeconds: 40 },
      { ...v('reject', 'akismet'), discard: true },
    ]);
    expect(outcome).toMatchObject({ decision: 'reject', retryAfterSeconds: 40, discard: true });
  });
});
