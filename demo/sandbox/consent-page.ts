/**
 * The pages every sandbox provider shows: an account chooser with one button
 * per sample user and a deny button, posting back to the provider with a
 * hidden `request` field that ties the answer to the page it rendered; an
 * error page; and a per-user SVG avatar. Plain HTML, so fetch-driven tests and
 * Playwright can drive it alike.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Response } from 'express';

/** A sample account a sandbox provider can sign in as. */
export interface SandboxUser {
  id: string;
  name: string;
  username: string;
  email?: string;
}

/** How a provider's pages look. */
export interface ConsentBranding {
  /** e.g. "Twitter" → "Sign in to Parley Sandbox with Twitter". */
  provider: string;
  /** A CSS colour for buttons and avatars. */
  accent: string;
  /** Label of the refuse button; "Cancel" by default. */
  denyLabel?: string;
}

export interface ConsentPageOptions {
  branding: ConsentBranding;
  /** Where the form posts. */
  action: string;
  /** Posted back as `request`: which pending sign-in this page answers. */
  requestId: string;
  users: readonly SandboxUser[];
  /** Provider-specific lines, e.g. which parameters arrived (`force_login`). */
  notices?: readonly { testId: string; text: string }[];
  avatarUrl: (user: SandboxUser) => string;
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const styles = (accent: string) => `
    body { font: 16px/1.4 system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; }
    ul { list-style: none; padding: 0; } li { margin: .5rem 0; }
    button { font: inherit; width: 100%; padding: .6rem; cursor: pointer; display: flex; gap: .6rem; align-items: center; justify-content: center; }
    button.user { background: ${escapeHtml(accent)}; color: #fff; border: 0; border-radius: .4rem; }
    .notice { color: #555; font-size: .9rem; }`;

function page(branding: ConsentBranding, title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <style>${styles(branding.accent)}
  </style>
</head>
<body>
${body}
</body>
</html>`;
}

/** The account chooser. Buttons post `decision=<user id>` or `decision=deny`. */
export function renderConsentPage(options: ConsentPageOptions): string {
  const { branding } = options;
  const title = `Sign in to Parley Sandbox with ${branding.provider}`;
  const users = options.users
    .map(
      (u) =>
        `<li><button class="user" type="submit" name="decision" value="${escapeHtml(u.id)}">` +
        `<img src="${escapeHtml(options.avatarUrl(u))}" alt="" width="24" height="24">` +
        `Continue as ${escapeHtml(u.name)} (@${escapeHtml(u.username)})</button></li>`,
    )
    .join('\n      ');
  const notices = (options.notices ?? [])
    .map((n) => `<p class="notice" data-testid="${escapeHtml(n.testId)}">${escapeHtml(n.text)}</p>`)
    .join('\n  ');
  return page(
    branding,
    title,
    `  <h1>${escapeHtml(title)}</h1>
  <p>This is a sandbox: no real ${escapeHtml(branding.provider)} account is used.</p>
  ${notices}
  <form method="post" action="${escapeHtml(options.action)}">
    <input type="hidden" name="request" value="${escapeHtml(options.requestId)}">
    <ul>
      ${users}
    </ul>
    <button type="submit" name="decision" value="deny">${escapeHtml(branding.denyLabel ?? 'Cancel')}</button>
  </form>`,
  );
}

/** A page for a dead, unknown or malformed sign-in request. */
export function renderErrorPage(branding: ConsentBranding, message: string): string {
  return page(
    branding,
    `${branding.provider} sandbox: error`,
    `  <h1>${escapeHtml(branding.provider)} sandbox</h1>\n  <p role="alert">${escapeHtml(message)}</p>`,
  );
}

/** Sends a provider page that no other site may frame (clickjacking). */
export function sendProviderPage(res: Response, status: number, html: string): void {
  res
    .status(status)
    .set({
      'Content-Security-Policy': "frame-ancestors 'none'",
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'no-store',
      'Content-Type': 'text/html; charset=utf-8',
    })
    .send(html);
}

/**
 * A tiny avatar: a disc in the provider's colour (a hex colour), shaded per
 * user, as a PNG. Real providers serve raster pictures, and Parley's avatar
 * proxy takes only those (an SVG from Parley's origin could carry script).
 */
export function avatarPng(user: SandboxUser, accent: string): Buffer {
  const size = 48;
  const hex = /^#?([0-9a-f]{6})$/i.exec(accent)?.[1] ?? '777777';
  const shade = 0.75 + ((user.id.charCodeAt(user.id.length - 1) || 0) % 5) * 0.1;
  const rgb = [0, 2, 4].map((i) =>
    Math.min(255, Math.round(Number.parseInt(hex.slice(i, i + 2), 16) * shade)),
  );
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let x = 0; x < size; x++) {
      const inside = (x - 23.5) ** 2 + (y - 23.5) ** 2 <= 24 ** 2;
      row.set([...rgb, inside ? 255 : 0], 1 + x * 4);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([head, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
