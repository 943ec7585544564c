/**
 * The server's own words (sign-in pages, emails) in every shipped language.
 * Server-side only: no app bundle imports this.
 */
import { type Translate, translator } from '../format.ts';
import type { Locale } from '../locales.ts';
import { ar } from './ar.ts';
import { de } from './de.ts';
import { en, type PageKey } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { ja } from './ja.ts';
import { ptBR } from './pt-BR.ts';
import { zhCN } from './zh-CN.ts';

export type { PageKey };

export const PAGE_CATALOGUES = {
  en,
  fr,
  de,
  es,
  'pt-BR': ptBR,
  ja,
  'zh-CN': zhCN,
  ar,
} as const satisfies Record<Locale, unknown>;

/** `t(key, params)` for the server's pages and emails in `locale`. */
export function pageText(locale: Locale): Translate<PageKey> {
  return translator<PageKey>(locale, PAGE_CATALOGUES[locale], en);
}
