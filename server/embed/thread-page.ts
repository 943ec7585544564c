import { createHash } from 'node:crypto';
import type { ThreadBootstrap } from '../../contract/api.ts';
import { directionOf } from '../../contract/i18n/locales.ts';
import { escapeHtml, scriptSafeJson } from '../http/html.ts';
import { type BodyPart, type DeflatedPart, deflatePart } from './gzip-parts.ts';

export { scriptSafeJson };

/**
 * Runs as soon as the page is parsed and its stylesheet loaded, long before
 * the app: paints the host's look (CSS variables, as widget/thread/look.ts
 * does) and tells the loader the server-rendered thread's height, so the
 * frame is shown with its first comments at once (the `paint` message).
 * Fixed text, allowed by its hash (FIRST_PAINT_SCRIPT_HASH) in the page's
 * CSP: the page has no per-request nonce.
 */
export const FIRST_PAINT_SCRIPT =
  '(function(){try{var b=JSON.parse(document.getElementById("parley-bootstrap").textContent),' +
  'r=document.getElementById("parley-root").firstElementChild,s=document.documentElement.style,l=b.look||{};' +
  'if(l.background)s.setProperty("--bg",l.background);if(l.font)s.setProperty("--font",l.font);' +
  'if(l.accent)s.setProperty("--accent",l.accent);' +
  'if(b.thread&&b.hostOrigin&&r&&parent!==window)parent.postMessage({parley:{type:"paint",' +
  'height:Math.ceil(r.getBoundingClientRect().height)}},b.hostOrigin)}catch(e){}})()';

/** The CSP source allowing FIRST_PAINT_SCRIPT. */
export const FIRST_PAINT_SCRIPT_HASH = `'sha256-${createHash('sha256').update(FIRST_PAINT_SCRIPT).digest('base64')}'`;

/** What the page says before the app's tags: all of it from the request (language, theme). */
function opening(bootstrap: Pick<ThreadBootstrap, 'locale' | 'theme' | 'messages'>): string {
  const title = bootstrap.messages['frame.title'];
  // The frame's document title in the reader's language (a plain string).
  const titleText = escapeHtml(typeof title === 'string' ? title : 'Comments');
  return `<!doctype html>
<html lang="${bootstrap.locale}" dir="${directionOf(bootstrap.locale)}" data-theme="${escapeHtml(bootstrap.theme)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${titleText}</title>
`;
}

const CLOSING = deflatePart(`</script>
<script>${FIRST_PAINT_SCRIPT}</script>
</body>
</html>
`);

// Each kept once: the app's tags (one per build), each language's words.
const heads = new Map<string, DeflatedPart>();
const words = new Map<string, DeflatedPart>();
const once = (map: Map<string, DeflatedPart>, key: string, make: () => string) => {
  let part = map.get(key);
  if (!part) {
    part = deflatePart(make());
    map.set(key, part);
  }
  return part;
};

/**
 * The iframe's HTML, as parts for assembleGzip/assembleIdentity: what is the
 * same for every reader (the app's tags, the language's words, and, when
 * the caller has them kept, the thread's JSON and first render) compressed
 * once; what is made for this request (the form token, the live-updates
 * position, the page's address and look) sent as it is.
 *
 * The thread's first data is inlined so the app's first render needs no API
 * round trip, and its first render is already in the page (`markup`,
 * server/embed/thread-markup.ts) so the comments paint before the app's
 * scripts have loaded. `head` loads the app (WidgetAssets.head): hashed JS
 * and CSS, cached forever.
 */
export function threadPageParts(
  bootstrap: Omit<ThreadBootstrap, 'thread'>,
  /** The thread's first page as script-safe JSON (the cached API body), or "null". */
  threadJson: BodyPart,
  head: string,
  /** The app's first render (renderThreadMarkup), or '' when there is no thread. */
  markup: BodyPart = '',
): BodyPart[] {
  const { messages, ...own } = bootstrap;
  // The JSON spliced from its parts as they are, not parsed and serialised again.
  return [
    opening(bootstrap),
    once(heads, head, () => head),
    '\n</head>\n<body>\n<div id="parley-root">',
    markup,
    `</div>\n<script id="parley-bootstrap" type="application/json">${scriptSafeJson(own).slice(0, -1)},"messages":`,
    // Words are fixed per language: the same catalogue for every reader.
    once(words, bootstrap.locale, () => scriptSafeJson(messages)),
    ',"thread":',
    threadJson,
    '}',
    CLOSING,
  ];
}
