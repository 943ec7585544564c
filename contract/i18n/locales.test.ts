import { describe, expect, it } from 'vitest';
import { directionOf, matchLocale, negotiateLocale } from './locales.ts';

describe('matchLocale', () => {
  it('matches exact tags in any case and with underscores', () => {
    expect(matchLocale('pt-BR')).toBe('pt-BR');
    expect(matchLocale('zh_cn')).toBe('zh-CN');
    expect(matchLocale('FR')).toBe('fr');
  });

  it('matches by language: regions and scripts we do not ship get the one we do', () => {
    expect(matchLocale('en-GB')).toBe('en');
    expect(matchLocale('de-AT')).toBe('de');
    expect(matchLocale('es-419')).toBe('es');
    expect(matchLocale('pt-PT')).toBe('pt-BR');
    expect(matchLocale('pt')).toBe('pt-BR');
    expect(matchLocale('zh')).toBe('zh-CN');
    expect(matchLocale('zh-Hans-SG')).toBe('zh-CN');
    expect(matchLocale('ar-EG')).toBe('ar');
    expect(matchLocale('ja-JP')).toBe('ja');
  });

  it('matches nothing for languages not shipped, wildcards and junk', () => {
    for (const tag of ['it', 'nl-NL', '*', '', 'x', '<script>', 'en US', 'a'.repeat(300)]) {
      expect(matchLocale(tag)).toBeNull();
    }
  });
});

describe('negotiateLocale', () => {
  it('takes the first wish Parley speaks, else English', () => {
    expect(negotiateLocale([undefined, '', 'it-IT', 'fr-CA', 'de'])).toBe('fr');
    expect(negotiateLocale(['it', 'nl'])).toBe('en');
    expect(negotiateLocale([])).toBe('en');
  });
});

describe('directionOf', () => {
  it('is rtl for Arabic only', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('ja')).toBe('ltr');
  });
});
