import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { LINK_REL, MAX_BODY_CHARS, renderCommentBody } from './render.ts';

// jsdom ships no types and @types/jsdom is not installed; this is the one shape we use.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: Window };
};

const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = {
  P: [],
  BR: [],
  EM: [],
  STRONG: [],
  CODE: [],
  PRE: [],
  BLOCKQUOTE: [],
  A: ['href', 'rel', 'target'],
};
const ALLOWED_PROTOCOLS = ['http:', 'https:', 'mailto:'];
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const LINK = `rel="${LINK_REL}" target="_blank"`;

/** Parses rendered HTML the way a browser would and checks every invariant the renderer promises. */
function expectSafe(html: string): void {
  const body = new JSDOM(html).window.document.body;
  for (const element of body.querySelectorAll('*')) {
    expect(Object.keys(ALLOWED_ATTRIBUTES), `<${element.localName}>`).toContain(element.tagName);
    for (const { name } of element.attributes) {
      expect(name.startsWith('on'), name).toBe(false);
      expect(['style', 'class', 'id', 'src']).not.toContain(name);
      expect(ALLOWED_ATTRIBUTES[element.tagName], name).toContain(name);
    }
  }
  for (const link of body.querySelectorAll('a')) {
    const href = link.getAttribute('href') ?? '';
    // Parsed without a base: a relative or protocol-relative href throws here.
    expect(ALLOWED_PROTOCOLS).toContain(new URL(href).protocol);
    expect(link.getAttribute('rel')).toBe(LINK_REL);
    expect(link.getAttribute('target')).toBe('_blank');
  }
  expect(html).not.toMatch(BIDI_CONTROLS);
  expect(body.textContent).not.toMatch(BIDI_CONTROLS);
}

/** Hrefs of every link in rendered HTML. */
function hrefs(html: string): string[] {
  const links = new JSDOM(html).window.document.querySelectorAll('a');
  return [...links].map((link) => link.getAttribute('href') ?? '');
}

describe('renderCommentBody: plain text', () => {
  it('wraps text in a paragraph', () => {
    expect(renderCommentBody('Nice post!')).toBe('<p>Nice post!</p>');
  });

  it('splits paragraphs on a blank line and keeps single line breaks', () => {
    expect(renderCommentBody('one\ntwo\n\nthree')).toBe('<p>one<br />\ntwo</p>\n<p>three</p>');
  });

  it('treats Windows and old Mac line endings like \\n', () => {
    expect(renderCommentBody('a\r\nb\rc')).toBe('<p>a<br />\nb<br />\nc</p>');
  });

  it('renders nothing for an empty or blank comment', () => {
    expect(renderCommentBody('')).toBe('');
    expect(renderCommentBody(' \n\t\n ')).toBe('');
  });

  it('shows raw HTML as the text that was typed', () => {
    const html = renderCommentBody('<b>hi</b> & <i>bye</i>');
    expect(html).toBe('<p>&lt;b&gt;hi&lt;/b&gt; &amp; &lt;i&gt;bye&lt;/i&gt;</p>');
    expect(new JSDOM(html).window.document.body.textContent).toBe('<b>hi</b> & <i>bye</i>');
  });

  it('shows HTML entities as typed rather than decoding them', () => {
    expect(renderCommentBody('&lt;3 &amp;')).toBe('<p>&amp;lt;3 &amp;amp;</p>');
  });

  it('normalises to NFC and strips control characters but keeps tabs', () => {
    expect(renderCommentBody('cafe\u0301\u0000\u0007\u001B\u007F\u0085 a\tb')).toBe(
      '<p>café a\tb</p>',
    );
  });

  it('strips bidi overrides and isolates', () => {
    expect(renderCommentBody('a\u202Eb\u2066c\u2069d\u202Ae')).toBe('<p>abcde</p>');
  });
});

describe('renderCommentBody: bare links', () => {
  it('links http and https URLs', () => {
    expect(renderCommentBody('see https://example.com/a_b_c.')).toBe(
      `<p>see <a href="https://example.com/a_b_c" ${LINK}>https://example.com/a_b_c</a>.</p>`,
    );
    expect(hrefs(renderCommentBody('http://example.com'))).toEqual(['http://example.com']);
  });

  it('links www. hosts over http', () => {
    expect(renderCommentBody('www.example.org')).toBe(
      `<p><a href="http://www.example.org" ${LINK}>www.example.org</a></p>`,
    );
  });

  it('links e-mail addresses with mailto', () => {
    expect(renderCommentBody('me@example.com')).toBe(
      `<p><a href="mailto:me@example.com" ${LINK}>me@example.com</a></p>`,
    );
  });

  it('leaves file names, bare hosts and other schemes as text', () => {
    const text = 'readme.md example.com localhost:3000 ftp://example.com //example.com';
    expect(renderCommentBody(text)).toBe(`<p>${text}</p>`);
  });

  it('does not autolink inside code', () => {
    expect(renderCommentBody('`https://example.com`')).toBe(
      '<p><code>https://example.com</code></p>',
    );
  });
});

