/**
 * A guest's picture, drawn by Parley: a mirrored 5×5 pattern and a colour
 * taken from the avatar's keyed hash, under the author's initials. Nothing
 * about the email can be read back from it.
 */
import { escapeHtml } from '../http/html.ts';

/** An SVG for `key` (32 hex characters) with `initials` on top. */
export function generatedAvatarSvg(key: string, initials: string): string {
  const bytes = Buffer.from(key.padEnd(32, '0').slice(0, 32), 'hex');
  const hue = (((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0)) % 360;
  const cells: string[] = [];
  for (let row = 0; row < 5; row++) {
    for (let col = 0; col < 3; col++) {
      const bit = row * 3 + col;
      if ((((bytes[2 + (bit >> 3)] ?? 0) >> (bit & 7)) & 1) === 0) continue;
      for (const x of new Set([col, 4 - col])) {
        cells.push(`<rect x="${x * 8}" y="${row * 8}" width="8" height="8"/>`);
      }
    }
  }
  const letters = escapeHtml(Array.from(initials).slice(0, 2).join(''));
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80" viewBox="0 0 40 40">' +
    `<rect width="40" height="40" fill="hsl(${hue} 45% 40%)"/>` +
    `<g fill="hsl(${hue} 45% 55%)">${cells.join('')}</g>` +
    '<text x="20" y="26" font-family="system-ui,sans-serif" font-size="16" font-weight="600" ' +
    `text-anchor="middle" fill="#fff">${letters}</text></svg>`
  );
}
