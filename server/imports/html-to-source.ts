/**
 * Turns a source system's comment HTML (WordPress, Disqus, Remark42) into
 * the Markdown-ish text Parley's renderer takes, so the stored HTML is always
 * Parley's own rendering: the source HTML is read, never trusted or kept.
 * Paragraphs, line breaks, links, emphasis, code and quotes survive; every
 * other element keeps only its text, and scripts and styles not even that.
 */
import { Parser } from 'htmlparser2';

const DROPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'textarea',
  'select',
  'iframe',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tr',
]);
const WRAP: Record<string, string> = { strong: '**', b: '**', em: '*', i: '*', code: '`' };
const SAFE_HREF = /^(?:https?:|mailto:)/i;

interface Frame {
  tag: string;
  out: string;
  href?: string;
}

/** Backslash-escapes what Parley's Markdown subset would read as markup. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]]/g, '\\$&').replace(/^(\s*)>/gm, '$1\\>');
}

/** The Markdown source for `html`, with entities decoded and unknown elements reduced to text. */
export function htmlToSource(html: string): string {
  const stack: Frame[] = [{ tag: '', out: '' }];
  let dropped = 0;
  // `<br>\n` is one line break (Parley's own HTML and Disqus's write it so), not two.
  let afterBreak = false;
  const top = () => stack[stack.length - 1] as Frame;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (dropped > 0 || DROPPED.has(name)) {
          if (DROPPED.has(name)) dropped++;
          return;
        }
        if (name === 'br') {
          top().out += '\n';
          afterBreak = true;
          return;
        } else if (BLOCKS.has(name)) top().out += '\n\n';
        if (name === 'a' || name === 'blockquote' || name === 'pre' || name in WRAP) {
          stack.push({ tag: name, out: '', href: attributes.href?.trim() });
        }
      },
      ontext(raw) {
        if (dropped > 0) return;
        const text = afterBreak ? raw.replace(/^\r?\n/, '') : raw;
        afterBreak = false;
        const frame = top();
        const inPre = stack.some((f) => f.tag === 'pre');
        frame.out += inPre ? text : escapeText(text);
      },
      onclosetag(name) {
        if (DROPPED.has(name)) {
          dropped = Math.max(0, dropped - 1);
          return;
        }
        if (dropped > 0) return;
        if (BLOCKS.has(name)) top().out += '\n\n';
        if (top().tag !== name || stack.length === 1) return;
        const frame = stack.pop() as Frame;
        top().out += closeFrame(frame);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  while (stack.length > 1) {
    const frame = stack.pop() as Frame;
    top().out += closeFrame(frame);
  }
  return top()
    .out.replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function closeFrame(frame: Frame): string {
  const inner = frame.out;
  if (frame.tag === 'a') {
    const text = inner.trim();
    if (!frame.href || !SAFE_HREF.test(frame.href)) return inner;
    // A link whose text is its address stays a bare address (the renderer links it).
    if (text === escapeText(frame.href) || text === '') return frame.href;
    return `[${text}](<${frame.href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
  }
  if (frame.tag === 'blockquote') {
    const lines = inner.trim().split('\n');
    return `\n\n${lines.map((line) => `> ${line}`).join('\n')}\n\n`;
  }
  if (frame.tag === 'pre') {
    const code = inner.replace(/^`|`$/g, '').replace(/```/g, '` ` `');
    return `\n\n\`\`\`\n${code.replace(/\n$/, '')}\n\`\`\`\n\n`;
  }
  const mark = WRAP[frame.tag] ?? '';
  const text =
    frame.tag === 'code' ? inner.replace(/\\([\\`*_[\]])/g, '$1').replace(/`/g, '') : inner;
  // Emphasis around nothing (or only spaces) would print the marks.
  return text.trim() ? `${mark}${text}${mark}` : text;
}