describe('renderCommentBody: Markdown subset', () => {
  it('renders strong and emphasis', () => {
    expect(renderCommentBody('**hi**')).toBe('<p><strong>hi</strong></p>');
    expect(renderCommentBody('*a* _b_ __c__')).toBe(
      '<p><em>a</em> <em>b</em> <strong>c</strong></p>',
    );
  });

  it('renders inline code with its content escaped', () => {
    expect(renderCommentBody('use `a < b` here')).toBe('<p>use <code>a &lt; b</code> here</p>');
  });

  it('renders fenced code without the language class', () => {
    expect(renderCommentBody('```js\nif (a < b) {}\n```')).toBe(
      '<pre><code>if (a &lt; b) {}\n</code></pre>',
    );
  });

  it('renders indented code', () => {
    expect(renderCommentBody('    x = 1\n    y = 2')).toBe(
      '<pre><code>x = 1\ny = 2\n</code></pre>',
    );
  });

  it('renders blockquotes', () => {
    expect(renderCommentBody('> quoted\n> text\n\nreply')).toBe(
      '<blockquote>\n<p>quoted<br />\ntext</p>\n</blockquote>\n<p>reply</p>',
    );
  });

  it('renders links with our rel and target, dropping the title', () => {
    expect(renderCommentBody('[the *docs*](https://example.com/docs "Docs")')).toBe(
      `<p><a href="https://example.com/docs" ${LINK}>the <em>docs</em></a></p>`,
    );
    expect(hrefs(renderCommentBody('[mail](mailto:a@example.com)'))).toEqual([
      'mailto:a@example.com',
    ]);
  });

  it('keeps the text of a link whose target is not allowed', () => {
    expect(renderCommentBody('[click **me**](javascript:alert(1))')).toBe(
      '<p>click <strong>me</strong></p>',
    );
    expect(renderCommentBody('[home](/home)')).toBe('<p>home</p>');
  });

  it('honours backslash escapes', () => {
    expect(renderCommentBody('\\*not em\\*')).toBe('<p>*not em*</p>');
  });

  it('leaves headings, lists, tables, rules and images as text', () => {
    expect(renderCommentBody('# Title\n- one\n1. two\n| a | b |\n---')).toBe(
      '<p># Title<br />\n- one<br />\n1. two<br />\n| a | b |<br />\n---</p>',
    );
    // Without the image rule the brackets read as a link, so the image is only linked to.
    expect(renderCommentBody('![cat](https://example.com/cat.png)')).toBe(
      `<p>!<a href="https://example.com/cat.png" ${LINK}>cat</a></p>`,
    );
  });

  it('exports the body length limit the service enforces', () => {
    expect(MAX_BODY_CHARS).toBe(10_000);
  });
});

const LONG = 50_000;

const HOSTILE: readonly string[] = [
  // Tags that run script or load content
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<<script>script>alert(1)<</script>/script>',
  '<scr\u0000ipt>alert(1)</scr\u0000ipt>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<embed src=javascript:alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<base href="//evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=stylesheet href=javascript:alert(1)>',
  // CSS
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<div style="width: expression(alert(1))">x</div>',
  '<p style="color:red" class="x" id="y">styled</p>',
  '<xss style="behavior: url(xss.htc)">',
  // Raw anchors
  '<a href="javascript:alert(1)">click</a>',
  '<a href="http://ok.example" onclick="alert(1)">ok</a>',
  '<a href="&#14;javascript:alert(1)">x</a>',
  // javascript: in Markdown links, every spelling
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x](<  javascript:alert(1)>)',
  '[x](&#106;avascript:alert(1))',
  '[x](&#x6A;avascript&#x3A;alert(1))',
  '[x](java&#09;script:alert(1))',
  '[x](java\tscript:alert(1))',
  '[x](javascript%3Aalert(1))',
  '[x](\u000Ejavascript:alert(1))',
  '[x](\u00A0javascript:alert(1))',
  '[x](ｊａｖａｓｃｒｉｐｔ:alert(1))',
  '[x](javascript\uFF1Aalert(1))',
  '[x](java\u200Bscript:alert(1))',
  '[x](java\u00ADscript:alert(1))',
  '[x](javascript:alert(1) "title")',
  '> [quoted](javascript:alert(1))',
  // javascript: as a bare URL or autolink
  'javascript:alert(1)',
  'javascript://example.com/%0Aalert(1)',
  '<javascript:alert(1)>',
  'ｊａｖａｓｃｒｉｐｔ://example.com',
  // Other schemes
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](data:image/png;base64,AAAA)',
  '[x](vbscript:msgbox(1))',
  '[x](file:///etc/passwd)',
  '[x](//evil.example)',
  '[x](/relative/path)',
  '[x](http:evil.example)',
  // Attribute injection through Markdown links
  '[x](http://a "onmouseover=alert(1)")',
  '[x](http://a" onmouseover="alert(1))',
  "[x](http://a'onmouseover='alert(1))",
  'http://example.com/"onmouseover="alert(1)',
  'https://example.com/<img src=x onerror=alert(1)>',
  'www.example.com/<script>alert(1)</script>',
  // Markdown/HTML confusion
  '[<img src=x onerror=alert(1)>](http://a)',
  '[[x](http://a)](javascript:alert(1))',
  '[<a href="](javascript:alert(1))">x</a>',
  '**<script>alert(1)</script>**',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '    <img src=x onerror=alert(1)>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  // mXSS-style payloads
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  // Bidi and control characters
  '\u202Ehttps://evil.example/gnp.exe',
  '[\u2066click\u2069](http://a)',
  'https://example.com/%E2%80%AEexe.txt',
  '[x](https://example.com/\u202E)',
  // Very long and pathological input
  `${'*a'.repeat(LONG / 2)}`,
  `${'['.repeat(LONG)}x](javascript:alert(1))`,
  `${'> '.repeat(LONG / 2)}[x](javascript:alert(1))`,
  `${'<script>'.repeat(LONG / 8)}`,
  `${'\u202E'.repeat(LONG)}x`,
  `${'https://example.com/ '.repeat(LONG / 21)}`,
];

