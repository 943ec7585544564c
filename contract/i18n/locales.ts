/**
 * The languages Parley speaks, and how a reader's wishes are matched to them.
 * Shared by the server (which picks the language of every page and email) and
 * the apps (which only ever receive the one catalogue they need).
 */

import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locale-tags.ts';

// The tags themselves live apart, so an app that only checks a tag (the
// thread's bootstrap) doesn't load the names and the matching below.
export { DEFAULT_LOCALE, isLocale, LOCALES, type Locale };

/** Each language's own name, for the dashboard's language setting. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
  'pt-BR': 'Português do Brasil',
  ja: '日本語',
  'zh-CN': '简体中文',
  ar: 'العربية',
};

const RIGHT_TO_LEFT: ReadonlySet<string> = new Set<Locale>(['ar']);

/** The text direction of a shipped language (`dir` on the page's root). */
export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr';
}

/**
 * The shipped language for one BCP 47 tag, or null. An exact tag wins
 * (case-insensitively, `_` read as `-`); otherwise the language alone
 * decides: every Portuguese gets Brazilian Portuguese and every Chinese gets
 * Simplified Chinese (closer to the reader than English), `en-GB` gets
 * English. Anything unparseable, `*` included, matches nothing.
 */
export function matchLocale(tag: string): Locale | null {
  const wanted = tag.trim().replace(/_/g, '-').toLowerCase();
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(wanted)) return null;
  const exact = LOCALES.find((l) => l.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split('-')[0];
  return LOCALES.find((l) => l.split('-')[0] === language) ?? null;
}

/**
 * The first of the reader's wishes, in order of preference, that Parley
 * speaks, else English. Blank and unknown wishes are skipped.
 */
export function negotiateLocale(wishes: readonly (string | null | undefined)[]): Locale {
  for (const wish of wishes) {
    const found = wish ? matchLocale(wish) : null;
    if (found) return found;
  }
  return DEFAULT_LOCALE;
}
