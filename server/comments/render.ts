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

// NUL, other C0 controls except \t and \n, DEL and C1 (invisible, never meant in a comment), and
// the bidi embeddings/overrides/isolates, which can reverse text and so spoof what a link says.
// \r is handled first, so it is never seen here.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding controls is the point.
const UNSAFE_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

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
  return text.replace(UNSAFE_CHARS, '');
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
    block.children = kept;
  }
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
