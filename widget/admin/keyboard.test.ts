import { describe, expect, it } from 'vitest';
import { shortcutFor } from './keyboard.ts';

const press = (key: string, code: string) =>
  shortcutFor(new KeyboardEvent('keydown', { key, code }));

describe('queue shortcuts', () => {
  it('go by the letter typed', () => {
    expect(press('j', 'KeyJ')).toEqual({ type: 'move', by: 1 });
    // AZERTY: the "a" key sits where QWERTY has q.
    expect(press('a', 'KeyQ')).toEqual({ type: 'moderate', action: 'approve' });
    expect(press('q', 'KeyA')).toBeNull();
  });

  it('go by the key’s place on a keyboard that types no Latin letters (Arabic)', () => {
    expect(press('ت', 'KeyJ')).toEqual({ type: 'move', by: 1 });
    expect(press('ش', 'KeyA')).toEqual({ type: 'moderate', action: 'approve' });
    expect(press('ء', 'KeyX')).toEqual({ type: 'select' });
    expect(press('ك', 'Semicolon')).toBeNull();
  });
});
