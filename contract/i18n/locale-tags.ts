/**
 * The shipped languages' tags alone (contract/i18n/locales.ts re-exports
 * them with their names and the matching of a reader's wishes). Kept apart
 * because the iframe and the dashboard share a chunk for what both import:
 * the thread, which only checks a tag, must not load what the dashboard
 * needs to choose one (25,000 B first-render budget, .size-limit.ts).
 */

/** Every shipped language, as BCP 47 tags; English is the fallback. */
export const LOCALES = ['en', 'fr', 'de', 'es', 'pt-BR', 'ja', 'zh-CN', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
