/**
 * The comment thread's words in every shipped language. Meant for the server
 * only: it inlines the first render's words of the one catalogue a reader
 * needs into the iframe page and serves the rest at /embed/words/<locale>.json,
 * so the app's bundle carries no text of its own.
 */
import type { Locale } from '../locales.ts';
import { ar } from './ar.ts';
import { de } from './de.ts';
import { en, type ReaderMessages } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { ja } from './ja.ts';
import { ptBR } from './pt-BR.ts';
import { zhCN } from './zh-CN.ts';

export const READER_CATALOGUES = {
  en,
  fr,
  de,
  es,
  'pt-BR': ptBR,
  ja,
  'zh-CN': zhCN,
  ar,
} as const satisfies Record<Locale, unknown>;

/** The thread's catalogue in `locale`, complete (a gap, which the tests forbid, shows English). */
export function readerMessages(locale: Locale): ReaderMessages {
  return { ...en, ...READER_CATALOGUES[locale] } as ReaderMessages;
}
