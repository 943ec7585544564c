import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether the iframe page may go without `Origin-Agent-Cluster: ?1` (which
 * helmet sends on every response).
 *
 * Why drop it at all: Chromium starts a frame's renderer when the navigation
 * starts, keyed by site; the header asks for a process keyed by origin, so at
 * the response Chromium throws the started process away and launches another.
 * That second launch was ~90 ms of the first comment's paint in the bench
 * (docs/performance.md, "First paint").
 *
 * Why it is safe only here: the header's one protection we rely on is a
 * process of the frame's own when a page on the same site as Parley (e.g.
 * www.example.com around comments.example.com) holds it, so that the host's
 * scripts can't read the frame's tokens through a side channel. Site
 * isolation already gives a cross-site frame a process apart from its
 * embedder. So the header is dropped only when all of these hold:
 * - the browser says this is a frame's navigation started by a document of
 *   another site (`Sec-Fetch-Dest: iframe`, `Sec-Fetch-Site: cross-site`:
 *   set by the browser, not by page scripts; a top-level visit keeps it);
 * - the site is known, and none of its origins (the only ones its
 *   `frame-ancestors` allows, at any depth) can be on Parley's site: so no
 *   ancestor of a frame that renders shares Parley's site.
 * Parley's own hosts are both the address this request was made to and,
 * when set, PUBLIC_URL's. What remains is documented in docs/security.md.
 */
export function mayShareSiteProcess(
  headers: IncomingHttpHeaders,
  siteOrigins: readonly string[] | undefined,
  ownHosts: readonly (string | undefined)[],
): boolean {
  if (headers['sec-fetch-dest'] !== 'iframe' || headers['sec-fetch-site'] !== 'cross-site') {
    return false;
  }
  if (!siteOrigins || siteOrigins.length === 0) return false;
  const own = ownHosts.flatMap((h) => (h ? [siteKey(h)] : []));
  if (own.length === 0 || own.some((k) => k === null)) return false;
  return siteOrigins.every((origin) => {
    const key = siteKey(hostOf(origin));
    return key !== null && !own.includes(key);
  });
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).hostname;
  } catch {
    return '';
  }
}

/**
 * A key that two hosts on the same site always share: the last two labels
 * of a name, or the whole address for an IP. Coarser than the Public Suffix
 * List (alice.github.io and bob.github.io share it though they are two
 * sites), which errs only towards keeping the header.
 */
function siteKey(host: string): string | null {
  // A Host header may carry a port; an IPv6 one is in brackets.
  const name = host
    .toLowerCase()
    .replace(/:\d+$/, '')
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  if (name === '') return null;
  if (name.includes(':') || /^\d+(\.\d+){3}$/.test(name)) return name;
  return name.split('.').slice(-2).join('.');
}
