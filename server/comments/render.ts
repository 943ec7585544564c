/**
 * Turns a reader's comment text into the HTML we store and serve.
 *
 * Runs once at write time; the source is kept separately for editing. Three layers: markdown-it
 * with raw HTML off and a tiny rule set, a link policy on its tokens, then sanitize-html with a
 * strict allow-list over its output. The last two each enforce the link rules on their own, so a
 * slip in one (a new markdown-it rule, say) does not produce a live link.
 */
import MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import sanitizeHtml from 'sanitize-html';
import { withoutUnsafeChars } from '../../contract/unsafe-chars.ts';

/** Longest comment body the service accepts, in UTF-16 code units (the renderer does not check). */
export const MAX_BODY_CHARS = 10_000;

/** The exact `rel` every rendered link carries: comments are user content, shown in our iframe. */
export const LINK_REL = 'nofollow ugc noopener noreferrer';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

// Must start with the scheme itself, so what the browser resolves is what we checked: no leading
// junk, no relative or protocol-relative URL that the page's base would turn into something else.
const ABSOLUTE_ALLOWED_HREF = /^(?:https?|mailto):/i;

// A bare `readme.md` or `localhost:3000` should stay text; only typed-out URLs, `www.` hosts and
// e-mail addresses become links (linkify-it's fuzzyLink cannot separate `www.` from bare hosts).
const AUTOLINK_TEXT = /^(?:https?:\/\/|www\.)/i;

const markdown = createMarkdown();

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 'code', 'pre', 'blockquote', 'a'],
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  allowedClasses: {},
  allowedStyles: {},
  disallowedTagsMode: 'discard',
  // Their text is code or markup, not prose; everything else disallowed keeps its text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'xmp', 'template'],
  // Repeats the link policy so this layer holds alone: sanitize-html lets relative URLs through.
  transformTags: {
    a: (tagName, { href, ...attribs }) => ({
      tagName,
      attribs: {
        ...(href !== undefined && isAllowedHref(href) ? { href } : {}),
        ...attribs,
        rel: LINK_REL,
        target: '_blank',
      },
    }),
  },
  // An <a> left without an href would still look like a link; keep only its text.
  exclusiveFilter: (frame) => (frame.tag === 'a' && !frame.attribs.href ? 'excludeTag' : false),
};

/**
 * Renders a comment's source text to sanitised HTML: paragraphs, line breaks, bare links and a
 * small Markdown subset (emphasis, strong, inline code, code blocks, blockquotes, links). Raw HTML
 * is shown as text. Links keep only http(s)/mailto targets and always open in a new tab.
 */
export function renderCommentBody(source: string): string {
  const html = markdown.render(cleanText(source.replace(/\r\n?/g, '\n').normalize('NFC')));
  // Cleaned again: link text is decoded from the URL, so `%E2%80%AE` would bring U+202E back.
  // markdown-it ends every block with a newline; the last one is noise in stored HTML.
  return cleanText(sanitizeHtml(html, SANITIZE_OPTIONS)).trimEnd();
}

function cleanText(text: string): string {
  return withoutUnsafeChars(text);
}

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt('zero', { html: false, breaks: true, linkify: true });
  md.enable([
    // block
    'blockquote',
    'code',
    'fence',
    // inline (`emphasis` and `linkify` also name their post-processing and core rules)
    'backticks',
    'emphasis',
    'escape',
    'link',
    'linkify',
    'newline',
  ]);
  // Only `http(s)://`, `www.` and e-mail autolinks; `//host` would follow the embedding page.
  md.linkify.add('ftp:', null).add('//', null);
  // Let every link reach the policy below, so a refused target keeps its text rather than
  // falling back to the literal `[text](url)` markup.
  md.validateLink = () => true;
  md.core.ruler.push('parley_link_policy', applyLinkPolicy);
  return md;
}

/** Keeps allowed links with our rel/target (dropping title), unwraps the rest to their text. */
function applyLinkPolicy(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const children = block.children;
    const kept: Token[] = [];
    // Links cannot nest in Markdown, but a stack costs nothing and survives a future rule that
    // nests them.
    const keptOpen: boolean[] = [];
    for (const [index, token] of children.entries()) {
      if (token.type === 'link_open') {
        const href = token.attrGet('href') ?? '';
        const keep = isAllowedHref(href) && isWantedAutolink(token, href, children[index + 1]);
        keptOpen.push(keep);
        if (!keep) continue;
        token.attrs = [
          ['href', href],
          ['rel', LINK_REL],
          ['target', '_blank'],
        ];
      } else if (token.type === 'link_close' && !keptOpen.pop()) {
        continue;
      }
      kept.push(token);
    }
    block.children = showRealTargets(state, kept);
  }
}

/**
 * A link whose text is itself an address must go there: `[https://bank.example](https://evil.example)`
 * would otherwise show one address and open another. Such text is replaced by the real target;
 * any other text (`[the docs](…)`) is the author's to choose.
 */
function showRealTargets(state: StateCore, children: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < children.length; i++) {
    const open = children[i] as Token;
    out.push(open);
    if (open.type !== 'link_open' || open.markup === 'linkify') continue;
    const close = children.findIndex((t, j) => j > i && t.type === 'link_close');
    if (close < 0) continue;
    const inner = children.slice(i + 1, close);
    const text = inner
      .map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : ''))
      .join('');
    const href = open.attrGet('href') ?? '';
    if (claimsOtherTarget(text, href)) {
      const real = new state.Token('text', '', 0);
      const shown = state.md.normalizeLinkText(href);
      real.content = shown.toLowerCase().startsWith('mailto:')
        ? shown.slice('mailto:'.length)
        : shown;
      out.push(real);
      i = close - 1;
    }
  }
  return out;
}

const EMAIL_TEXT = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
const URL_TEXT = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
// `good.example`, `www.good.example:8080/path`: a host name ending in a
// letters-only label, so `v1.2` or `3.14` are not taken for one.
const HOST_TEXT = /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i;

/** True when the link text reads as an address (URL, host, e-mail) that is not where the link goes. */
function claimsOtherTarget(rawText: string, href: string): boolean {
  const text = rawText.trim();
  const target = URL.parse(href);
  if (!target) return false;
  if (EMAIL_TEXT.test(text)) {
    const address = target.protocol === 'mailto:' ? decodeURIComponent(target.pathname) : '';
    return address.toLowerCase() !== text.toLowerCase();
  }
  if (URL_TEXT.test(text)) {
    const claimed = URL.parse(text);
    return claimed === null || claimed.href !== target.href;
  }
  if (HOST_TEXT.test(text)) {
    const claimed = URL.parse(`http://${text}`);
    if (!claimed || claimed.host !== target.host) return true;
    // A bare host claims the site, not a page: any page of it matches.
    const pathClaimed = /[/?#]/.test(text);
    return (
      pathClaimed &&
      claimed.pathname + claimed.search + claimed.hash !==
        target.pathname + target.search + target.hash
    );
  }
  return false;
}

function isAllowedHref(href: string): boolean {
  if (!ABSOLUTE_ALLOWED_HREF.test(href)) return false;
  // Parse as the browser will; this also refuses a malformed host after `http:`.
  const url = URL.parse(href);
  return url !== null && ALLOWED_PROTOCOLS.has(url.protocol);
}

function isWantedAutolink(open: Token, href: string, text: Token | undefined): boolean {
  if (open.markup !== 'linkify') return true;
  if (href.toLowerCase().startsWith('mailto:')) return true;
  return text?.type === 'text' && AUTOLINK_TEXT.test(text.content);
}
