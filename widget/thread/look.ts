import type { ThreadLook } from '../../contract/api.ts';

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function textOn(hex: string): string {
  const full = hex.length === 4 ? hex.replace(/\w/g, (c) => c + c) : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white is 1.05 / (L + 0.05); with black (L + 0.05) / 0.05.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#fff' : '#000';
}

/**
 * Paints the host's look into the frame's CSS variables (through the CSSOM:
 * the page's CSP allows no inline style). Null leaves the default.
 */
export function applyLook(look: ThreadLook, root: HTMLElement = document.documentElement): void {
  const set = (name: string, value: string | null) =>
    value ? root.style.setProperty(name, value) : root.style.removeProperty(name);
  set('--bg', look.background);
  set('--font', look.font);
  set('--accent', look.accent);
  set('--accent-fg', look.accent && textOn(look.accent));
}
