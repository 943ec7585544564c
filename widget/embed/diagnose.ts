/**
 * embed/diagnose.js: why a frame shows no thread. The loader imports it only
 * when its frame never said ready (its page may be barred by frame-ancestors,
 * which the browser reports only as a CSP line) or said it has no thread, so
 * its bytes stay off embed.js's budget: a wrong embed is rare, and once.
 * It asks the server (GET /embed/check), tells the site owner what is wrong
 * and the command that fixes it in the console, and hands the loader a short
 * notice for readers to show instead of a blank box.
 */
import type { EmbedCheck } from '../../contract/api.ts';

/**
 * Resolves to the notice to show in place of the frame, or null when all is
 * well after all (a slow load): then the loader shows the frame.
 */
export async function diagnose(
  base: string,
  site: string,
  origin: string,
): Promise<HTMLElement | null> {
  let check: EmbedCheck;
  try {
    const response = await fetch(`${base}embed/check?${new URLSearchParams({ site, origin })}`);
    check = (await response.json()) as EmbedCheck;
  } catch {
    check = {
      ok: false,
      notice: 'Comments could not be loaded.',
      console: `Parley: ${base} did not answer; no comments can show for site "${site}".`,
    };
  }
  if (check.ok) return null;
  console.error(check.console);
  const notice = document.createElement('p');
  notice.className = 'parley-notice';
  notice.setAttribute('role', 'status');
  notice.textContent = check.notice;
  return notice;
}
