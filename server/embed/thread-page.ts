import { createHash } from 'node:crypto';
import type { ThreadBootstrap } from '../../contract/api.ts';
import { directionOf } from '../../contract/i18n/locales.ts';
import { escapeHtml, scriptSafeJson } from '../http/html.ts';
import { type BodyPart, type DeflatedPart, deflatePart } from './gzip-parts.ts';

export { scriptSafeJson };

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * Runs in the head, before anything of the body can paint: puts the host's
 * look (checked by the route, carried on `<html>` as data-bg, data-font,
 * data-accent) in the CSS variables, as widget/thread/look.ts does. The
 * loader shows the frame as soon as it makes it, so a paint before this would
 * show the default canvas colour and font, then the host's: a flash. Fixed
 * text, allowed by its hash in the page's CSP (the page has no nonce).
 */
export const LOOK_SCRIPT =
  '(function(){var d=document.documentElement,a=d.dataset,s=d.style;' +
  'if(a.bg)s.setProperty("--bg",a.bg);if(a.font)s.setProperty("--font",a.font);' +
  'if(a.accent)s.setProperty("--accent",a.accent)})()';

/**
 * Runs once the page is parsed, long before the app: tells the loader the
 * server-rendered thread's height (the `paint` message), so the frame grows
 * from the loader's placeholder to its first comments' height at once.
 * Fixed text, allowed by its hash like LOOK_SCRIPT.
 */
export const FIRST_PAINT_SCRIPT =
  '(function(){try{var b=JSON.parse(document.getElementById("parley-bootstrap").textContent),' +
  'r=document.getElementById("parley-root").firstElementChild;' +
  'if(b.thread&&b.hostOrigin&&r&&parent!==window)parent.postMessage({parley:{type:"paint",' +
  'height:Math.ceil(r.getBoundingClientRect().height)}},b.hostOrigin)}catch(e){}})()';

/** The CSP sources allowing LOOK_SCRIPT and FIRST_PAINT_SCRIPT. */
export const INLINE_SCRIPT_HASHES = `${sha256(LOOK_SCRIPT)} ${sha256(FIRST_PAINT_SCRIPT)}`;

/** What the page says before the app's tags: all of it from the request (language, theme). */
function opening(
  bootstrap: Pick<ThreadBootstrap, 'locale' | 'theme' | 'messages' | 'look'>,
): string {
  const title = bootstrap.messages['frame.title'];
  // The frame's document title in the reader's language (a plain string).
  const titleText = escapeHtml(typeof title === 'string' ? title : 'Comments');
  const { background, font, accent } = bootstrap.look;
  // Read by LOOK_SCRIPT before the body is parsed.
  const look = Object.entries({ bg: background, font, accent })
    .map(([name, value]) => (value ? ` data-${name}="${escapeHtml(value)}"` : ''))
    .join('');
  return `<!doctype html>
<html lang="${bootstrap.locale}" dir="${directionOf(bootstrap.locale)}" data-theme="${escapeHtml(bootstrap.theme)}"${look}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${titleText}</title>
<script>${LOOK_SCRIPT}</script>
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
