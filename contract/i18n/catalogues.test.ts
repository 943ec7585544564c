/**
 * Every shipped language says everything English says: no key missing, none
 * extra, the same placeholders, a form for each plural category the language
 * has, and no English left standing in for a translation.
 */
import { describe, expect, it } from 'vitest';
import { DASHBOARD_CATALOGUES } from './dashboard/index.ts';
import type { Message } from './format.ts';
import { LOCALES } from './locales.ts';
import { PAGE_CATALOGUES } from './pages/index.ts';
import { READER_CATALOGUES } from './reader/index.ts';

type Catalogue = Readonly<Record<string, Message | undefined>>;

/** Each surface's catalogues, English first, and the values allowed to equal English's. */
const SURFACES: Record<string, { catalogues: Record<string, Catalogue>; sameAsEnglish: RegExp }> = {
  'sign-in pages and emails': {
    catalogues: PAGE_CATALOGUES,
    // A loanword some languages use as is.
    sameAsEnglish: /^Spam$/,
  },
  'comment thread': {
    catalogues: READER_CATALOGUES,
    // Words German, Spanish and Portuguese share with English.
    sameAsEnglish: /^(Name|Website|Spam)$/,
  },
  "site owner's dashboard": {
    catalogues: DASHBOARD_CATALOGUES,
    // A brand, a loanword, and words French, German and Portuguese share with English.
    sameAsEnglish: /^(Akismet|[Ss]pam|Site|Moderator|Format)$/,
  },
};

const placeholders = (message: Message): string[] => {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(texts.flatMap((t) => [...(t ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1])))]
    .filter((name): name is string => name !== undefined)
    .sort();
};

describe.each(Object.entries(SURFACES))('the %s', (_name, { catalogues, sameAsEnglish }) => {
  const english = catalogues.en as Catalogue;
  const keys = Object.keys(english);

  it('has a catalogue for every shipped language', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...LOCALES].sort());
  });

  describe.each(LOCALES.filter((l) => l !== 'en'))('in %s', (locale) => {
    const catalogue = catalogues[locale] as Catalogue;
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

    it('has every key English has, and no other', () => {
      expect(keys.filter((k) => catalogue[k] === undefined)).toEqual([]);
      expect(Object.keys(catalogue).filter((k) => !(k in english))).toEqual([]);
    });

    it('uses the same placeholders (a plural form may say its number in words)', () => {
      for (const key of keys) {
        const theirs = catalogue[key];
        const ours = english[key] as Message;
        if (theirs === undefined) continue;
        const expected = placeholders(ours).filter(
          (p) => typeof theirs === 'string' || p !== 'count',
        );
        const found = placeholders(theirs).filter(
          (p) => typeof theirs === 'string' || p !== 'count',
        );
        expect({ key, placeholders: found }).toEqual({ key, placeholders: expected });
      }
    });

    it(`has a plural form for each of ${locale}'s categories`, () => {
      for (const key of keys) {
        const theirs = catalogue[key];
        if (typeof english[key] === 'string') {
          expect({ key, plural: typeof theirs }).toEqual({ key, plural: 'string' });
          continue;
        }
        expect(typeof theirs).toBe('object');
        const forms = Object.keys(theirs as object).sort();
        expect({ key, forms }).toEqual({ key, forms: [...categories].sort() });
      }
    });

    it('leaves no English in place of a translation', () => {
      const untranslated = keys.filter((key) => {
        const theirs = JSON.stringify(catalogue[key]);
        return theirs === JSON.stringify(english[key]) && !sameAsEnglish.test(String(english[key]));
      });
      expect(untranslated).toEqual([]);
    });
  });
});
