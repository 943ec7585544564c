import { describe, expect, it } from 'vitest';
import { formatMessage, relativeTime, translator } from './format.ts';

// What a translator writes for Arabic: six forms, chosen by CLDR's rules.
const COMMENTS = {
  zero: 'لا تعليقات',
  one: 'تعليق واحد',
  two: 'تعليقان',
  few: '{count} تعليقات',
  many: '{count} تعليقًا',
  other: '{count} تعليق',
} as const;

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('en', 'Reply to {name}', { name: 'Ada' })).toBe('Reply to Ada');
    expect(formatMessage('en', 'Reply to {name}')).toBe('Reply to {name}');
  });

  it('does not read placeholders inside the values it inserts', () => {
    expect(formatMessage('en', '{a} and {b}', { a: '{b}', b: 'x' })).toBe('{b} and x');
  });

  it('picks each of Arabic’s six plural forms', () => {
    const said = [0, 1, 2, 3, 10, 11, 99, 100, 102].map((count) =>
      formatMessage('ar', COMMENTS, { count }),
    );
    expect(said).toEqual([
      'لا تعليقات',
      'تعليق واحد',
      'تعليقان',
      '3 تعليقات',
      '10 تعليقات',
      '11 تعليقًا',
      '99 تعليقًا',
      '100 تعليق',
      '102 تعليق',
    ]);
  });

  it('picks English, French and Japanese forms, and writes numbers the language’s way', () => {
    const replies = { one: '{count} reply', other: '{count} replies' };
    expect(formatMessage('en', replies, { count: 1 })).toBe('1 reply');
    expect(formatMessage('en', replies, { count: 1200 })).toBe('1,200 replies');
    // French counts 0 as singular; 1 200 has a narrow no-break space.
    const réponses = {
      one: '{count} réponse',
      many: '{count} de réponses',
      other: '{count} réponses',
    };
    expect(formatMessage('fr', réponses, { count: 0 })).toBe('0 réponse');
    expect(formatMessage('fr', réponses, { count: 1200 })).toBe('1\u202f200 réponses');
    expect(formatMessage('fr', réponses, { count: 1_000_000 })).toBe(
      '1\u202f000\u202f000 de réponses',
    );
    expect(formatMessage('ja', { other: '{count} 件の返信' }, { count: 1 })).toBe('1 件の返信');
  });
});

describe('translator', () => {
  it('falls back to English for a key a language lacks', () => {
    const t = translator<'a' | 'b'>('fr', { a: 'Bonjour' }, { a: 'Hello', b: 'Bye' });
    expect(t('a')).toBe('Bonjour');
    expect(t('b')).toBe('Bye');
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-11-29T12:00:00Z');
  const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

  it('is null under a minute, and for a clock ahead of ours', () => {
    expect(relativeTime('en', ago(30), now)).toBeNull();
    expect(relativeTime('en', ago(-120), now)).toBeNull();
  });

  it('says the largest whole unit in the reader’s language', () => {
    expect(relativeTime('en', ago(5 * 60), now)).toBe('5 minutes ago');
    expect(relativeTime('de', ago(3 * 86400), now)).toBe('vor 3 Tagen');
    expect(relativeTime('fr', ago(2 * 3600), now)).toBe('il y a 2 heures');
    expect(relativeTime('ja', ago(14 * 86400), now)).toBe('2 週間前');
    expect(relativeTime('ar', ago(2 * 86400), now)).toBe('قبل يومين');
  });
});
