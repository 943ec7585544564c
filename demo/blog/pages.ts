import type { Post } from './posts.ts';

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

// Loud on purpose: broad selectors a real theme might have. None of it may
// reach the comments inside the iframe.
const STYLE = `
* { box-sizing: border-box; }
body { margin: 0; font: 19px/1.7 Georgia, serif; color: #2b1d0e; background: #fbf6ec; }
header, main, footer { max-width: 720px; margin: 0 auto; padding: 1.5rem; }
header a { color: inherit; text-decoration: none; font-weight: bold; font-size: 1.4rem; }
a { color: #b3261e; }
h1 { font-size: 2.4rem; line-height: 1.2; margin-bottom: .2rem; }
.date { color: #7a6a58; font-style: italic; }
button, input, textarea { font: inherit; color: purple; background: yellow; }
p { text-indent: 2em; }
.notice { background: #fff3c4; border: 1px solid #e5c65c; padding: .6rem 1rem; font-size: .9rem; }
`;

function layout(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
${head}
<style>${STYLE}</style>
</head>
<body>
<header><a href="/">The Parley demo blog</a></header>
<main>
${body}
</main>
<footer><small>A demo site on its own origin, embedding Parley like any site would.</small></footer>
</body>
</html>
`;
}

/**
 * The list of posts, each with its comment count: count.js fills every
 * `data-parley-count` span from the post's page id (its canonical URL, the
 * embed's default), the way the README tells a site owner to.
 */
export function indexPage(
  posts: Post[],
  options: { url: string; parleyUrl: string; siteId: string },
): string {
  const items = posts
    .map((p) => {
      const pageId = `${options.url}/posts/${p.slug}`;
      return `<li><a href="/posts/${p.slug}">${escapeHtml(p.title)}</a> <span class="date">${p.date}</span> · <span data-parley-count="${escapeHtml(pageId)}">Comments</span></li>`;
    })
    .join('\n');
  return layout(
    'The Parley demo blog',
    `<h1>Posts</h1>\n<ul>\n${items}\n</ul>
<script src="${escapeHtml(options.parleyUrl)}/count.js" data-site="${escapeHtml(options.siteId)}" async></script>`,
  );
}

/** A post with the embed snippet exactly as the README gives it to site owners. */
export function postPage(
  post: Post,
  options: { url: string; parleyUrl: string; siteId: string; sandboxUrl?: string | undefined },
): string {
  const { url: blogUrl, parleyUrl, siteId } = options;
  const canonical = `${blogUrl}/posts/${post.slug}`;
  const notice = options.sandboxUrl
    ? '<p class="notice" data-testid="sandbox-notice">Sign-in on this demo uses sandbox WordPress.com, Twitter and Facebook providers: pick one of their sample users. No real account is used.</p>\n'
    : '';
  const paragraphs = post.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return layout(
    post.title,
    `<article>
<h1>${escapeHtml(post.title)}</h1>
<p class="date">${post.date}</p>
${paragraphs}
</article>
<h2 id="comments">Comments</h2>
${notice}<div id="parley-thread"></div>
<script src="${escapeHtml(parleyUrl)}/embed.js" data-site="${escapeHtml(siteId)}" async></script>`,
    `<link rel="canonical" href="${escapeHtml(canonical)}">`,
  );
}
