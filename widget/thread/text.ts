/**
 * Words the form needs on its first render, by key (i18n.ts): its counter
 * and its announcements (a problem's words are in problems.ts, loaded when
 * the reader starts writing).
 */
import { t } from './i18n.ts';

/** The counter under the comment box, shown near the limit. */
export function counterText(length: number, max: number): string {
  const left = max - length;
  return left >= 0 ? t('form.left', { count: left }) : t('form.over', { count: -left });
}

/** When the comment server can't be reached: the rest of the words can't load either. */
export const networkTrouble = () => t('error.network');

/** Announced once the server has the reader's comment, or is holding it. */
export const posted = (held: boolean) => t(held ? 'form.held' : 'form.posted');
