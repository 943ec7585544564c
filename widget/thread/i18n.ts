/**
 * The thread's words. The app ships no text of its own: the server inlines
 * the first render's words in the reader's language (bootstrap `messages`,
 * contract/i18n/reader/first-render.ts), and the rest of that language's
 * catalogue loads when first needed (`loadAllWords`). The keys are
 * English's (a type only: English's strings stay out of the bundle).
 */

import type { CommentAuthor } from '../../contract/api.ts';
import {
  formatMessage,
  type Message,
  type MessageParams,
  relativeTime,
} from '../../contract/i18n/format.ts';
import type { ReaderKey } from '../../contract/i18n/reader/en.ts';

export type { ReaderKey };

let locale = 'en';
let base = '';
let messages: Partial<Record<ReaderKey, Message>> = {};
let all: Promise<void> | undefined;

/** Sets the language and its first-render words, once, before the first render. */
export function setLanguage(
  next: string,
  words: Partial<Record<ReaderKey, Message>>,
  apiBase = '',
): void {
  locale = next;
  messages = words;
  base = apiBase;
  all = undefined;
}

/**
 * The rest of the reader's language's words (GET /embed/words/<locale>.json,
 * only theirs). Awaited by what shows them; tried again after a failed load.
 */
export function loadAllWords(): Promise<void> {
  // A catalogue handed over whole (tests, a page that inlined everything)
  // already holds the later words: 'form.problems' is one of them.
  if (messages['form.problems'] !== undefined) return Promise.resolve();
  all ??= fetch(`${base}/embed/words/${locale}.json`)
    .then((response) => response.json() as Promise<Partial<Record<ReaderKey, Message>>>)
    .then(
      (rest) => {
        messages = { ...rest, ...messages };
      },
      (error: unknown) => {
        all = undefined;
        throw error;
      },
    );
  return all;
}

/** The message `key` in the reader's language; the key itself if it is not loaded. */
export function t(key: ReaderKey, params?: MessageParams): string {
  const message = messages[key];
  return message === undefined ? key : formatMessage(locale, message, params);
}

/** The author's name; "Deleted user" or "Anonymous" in the reader's words when there is none. */
export const authorName = (author: CommentAuthor): string =>
  author.deleted
    ? t('comment.deletedAuthor')
    : author.anonymous
      ? t('comment.anonymousAuthor')
      : author.name;

/** "5 minutes ago", "il y a 3 jours"…; "just now" in the reader's words under a minute. */
export function timeAgo(iso: string, now: number): string {
  return relativeTime(locale, iso, now) ?? t('time.justNow');
}

/** The exact date and time in the reader's language, for the tooltip. */
export function exactTime(iso: string): string {
  // One formatter per language: toLocaleString makes a new one per call,
  // which took most of the first render's time for a page of 84 comments.
  if (exact?.locale !== locale) {
    exact = {
      locale,
      format: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }),
    };
  }
  return exact.format.format(new Date(iso));
}
let exact: { locale: string; format: Intl.DateTimeFormat } | undefined;
