import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFloodStore } from './checks/flood.ts';
import type { CommentCandidate } from './moderation.types.ts';
import { type PipelineDeps, runPipeline as runPipelineData } from './pipeline.ts';
import { englishReason } from './reasons.ts';
import {
  buildCandidate,
  buildSettings,
  identityAuthor,
  unlimitedFlood,
} from './test/candidates.ts';
import {
  DISCARD_AUTHOR,
  FAKE_AKISMET_KEY,
  type FakeAkismet,
  SPAM_AUTHOR,
  startFakeAkismet,
} from './test/fake-akismet.ts';

let fake: FakeAkismet;
beforeAll(async () => {
  fake = await startFakeAkismet();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.calls.length = 0;
  fake.mode = 'normal';
});

/** Records which store queries the pipeline made. */
function deps(
  overrides: Partial<PipelineDeps> & { approvedBefore?: boolean; duplicate?: boolean } = {},
) {
  const queries: string[] = [];
  const { approvedBefore = true, duplicate = false, ...rest } = overrides;
  const built: PipelineDeps = {
    flood: unlimitedFlood,
    findRecentSameText: async () => {
      queries.push('findRecentSameText');
      return duplicate;
    },
    hasApprovedComment: async () => {
      queries.push('hasApprovedComment');
      return approvedBefore;
    },
    // Generous: on a loaded machine the local fake can take a while; only the
    // timeout test below wants a short one.
    akismet: { endpoint: fake.endpoint, timeoutMs: 10_000, isTest: true },
    ...rest,
  };
  return { deps: built, queries };
}

const withAkismet = { akismetKey: FAKE_AKISMET_KEY };

/** The pipeline's outcome with each reason also in English, as most cases below read it. */
async function runPipeline(...args: Parameters<typeof runPipelineData>) {
  const outcome = await runPipelineData(...args);
  return {
    ...outcome,
    reasons: outcome.reasons.map(({ check, decision, ...detail }) => ({
      check,
      decision,
      reason: englishReason(detail),
    })),
  };
}

describe('the reasons a held comment keeps (issue 10: verdicts as data)', () => {
  it('are codes with parameters, one per rule matched, no prose', async () => {
    const { deps: d } = deps({ approvedBefore: false });
    const settings = buildSettings({
      blocklist: {
        words: ['casino'],
        emails: ['@spam.example'],
        ips: [],
        identities: [],
        action: 'hold',
      },
    });
    const candidate = buildCandidate({
      body: 'casino https://a.example https://b.example',
      author: { email: 'x@spam.example' },
    });
    const outcome = await runPipelineData(candidate, settings, d);
    expect(outcome.decision).toBe('hold');
    expect(outcome.reasons).toEqual([
      {
        check: 'blocklist',
        decision: 'hold',
        code: 'blocklist.word',
        params: { word: 'casino', place: 'comment' },
      },
      {
        check: 'blocklist',
        decision: 'hold',
        code: 'blocklist.email',
        params: { rule: '@spam.example' },
      },
      { check: 'links', decision: 'hold', code: 'links.tooMany', params: { count: 2, limit: 2 } },
      {
        check: 'moderationMode',
        decision: 'hold',
        code: 'moderationMode.firstComment',
        params: { author: 'guest' },
      },
    ]);
  });
});

