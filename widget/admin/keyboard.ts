/** The queue's keyboard shortcuts (the help line in components/Shortcuts.tsx lists them). */
import type { ModerationAction } from '../../contract/dashboard.ts';

export type Shortcut =
  | { type: 'move'; by: 1 | -1 }
  | { type: 'moderate'; action: ModerationAction }
  | { type: 'select' };

const KEYS: Record<string, Shortcut> = {
  j: { type: 'move', by: 1 },
  k: { type: 'move', by: -1 },
  a: { type: 'moderate', action: 'approve' },
  s: { type: 'moderate', action: 'spam' },
  d: { type: 'moderate', action: 'trash' },
  x: { type: 'select' },
};

// Keys typed into these are text, not commands; a focused checkbox or button is fine.
const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * The shortcut a keydown means, or null (modifier held, typing in a field, another key).
 * The letter typed decides (an AZERTY "a" is a); on a keyboard that types no
 * Latin letters (Arabic, Russian…) the key's place on a QWERTY keyboard does,
 * so the help line's letters work in every language the dashboard speaks.
 */
export function shortcutFor(event: KeyboardEvent): Shortcut | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTyping(event.target)) return null;
  const byLetter = KEYS[event.key];
  if (byLetter) return byLetter;
  if (/^[a-z]$/i.test(event.key)) return null;
  const place = /^Key([A-Z])$/.exec(event.code ?? '')?.[1];
  return place ? (KEYS[place.toLowerCase()] ?? null) : null;
}
