import { describe, expect, it } from 'vitest';
import type { ModerationSettings } from '../moderation.types.ts';
import { ctx, identityAuthor } from '../test/candidates.ts';
import { blocklistCheck, matchEmailRule, matchIpRule, matchWord } from './blocklist.ts';

function blocklist(rules: Partial<ModerationSettings['blocklist']>): Partial<ModerationSettings> {
  return {
    blocklist: { words: [], emails: [], ips: [], identities: [], action: 'hold', ...rules },
  };
}

describe('matchWord', () => {
  it('matches whole words and phrases, case-insensitively', () => {
    expect(matchWord('Visit our CASINO today', ['casino'])).toBe('casino');
    expect(matchWord('cheap   pills here', ['cheap pills'])).toBe('cheap pills');
    expect(matchWord('casinos are fun', ['casino'])).toBeUndefined();
    expect(matchWord('a classic', ['ass'])).toBeUndefined();
  });

  it('treats letters of any script as word characters and allows symbols in rules', () => {
    expect(matchWord('Ça coûte très cher', ['très'])).toBe('très');
    expect(matchWord('trèsbien', ['très'])).toBeUndefined();
    expect(matchWord('earn $$$ fast', ['$$$'])).toBe('$$$');
  });

  it('answers the same for each text, however often a rule was used before', () => {
    const words = ['casino', '  ', 'cheap pills'];
    for (let i = 0; i < 3; i++) {
      expect(matchWord('casino night', words)).toBe('casino');
      expect(matchWord('the casino', words)).toBe('casino');
      expect(matchWord('no match here', words)).toBeUndefined();
      expect(matchWord('cheap\npills', words)).toBe('cheap pills');
    }
  });
});

describe('matchEmailRule', () => {
  it('matches exact addresses case-insensitively', () => {
    expect(matchEmailRule('Spammer@Example.com', ['spammer@example.com'])).toBe(
      'spammer@example.com',
    );
    expect(matchEmailRule('other@example.com', ['spammer@example.com'])).toBeUndefined();
  });

  it('matches @domain rules for the domain and its subdomains only', () => {
    expect(matchEmailRule('x@spam.example', ['@spam.example'])).toBe('@spam.example');
    expect(matchEmailRule('x@mail.spam.example', ['@spam.example'])).toBe('@spam.example');
    expect(matchEmailRule('x@notspam.example', ['@spam.example'])).toBeUndefined();
  });
});

describe('matchIpRule', () => {
  const rules = ['198.51.100.0/24', '203.0.113.7', '2001:db8::/32', 'not an ip', '10.0.0.0/99'];

  it('matches IPv4 CIDR ranges and single addresses', () => {
    expect(matchIpRule('198.51.100.200', rules)).toBe('198.51.100.0/24');
    expect(matchIpRule('203.0.113.7', rules)).toBe('203.0.113.7');
    expect(matchIpRule('203.0.113.8', rules)).toBeUndefined();
  });

  it('matches IPv6 ranges, and IPv4-mapped IPv6 addresses as IPv4', () => {
    expect(matchIpRule('2001:db8:1::5', rules)).toBe('2001:db8::/32');
    expect(matchIpRule('2001:db9::1', rules)).toBeUndefined();
    expect(matchIpRule('::ffff:198.51.100.9', rules)).toBe('198.51.100.0/24');
  });

  it('answers the same for each address, however often a rule was used before', () => {
    for (let i = 0; i < 3; i++) {
      expect(matchIpRule('198.51.100.1', rules)).toBe('198.51.100.0/24');
      expect(matchIpRule('192.0.2.1', rules)).toBeUndefined();
      expect(matchIpRule('2001:db8::1', rules)).toBe('2001:db8::/32');
    }
  });

  it('ignores malformed rules and addresses', () => {
    expect(matchIpRule('10.1.2.3', rules)).toBeUndefined();
    expect(matchIpRule('unknown', rules)).toBeUndefined();
  });
});

describe('blocklist', () => {
  it('lets a comment matching nothing through', () => {
    const settings = blocklist({
      words: ['casino'],
      emails: ['@spam.example'],
      ips: ['10.0.0.0/8'],
    });
    expect(blocklistCheck(ctx({}, settings))).toMatchObject({ decision: 'approve' });
  });

  it('holds a blocked word, naming the word and where it was', () => {
    expect(
      blocklistCheck(ctx({ body: 'Best Casino bonus' }, blocklist({ words: ['casino'] }))),
    ).toMatchObject({
      decision: 'hold',
      check: 'blocklist',
      reason: 'blocked word "casino" in the comment',
    });
  });

  it('files as spam when the site says so, naming every rule that matched', () => {
    const verdict = blocklistCheck(
      ctx(
        {
          author: {
            name: 'Casino King',
            email: 'k@spam.example',
            website: 'https://casino.example',
          },
          ip: '10.9.8.7',
        },
        blocklist({
          words: ['casino'],
          emails: ['@spam.example'],
          ips: ['10.0.0.0/8'],
          action: 'spam',
        }),
      ),
    );
    expect(verdict).toMatchObject({
      decision: 'spam',
      check: 'blocklist',
      reason:
        'blocked word "casino" in the name; blocked word "casino" in the website; ' +
        'blocked email "@spam.example"; blocked IP 10.9.8.7 (rule 10.0.0.0/8)',
    });
  });

  it('checks a signed-in reader’s email too', () => {
    const verdict = blocklistCheck(
      ctx({ author: identityAuthor() }, blocklist({ emails: ['grace@example.com'] })),
    );
    expect(verdict).toMatchObject({
      decision: 'hold',
      reason: 'blocked email "grace@example.com"',
    });
  });

  it('refuses a banned identity outright, whatever the action', () => {
    const verdict = blocklistCheck(
      ctx(
        { author: identityAuthor('banned-1') },
        blocklist({ identities: ['banned-1'], action: 'hold' }),
      ),
    );
    expect(verdict).toMatchObject({
      decision: 'reject',
      check: 'blocklist',
      reason: 'banned: this account cannot comment on this site',
    });
  });

  it('does not confuse a guest with a banned identity', () => {
    expect(blocklistCheck(ctx({}, blocklist({ identities: ['id-1'] }))).decision).toBe('approve');
  });
});
