import { afterEach, describe, expect, it } from 'vitest';
import { applyLook, textOn } from './look.ts';

const root = document.documentElement;
afterEach(() => root.removeAttribute('style'));

describe('the host page’s look in the frame', () => {
  it('paints the host’s background, font and accent into the CSS variables', () => {
    applyLook({ background: 'rgb(247, 243, 234)', font: 'Georgia, serif', accent: '#b5472d' });
    expect(root.style.getPropertyValue('--bg')).toBe('rgb(247, 243, 234)');
    expect(root.style.getPropertyValue('--font')).toBe('Georgia, serif');
    expect(root.style.getPropertyValue('--accent')).toBe('#b5472d');
    expect(root.style.getPropertyValue('--accent-fg')).toBe('#fff');
  });

  it('leaves the defaults where the host asked nothing', () => {
    applyLook({ background: 'rgb(1, 2, 3)', font: null, accent: '#ffd000' });
    applyLook({ background: null, font: null, accent: null });
    expect(root.getAttribute('style') ?? '').toBe('');
  });

  it('writes on an accent in black or white, whichever contrasts more', () => {
    expect(textOn('#ffd000')).toBe('#000');
    expect(textOn('#fff')).toBe('#000');
    expect(textOn('#1d4ed8')).toBe('#fff');
    expect(textOn('#000')).toBe('#fff');
  });
});
