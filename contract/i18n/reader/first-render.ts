/**
 * Which of the thread's words the iframe page inlines (the first render's),
 * and which the app loads when first needed (a problem with the form, an
 * edit, a delete, what went wrong signing in): only the reader's language's,
 * either way, so the 25,000 B first-render budget holds in every language
 * (`npm run size` checks each).
 */
import type { Message } from '../format.ts';
import type { ReaderKey, ReaderMessages } from './en.ts';

const LATER =
  /^(field\.|data\.(?!open$)|error\.(?!network$)|edit\.|delete\.|form\.problems$|signIn\.(ended|popupBlocked|cancelled|wasCancelled|cancelledWith|tooLong|tooMany|network|unavailable|failed|failedWith)$)/;

/** True for a word the first render never shows. */
export const isLaterKey = (key: string): boolean => LATER.test(key);

/** The first render's words of a complete catalogue. */
export function firstRenderMessages(messages: ReaderMessages): Partial<Record<ReaderKey, Message>> {
  return Object.fromEntries(Object.entries(messages).filter(([key]) => !isLaterKey(key)));
}

/** The words the app loads when first needed (GET /embed/words/<locale>.json). */
export function laterMessages(messages: ReaderMessages): Partial<Record<ReaderKey, Message>> {
  return Object.fromEntries(Object.entries(messages).filter(([key]) => isLaterKey(key)));
}
