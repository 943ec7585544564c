/**
 * The dashboard's words in every shipped language, for the tests and the size
 * check. The dashboard itself never imports this: it loads only the owner's
 * language's file, as a chunk of its own (widget/admin/i18n.ts).
 */
import type { Locale } from '../locales.ts';
import { ar } from './ar.ts';
import { de } from './de.ts';
import { type DashboardMessages, en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { ja } from './ja.ts';
import { ptBR } from './pt-BR.ts';
import { zhCN } from './zh-CN.ts';

export const DASHBOARD_CATALOGUES = {
  en,
  fr,
  de,
  es,
  'pt-BR': ptBR,
  ja,
  'zh-CN': zhCN,
  ar,
} as const satisfies Record<Locale, unknown>;

/** The dashboard's catalogue in `locale`, complete (a gap, which the tests forbid, shows English). */
export function dashboardMessages(locale: Locale): DashboardMessages {
  return { ...en, ...DASHBOARD_CATALOGUES[locale] } as DashboardMessages;
}
