import { describe, expect, it } from 'vitest';
import type { Comment } from '../../contract/api.ts';
import { firstRenderMessages } from '../../contract/i18n/reader/first-render.ts';
import { readerMessages } from '../../contract/i18n/reader/index.ts';
import { FIRST_SCREEN_COMMENTS, renderThreadMarkup } from './thread-markup.ts';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const comment = (id: string, parentId: string | null = null): Comment => ({
  id,
  parentId,
  html: `<p>Text of ${id}</p>`,
  createdAt: '2026-11-29T11:00:00Z',
  author: { name: `Author <${id}>`, url: null, avatarUrl: '', provider: 'guest' },
});
const render = (comments: Comment[], nextCursor: string | null = null) =>
  renderThreadMarkup({
    thread: { comments, total: comments.length, nextCursor, moreReplies: {} },
    locale: 'en',
    messages: firstRenderMessages(readerMessages('en')),
    pageUrl: 'https://blog.example/p',
    maxDepth: 3,
    now: NOW,
  });

describe("the iframe page's first render", () => {
  it('renders a screenful of comments in reading order; the app adds the rest and "Load more"', () => {
    const threads = Array.from({ length: 30 }, (_, i) => [
      comment(`t${i}`),
      comment(`t${i}r`, `t${i}`),
    ]).flat();
    const html = render(threads, 'next-page');
    const shown = [...html.matchAll(/<article id="comment-(\w+)"/g)].map((m) => m[1]);
    // Each thread whole (its reply with it), in order, until the screenful is reached.
    expect(shown).toEqual(threads.slice(0, FIRST_SCREEN_COMMENTS).map((c) => c.id));
    expect(html).toContain('>60 comments</h2>');
    // "Load more comments" belongs under the whole list: not under part of it.
    expect(html).not.toContain('data-testid="load-more"');
    expect(render(threads.slice(0, 4), 'next-page')).toContain('data-testid="load-more" disabled');
  });

  // The bench's first thread has 23 comments: kept whole, all of them were
  // laid out before the frame's first paint.
  it('cuts inside a long thread, and leaves its "more replies" to the app, below the rest', () => {
    const long = [
      comment('root'),
      ...Array.from({ length: 10 }, (_, i) => comment(`r${i}`, i % 2 ? `r${i - 1}` : 'root')),
    ];
    const comments = [...long, comment('next')];
    const html = renderThreadMarkup({
      thread: {
        comments,
        total: 40,
        nextCursor: null,
        moreReplies: { root: { count: 5, cursor: 'c' } },
      },
      locale: 'en',
      messages: firstRenderMessages(readerMessages('en')),
      pageUrl: 'https://blog.example/p',
      maxDepth: 3,
      now: NOW,
    });
    const shown = [...html.matchAll(/<article id="comment-(\w+)"/g)].map((m) => m[1]);
    expect(shown).toEqual(['root', 'r0', 'r1', 'r2', 'r3', 'r4']);
    expect(html).not.toContain('data-testid="more-replies"');
    expect(html).not.toContain('data-testid="load-more"');
    // Not cut: the thread's button where the app puts it, under its replies.
    const whole = renderThreadMarkup({
      thread: {
        comments: long.slice(0, 3),
        total: 3,
        nextCursor: null,
        moreReplies: { root: { count: 5, cursor: 'c' } },
      },
      locale: 'en',
      messages: firstRenderMessages(readerMessages('en')),
      pageUrl: 'https://blog.example/p',
      maxDepth: 3,
      now: NOW,
    });
    expect(whole).toMatch(/comment-r1"[\s\S]*data-testid="more-replies"/);
  });

  it("escapes the author's name and keeps the sanitised body as it is", () => {
    const html = render([comment('a')]);
    expect(html).toContain('<span class="author">Author &lt;a&gt;</span>');
    expect(html).toContain('<div class="body" data-testid="comment-body"><p>Text of a</p></div>');
    expect(html).toContain('<time datetime="2026-11-29T11:00:00Z">1 hour ago</time>');
  });

  // Nobody behind a comment, or an unnamed imported author, is stored with an
  // empty name: the first paint says so in the reader's words, as the app
  // does, not an empty name and "Reply to " until the app takes over.
  it("names a deleted or anonymous author in the reader's language", () => {
    const gone: Comment = {
      ...comment('gone'),
      author: { name: '', url: null, avatarUrl: '', provider: 'guest', deleted: true },
    };
    const unnamed: Comment = {
      ...comment('unnamed', 'gone'),
      author: { name: '', anonymous: true, url: null, avatarUrl: '', provider: 'guest' },
    };
    const reply = comment('reply', 'unnamed');
    const html = renderThreadMarkup({
      thread: { comments: [gone, unnamed, reply], total: 3, nextCursor: null, moreReplies: {} },
      locale: 'fr',
      messages: firstRenderMessages(readerMessages('fr')),
      pageUrl: 'https://blog.example/p',
      maxDepth: 1, // every reply flat, each saying whom it answers
      now: NOW,
    });
    expect(html).toContain('<span class="author">Utilisateur supprimé</span>');
    expect(html).toContain('aria-label="Répondre à Utilisateur supprimé"');
    expect(html).toContain('<span class="author">Anonyme</span>');
    expect(html).toContain('aria-label="Répondre à Anonyme"');
    expect(html).toContain(
      'aria-label="En réponse à Utilisateur supprimé">↪ Utilisateur supprimé</a>',
    );
    expect(html).toContain('aria-label="En réponse à Anonyme">↪ Anonyme</a>');
    expect(html).not.toMatch(/<span class="author"><\/span>|à "|à <|↪ <\/a>/);
  });
});
