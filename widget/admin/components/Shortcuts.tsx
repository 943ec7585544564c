import { t } from '../i18n.ts';

/** The help line for the queue's keyboard shortcuts (keyboard.ts): the keys are letters in every language. */
export function Shortcuts() {
  return (
    <p className="shortcuts">
      <span>{t('shortcuts.title')}</span> <kbd>j</kbd> / <kbd>k</kbd> {t('shortcuts.move')},{' '}
      <kbd>a</kbd> {t('shortcuts.approve')}, <kbd>s</kbd> {t('shortcuts.spam')}, <kbd>d</kbd>{' '}
      {t('shortcuts.trash')}, <kbd>x</kbd> {t('shortcuts.select')}
    </p>
  );
}
