import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCandidate, ctx, identityAuthor } from '../test/candidates.ts';
import {
  DISCARD_AUTHOR,
  DOCUMENTED_FIELDS,
  FAKE_AKISMET_KEY,
  type FakeAkismet,
  SPAM_AUTHOR,
  startFakeAkismet,
} from '../test/fake-akismet.ts';
import {
  AkismetUnavailableError,
  akismetCheck,
  checkWithAkismet,
  submitHam,
  submitSpam,
} from './akismet.ts';

let fake: FakeAkismet;
beforeAll(async () => {
  fake = await startFakeAkismet();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.calls.length = 0;
  fake.mode = 'normal';
});

// Generous by default: on a loaded machine the local fake can take a while;
// only the timeout test asks for a short one (the fake answers slow calls after 2 s).
const options = (timeoutMs = 10_000) => ({ endpoint: fake.endpoint, timeoutMs, isTest: true });

describe('akismet check', () => {
  it('says nothing and calls nobody when the site has no key', async () => {
    const verdict = await akismetCheck(options())(ctx({}, { akismetKey: null }));
    expect(verdict).toMatchObject({
      decision: 'approve',
      check: 'akismet',
      reason: 'Akismet not configured',
    });
    expect(fake.calls).toEqual([]);
  });

  it('sends every documented field, form-encoded, and lets ham through', async () => {
    const candidate = buildCandidate({
      body: 'Thanks for the write-up!',
      author: { name: 'Ada', email: 'ada@example.com', website: 'https://ada.example/' },
      referrer: 'https://blog.example/',
    });
    expect(await checkWithAkismet(candidate, FAKE_AKISMET_KEY, options())).toMatchObject({
      decision: 'approve',
      check: 'akismet',
      reason: 'Akismet: not spam',
    });
    expect(fake.calls).toHaveLength(1);
    const [call] = fake.calls;
    expect(call?.method).toBe('comment-check');
    expect(call?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.keys(call?.fields ?? {})).toEqual(expect.arrayContaining([...DOCUMENTED_FIELDS]));
    expect(call?.fields).toMatchObject({
      api_key: FAKE_AKISMET_KEY,
      blog: 'https://blog.example',
      user_ip: '203.0.113.7',
      user_agent: 'Mozilla/5.0 (X11; Linux x86_64)',
      referrer: 'https://blog.example/',
      permalink: 'https://blog.example/posts/hello',
      comment_type: 'comment',
      comment_author: 'Ada',
      comment_author_email: 'ada@example.com',
      comment_author_url: 'https://ada.example/',
      comment_content: 'Thanks for the write-up!',
      is_test: '1',
    });
  });

  it("sends a signed-in reader's profile URL, and no is_test unless configured", async () => {
    await checkWithAkismet(buildCandidate({ author: identityAuthor() }), FAKE_AKISMET_KEY, {
      endpoint: fake.endpoint,
    });
    expect(fake.calls[0]?.fields).toMatchObject({
      comment_author: 'Grace',
      comment_author_email: 'grace@example.com',
      comment_author_url: 'https://grace.example',
    });
    expect(fake.calls[0]?.fields).not.toHaveProperty('is_test');
  });

  it('files what Akismet calls spam as spam', async () => {
    const verdict = await akismetCheck(options())(
      ctx({ author: { name: SPAM_AUTHOR } }, { akismetKey: FAKE_AKISMET_KEY }),
    );
    expect(verdict).toMatchObject({ decision: 'spam', check: 'akismet', reason: 'Akismet: spam' });
  });

  it('refuses with discard when Akismet says X-akismet-pro-tip: discard', async () => {
    const verdict = await akismetCheck(options())(
      ctx({ author: { name: DISCARD_AUTHOR } }, { akismetKey: FAKE_AKISMET_KEY }),
    );
    expect(verdict).toMatchObject({
      decision: 'reject',
      check: 'akismet',
      reason: 'Akismet: blatant spam (discard)',
      discard: true,
    });
  });

  it('holds when Akismet is slow (timeout)', async () => {
    fake.mode = 'slow';
    const started = Date.now();
    const verdict = await checkWithAkismet(buildCandidate(), FAKE_AKISMET_KEY, options(300));
    expect(verdict).toMatchObject({
      decision: 'hold',
      check: 'akismet',
      reason: 'Akismet unavailable: no answer within 300 ms',
    });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('holds when Akismet answers 500', async () => {
    fake.mode = 'error';
    expect(await checkWithAkismet(buildCandidate(), FAKE_AKISMET_KEY, options())).toMatchObject({
      decision: 'hold',
      reason: 'Akismet unavailable: HTTP 500',
    });
  });

  it('holds when Akismet cannot be reached at all', async () => {
    const verdict = await checkWithAkismet(buildCandidate(), FAKE_AKISMET_KEY, {
      endpoint: 'http://127.0.0.1:1',
      timeoutMs: 1000,
    });
    expect(verdict.decision).toBe('hold');
    expect(verdict.reason).toMatch(/^Akismet unavailable: request failed/);
  });

  it('holds on a bad key, passing on what Akismet said was wrong', async () => {
    expect(await checkWithAkismet(buildCandidate(), 'wrong-key', options())).toMatchObject({
      decision: 'hold',
      reason:
        'Akismet unavailable: invalid API key or request: We were unable to verify your API key.',
    });
  });

  it('holds on an answer that is neither true nor false', async () => {
    const verdict = await checkWithAkismet(
      buildCandidate({ ip: null }),
      FAKE_AKISMET_KEY,
      options(),
    );
    expect(verdict).toMatchObject({
      decision: 'hold',
      reason:
        'Akismet unavailable: unexpected answer "Missing required field: user_ip.": Empty "user_ip" value',
    });
  });
});

describe('akismet submit-spam / submit-ham', () => {
  it('sends the same fields to submit-spam and submit-ham', async () => {
    const candidate = buildCandidate({ body: 'Missed spam' });
    await submitSpam(candidate, FAKE_AKISMET_KEY, options());
    await submitHam(candidate, FAKE_AKISMET_KEY, options());
    expect(fake.calls.map((call) => call.method)).toEqual(['submit-spam', 'submit-ham']);
    for (const call of fake.calls) {
      expect(Object.keys(call.fields)).toEqual(expect.arrayContaining([...DOCUMENTED_FIELDS]));
      expect(call.fields).toMatchObject({ comment_content: 'Missed spam', user_ip: '203.0.113.7' });
    }
  });

  it('throws AkismetUnavailableError when Akismet does not confirm', async () => {
    await expect(submitHam(buildCandidate(), 'wrong-key', options())).rejects.toThrow(
      AkismetUnavailableError,
    );
    fake.mode = 'error';
    await expect(submitSpam(buildCandidate(), FAKE_AKISMET_KEY, options())).rejects.toThrow(
      'HTTP 500',
    );
  });
});
