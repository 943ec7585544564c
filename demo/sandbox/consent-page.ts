/**
 * The pages every sandbox provider shows: an account chooser with one button
 * per sample user and a deny button, posting back to the provider with a
 * hidden `request` field that ties the answer to the page it rendered; an
 * error page; and a per-user SVG avatar. Plain HTML, so fetch-driven tests and
 * Playwright can drive it alike.
 */
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

/** A tiny avatar: the user's initial on the provider's colour. */
export function avatarSvg(user: SandboxUser, accent: string): string {
  const initial = escapeHtml(user.name.trim().charAt(0).toUpperCase() || '?');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48"><rect width="48" height="48" rx="24" fill="${escapeHtml(accent)}"/><text x="24" y="31" font-family="sans-serif" font-size="22" text-anchor="middle" fill="#fff">${initial}</text></svg>`;
}