describe('renderCommentBody: hostile input', () => {
  it('has a corpus of at least 40 payloads', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(HOSTILE.map((payload) => [payload.slice(0, 60), payload]))(
    'is safe: %s',
    (_, payload) => {
      expectSafe(renderCommentBody(payload));
    },
  );

  it('never links a javascript:, data:, vbscript: or file: target', () => {
    for (const payload of HOSTILE) {
      for (const href of hrefs(renderCommentBody(payload))) {
        expect(href).not.toMatch(/^\s*(?:javascript|data|vbscript|file):/i);
      }
    }
  });

  it('keeps refused links as text rather than dropping them', () => {
    expect(renderCommentBody('[x](ｊａｖａｓｃｒｉｐｔ:alert(1))')).toBe('<p>x</p>');
    expect(renderCommentBody('[x](data:text/html,hi)')).toBe('<p>x</p>');
  });

  it('removes a bidi override smuggled in a link as percent-encoding', () => {
    const html = renderCommentBody('https://example.com/%E2%80%AEexe.txt');
    expect(new JSDOM(html).window.document.body.textContent).toBe('https://example.com/exe.txt');
  });
});

describe('renderCommentBody: link text that is an address', () => {
  const textAndHref = (source: string) => {
    const link = new JSDOM(renderCommentBody(source)).window.document.querySelector('a');
    return [link?.textContent, link?.getAttribute('href')];
  };

  it.each([
    ['[https://good.example](https://evil.example)', 'https://evil.example'],
    ['[https://good.example/login](https://evil.example/login)', 'https://evil.example/login'],
    ['[www.good.example](https://evil.example/)', 'https://evil.example/'],
    ['[good.example](https://evil.example/)', 'https://evil.example/'],
    [
      '[paypal.com/signin](https://evil.example/paypal.com/signin)',
      'https://evil.example/paypal.com/signin',
    ],
    ['[**https://good.example**](https://evil.example)', 'https://evil.example'],
    [
      '[https://good.example](https://good.example.evil.example)',
      'https://good.example.evil.example',
    ],
    ['[me@good.example](mailto:phish@evil.example)', 'phish@evil.example'],
  ])('%s shows the real target', (source, shown) => {
    const [text, href] = textAndHref(source);
    expect(text).toBe(shown);
    expect(href).toBe(shown.includes('@') ? `mailto:${shown}` : shown);
  });

  it.each([
    ['[https://good.example](https://good.example)', 'https://good.example'],
    ['[https://good.example/](https://good.example)', 'https://good.example/'],
    ['[good.example](https://good.example)', 'good.example'],
    ['[www.good.example/docs](https://www.good.example/docs)', 'www.good.example/docs'],
    ['[HTTPS://Good.Example/a](https://good.example/a)', 'HTTPS://Good.Example/a'],
    ['[me@good.example](mailto:me@good.example)', 'me@good.example'],
    ['[the docs](https://evil.example)', 'the docs'],
    ['[version 1.2](https://good.example/v1.2)', 'version 1.2'],
  ])('%s keeps its text: it says where it goes, or is not an address', (source, shown) => {
    expect(textAndHref(source)[0]).toBe(shown);
  });
});
