/**
 * The dashboard's words (issue 11: "the dashboard too"). The owner's language
 * is their own choice, remembered in this browser, else the best match of
 * the browser's languages, else English. Each language's catalogue is a
 * chunk of its own (contract/i18n/dashboard/<locale>.ts), imported before
 * the first render: the bundle carries no words, and only the owner's
 * language is ever loaded. The keys are English's (a type only).
 */

import type { AuthorName } from '../../contract/api.ts';
import type { DashboardKey, DashboardMessages } from '../../contract/i18n/dashboard/en.ts';
import {
  formatMessage,
  type Message,
  type MessageParams,
  relativeTime,
} from '../../contract/i18n/format.ts';
import {
  directionOf,
  isLocale,
  type Locale,
  negotiateLocale,
} from '../../contract/i18n/locales.ts';

export type { DashboardKey };

/** Something to say, kept as a key so it is said in the language shown, even after a switch. */
export interface Said {
  key: DashboardKey;
  params?: MessageParams;
}

// One dynamic import per language: Vite makes each a chunk of its own.
const CATALOGUES: Record<Locale, () => Promise<DashboardMessages>> = {
  en: () => import('../../contract/i18n/dashboard/en.ts').then((m) => m.en),
  fr: () => import('../../contract/i18n/dashboard/fr.ts').then((m) => m.fr as DashboardMessages),
  de: () => import('../../contract/i18n/dashboard/de.ts').then((m) => m.de as DashboardMessages),
  es: () => import('../../contract/i18n/dashboard/es.ts').then((m) => m.es as DashboardMessages),
  'pt-BR': () =>
    import('../../contract/i18n/dashboard/pt-BR.ts').then((m) => m.ptBR as DashboardMessages),
  ja: () => import('../../contract/i18n/dashboard/ja.ts').then((m) => m.ja as DashboardMessages),
  'zh-CN': () =>
    import('../../contract/i18n/dashboard/zh-CN.ts').then((m) => m.zhCN as DashboardMessages),
  ar: () => import('../../contract/i18n/dashboard/ar.ts').then((m) => m.ar as DashboardMessages),
};

/** Where the owner's choice is remembered (this browser only: the account has no such field). */
export const LANGUAGE_STORAGE_KEY = 'parley.dashboard.language';

let locale: Locale = 'en';
let messages: Partial<Record<DashboardKey, Message>> = {};

/** The language the owner chose in this browser, else their browser's best match, else English. */
export function preferredLocale(): Locale {
  let chosen: string | null = null;
  try {
    chosen = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage refused (privacy settings): the browser's languages decide.
  }
  if (isLocale(chosen)) return chosen;
  return negotiateLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

/** Remembers the owner's choice for the next visit. */
export function rememberLocale(next: Locale): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
  } catch {
    // Not remembered; this page still switches.
  }
}

/**
 * Loads `next`'s catalogue and makes it the dashboard's language: `<html lang dir>`
 * (Arabic mirrors the layout) and the tab's title follow.
 */
export async function loadLanguage(next: Locale): Promise<Locale> {
  const words = await CATALOGUES[next]();
  locale = next;
  messages = words;
  const root = document.documentElement;
  root.lang = next;
  root.dir = directionOf(next);
  document.title = t('page.title');
  return next;
}

/** The dashboard's language now. */
export const currentLocale = (): Locale => locale;

/** The message `key` in the owner's language; the key itself if none is loaded. */
export function t(key: DashboardKey, params?: MessageParams): string {
  const message = messages[key];
  return message === undefined ? key : formatMessage(locale, message, params);
}

/** The author's name; "Deleted user" in the owner's words when nobody is behind the comment. */
export const authorName = (author: AuthorName): string =>
  author.deleted ? t('item.deletedAuthor') : author.name;

/** Says a `Said`. */
export const say = (said: Said): string => t(said.key, said.params);

/** A number the owner's way (tab counts). */
export const formatNumber = (n: number): string => formatMessage(locale, '{n}', { n });

/** "5 minutes ago", "il y a 3 jours"…; "just now" in the owner's words under a minute. */
export function timeAgo(iso: string, now: number): string {
  return relativeTime(locale, iso, now) ?? t('time.justNow');
}

/** The exact date and time in the owner's language, for the tooltip. */
export function exactTime(iso: string): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' });
}
