import { describe, expect, it } from 'vitest';
import { DEFAULT_MODERATION_SETTINGS, ModerationSettings } from './moderation-settings.schema.ts';

describe('moderation settings', () => {
  it('defaults: first-time moderation, hold at 2 links, 3 s minimum, no blocklist, no Akismet', () => {
    expect(DEFAULT_MODERATION_SETTINGS).toEqual({
      mode: 'first-time',
      linkLimit: 2,
      blocklist: { words: [], emails: [], ips: [], identities: [], action: 'hold' },
      minFormSeconds: 3,
      akismetKey: null,
    });
  });

  it('accepts IPv4/IPv6 addresses and CIDR ranges, exact emails and @domains', () => {
    const settings = ModerationSettings.parse({
      blocklist: {
        ips: ['203.0.113.7', '10.0.0.0/8', '2001:db8::/32', '::1'],
        emails: ['Someone@Example.com', '@spam.example'],
      },
    });
    expect(settings.blocklist.emails).toEqual(['someone@example.com', '@spam.example']);
    expect(settings.blocklist.ips).toHaveLength(4);
  });

  it.each([['10.0.0.0/33'], ['2001:db8::/129'], ['example.com'], ['1.2.3.4/8/9'], ['1.2.3.4/x']])(
    'refuses the IP rule %j',
    (rule) => {
      expect(ModerationSettings.safeParse({ blocklist: { ips: [rule] } }).success).toBe(false);
    },
  );

  it('refuses an email rule without @', () => {
    expect(ModerationSettings.safeParse({ blocklist: { emails: ['spam.example'] } }).success).toBe(
      false,
    );
  });
});