describe('runPipeline', () => {
  it('approves an ordinary comment from a known author, after asking Akismet', async () => {
    const { deps: d } = deps();
    expect(await runPipeline(buildCandidate(), buildSettings(withAkismet), d)).toEqual({
      decision: 'approve',
      reasons: [],
    });
    expect(fake.calls.map((call) => call.method)).toEqual(['comment-check']);
  });

  it("holds a guest's first comment on a default site", async () => {
    const { deps: d } = deps({ approvedBefore: false });
    expect(await runPipeline(buildCandidate(), buildSettings(), d)).toEqual({
      decision: 'hold',
      reasons: [
        {
          check: 'moderationMode',
          decision: 'hold',
          reason: 'first comment from this email: held until a moderator approves one',
        },
      ],
    });
  });

  it('link-heavy first comment: held, with both reasons for the moderator', async () => {
    const { deps: d } = deps({ approvedBefore: false });
    const candidate = buildCandidate({ body: 'See https://a.example and https://b.example' });
    const outcome = await runPipeline(candidate, buildSettings(withAkismet), d);
    expect(outcome.decision).toBe('hold');
    expect(outcome.reasons.map((r) => r.check)).toEqual(['links', 'moderationMode']);
    expect(outcome.reasons[0]?.reason).toBe('2 links (this site holds comments with 2 or more)');
  });

  it('Akismet spam wins over a hold, and both reasons are kept', async () => {
    const { deps: d } = deps({ approvedBefore: false });
    const candidate = buildCandidate({ author: { name: SPAM_AUTHOR } });
    expect(await runPipeline(candidate, buildSettings(withAkismet), d)).toEqual({
      decision: 'spam',
      reasons: [
        {
          check: 'moderationMode',
          decision: 'hold',
          reason: 'first comment from this email: held until a moderator approves one',
        },
        { check: 'akismet', decision: 'spam', reason: 'Akismet: spam' },
      ],
    });
  });

  it('blocklist action spam files the comment as spam', async () => {
    const { deps: d } = deps();
    const settings = buildSettings({
      blocklist: { words: ['casino'], emails: [], ips: [], identities: [], action: 'spam' },
    });
    const outcome = await runPipeline(buildCandidate({ body: 'casino bonus' }), settings, d);
    expect(outcome).toMatchObject({ decision: 'spam' });
    expect(outcome.reasons).toEqual([
      { check: 'blocklist', decision: 'spam', reason: 'blocked word "casino" in the comment' },
    ]);
  });

  it('honeypot: refused at once, with no query, no flood count and no Akismet call', async () => {
    let floodCounted = 0;
    const { deps: d, queries } = deps({
      flood: {
        consume: async () => {
          floodCounted += 1;
          return { allowed: true };
        },
      },
    });
    const candidate = buildCandidate({ honeypot: 'gotcha', author: { name: SPAM_AUTHOR } });
    expect(await runPipeline(candidate, buildSettings(withAkismet), d)).toEqual({
      decision: 'reject',
      reasons: [{ check: 'honeypot', decision: 'reject', reason: 'hidden field filled: a bot' }],
    });
    expect(fake.calls).toEqual([]);
    expect(queries).toEqual([]);
    expect(floodCounted).toBe(0);
  });

  it('a banned identity is refused before anything else runs', async () => {
    const { deps: d, queries } = deps();
    const settings = buildSettings({
      ...withAkismet,
      blocklist: { words: [], emails: [], ips: [], identities: ['id-9'], action: 'hold' },
    });
    const outcome = await runPipeline(
      buildCandidate({ author: identityAuthor('id-9') }),
      settings,
      d,
    );
    expect(outcome).toMatchObject({ decision: 'reject' });
    expect(outcome.reasons[0]?.reason).toBe('banned: this account cannot comment on this site');
    expect(queries).toEqual([]);
    expect(fake.calls).toEqual([]);
  });

  it('a flood is refused with retryAfterSeconds, before any query or Akismet call', async () => {
    const { deps: d, queries } = deps({
      flood: createFloodStore({
        ip: { points: 1, seconds: 60 },
        author: { points: 100, seconds: 60 },
        site: { points: 100, seconds: 60 },
      }),
    });
    const settings = buildSettings(withAkismet);
    expect((await runPipeline(buildCandidate(), settings, d)).decision).toBe('approve');
    queries.length = 0;
    fake.calls.length = 0;

    const outcome = await runPipeline(buildCandidate({ body: 'again' }), settings, d);
    expect(outcome.decision).toBe('reject');
    expect(outcome.retryAfterSeconds).toBeGreaterThan(0);
    expect(outcome.reasons[0]?.reason).toMatch(/^slow down: .* try again in \d+ s$/);
    expect(queries).toEqual([]);
    expect(fake.calls).toEqual([]);
  });

  it('a duplicate is refused ("you already posted this") without asking Akismet', async () => {
    const asked: CommentCandidate[] = [];
    const { deps: d } = deps({ duplicate: true });
    const outcome = await runPipeline(buildCandidate(), buildSettings(withAkismet), {
      ...d,
      findRecentSameText: async (candidate) => {
        asked.push(candidate);
        return true;
      },
    });
    expect(outcome).toEqual({
      decision: 'reject',
      reasons: [
        { check: 'duplicate', decision: 'reject', reason: 'you already posted this comment' },
      ],
    });
    expect(asked).toHaveLength(1);
    expect(fake.calls).toEqual([]);
  });

  it('Akismet discard: refused with discard set', async () => {
    const { deps: d } = deps();
    const candidate = buildCandidate({ author: { name: DISCARD_AUTHOR } });
    expect(await runPipeline(candidate, buildSettings(withAkismet), d)).toMatchObject({
      decision: 'reject',
      discard: true,
      reasons: [{ check: 'akismet', reason: 'Akismet: blatant spam (discard)' }],
    });
  });

  it.each([
    ['slow', 'Akismet unavailable: no answer within 300 ms'],
    ['error', 'Akismet unavailable: HTTP 500'],
  ] as const)('Akismet %s: held, never published unchecked', async (mode, reason) => {
    fake.mode = mode;
    // The fake answers a slow call after 2 s: 300 ms runs out long before.
    const { deps: d } = deps({
      akismet: { endpoint: fake.endpoint, timeoutMs: 300, isTest: true },
    });
    expect(await runPipeline(buildCandidate(), buildSettings(withAkismet), d)).toEqual({
      decision: 'hold',
      reasons: [{ check: 'akismet', decision: 'hold', reason }],
    });
  });

  it("mode 'all' holds even a known author; too-fast posting adds its own reason", async () => {
    const { deps: d, queries } = deps();
    const outcome = await runPipeline(
      buildCandidate({ formAgeMs: 1200 }),
      buildSettings({ mode: 'all' }),
      d,
    );
    expect(outcome.decision).toBe('hold');
    expect(outcome.reasons.map((r) => r.reason)).toEqual([
      'posted 1.2 s after the form opened (minimum 3 s)',
      'this site holds every comment for review',
    ]);
    expect(queries).toEqual(['findRecentSameText']);
  });

  it('publishes a fast comment with nothing else against it (speed alone never holds)', async () => {
    const { deps: d } = deps();
    expect(
      await runPipeline(buildCandidate({ formAgeMs: 1200 }), buildSettings({ mode: 'none' }), d),
    ).toEqual({ decision: 'approve', reasons: [] });
  });

  it("mode 'none' with no Akismet key publishes a plain comment without Akismet", async () => {
    const { deps: d } = deps({ approvedBefore: false });
    expect(await runPipeline(buildCandidate(), buildSettings({ mode: 'none' }), d)).toEqual({
      decision: 'approve',
      reasons: [],
    });
    expect(fake.calls).toEqual([]);
  });
});
