import { describe, expect, it } from 'vitest';
import { emailTokenMatches, openEmailToken, signEmailToken } from './email-token.ts';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const claims = {
  purpose: 'subscription.unsubscribe',
  siteId: 'blog',
  subject: 'sub1',
  expiresAt: null,
};
const expected = { purpose: 'subscription.unsubscribe', siteId: 'blog' };

describe('email link tokens', () => {
  it('open for their purpose and site, and match the address they were sent to only', () => {
    const token = signEmailToken(SECRET, claims, 'Reader@Example.com');
    expect(openEmailToken(token, expected)).toEqual({ ok: true, claims });
    expect(emailTokenMatches(SECRET, token, 'reader@example.com')).toBe(true);
    expect(emailTokenMatches(SECRET, token, 'other@example.com')).toBe(false);
    expect(
      emailTokenMatches('another-secret-of-thirty-two-characters!', token, 'reader@example.com'),
    ).toBe(false);
  });

  it('refuse another purpose, another site, and an expired link', () => {
    const token = signEmailToken(SECRET, claims, 'r@example.com');
    expect(openEmailToken(token, { ...expected, purpose: 'subscription.confirm' })).toMatchObject({
      ok: false,
      reason: 'wrong_purpose',
    });
    expect(openEmailToken(token, { ...expected, siteId: 'other' })).toMatchObject({
      ok: false,
      reason: 'wrong_site',
    });
    const dated = signEmailToken(SECRET, { ...claims, expiresAt: 1_000 }, 'r@example.com');
    expect(openEmailToken(dated, { ...expected, now: 999 })).toMatchObject({ ok: true });
    expect(openEmailToken(dated, { ...expected, now: 1_000 })).toMatchObject({
      ok: false,
      reason: 'expired',
    });
  });

  it('do not survive a claim rewritten by hand (the signature covers it)', () => {
    const token = signEmailToken(SECRET, claims, 'r@example.com');
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ p: claims.purpose, s: 'blog', i: 'sub2', e: null })).toString('base64url')}.${signature}`;
    expect(openEmailToken(forged, expected)).toMatchObject({ ok: true });
    expect(emailTokenMatches(SECRET, forged, 'r@example.com')).toBe(false);
  });

  it.each([
    ['not a string', 42],
    ['empty', ''],
    ['no signature', 'abc'],
    ['three parts', 'a.b.c'],
    ['not JSON', `${Buffer.from('{').toString('base64url')}.x`],
    ['wrong fields', `${Buffer.from('{"p":1}').toString('base64url')}.x`],
    ['huge', `${'a'.repeat(5000)}.b`],
  ])('treat %s as malformed', (_name, token) => {
    expect(openEmailToken(token, expected)).toEqual({ ok: false, reason: 'malformed' });
  });
});
