import { t } from '../i18n.ts';

/**
 * The help line for the queue's keyboard shortcuts (keyboard.ts). The keys
 * are letters in every language; the sentence around them, its order and
 * punctuation are the language's ({j} marks where the j key goes).
 */
export function Shortcuts() {
  const parts = t('shortcuts.list').split(/\{([jkasdx])\}/);
  return (
    <p className="shortcuts">
      <span>{t('shortcuts.title')}</span>{' '}
      {parts.map((part, i) =>
        // Every odd part is a key the split captured.
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed sentence, never reordered
        i % 2 === 1 ? <kbd key={i}>{part}</kbd> : part,
      )}
    </p>
  );
}
