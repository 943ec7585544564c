/** Small builders for the thread app's tests (not part of the bundle). */
import type { Comment, CommentList, ThreadBootstrap } from '../../contract/api.ts';
import { en } from '../../contract/i18n/reader/en.ts';

export const HOST_ORIGIN = 'https://blog.example';

let seq = 0;

/** A comment as the API presents it; override what the test is about. */
export function buildComment(overrides: Partial<Comment> = {}): Comment {
  seq += 1;
  return {
    id: `c${seq}`,
    parentId: null,
    html: `<p>Comment ${seq}</p>`,
    createdAt: new Date(Date.now() - 3600_000).toISOString(),
    author: {
      name: `Reader ${seq}`,
      url: null,
      avatarUrl: `https://comments.example/avatars/${seq}.png`,
      provider: 'guest',
    },
    ...overrides,
  };
}

/** A one-page thread of these comments, counted as the server counts (published only). */
export function threadOf(comments: Comment[], more: Partial<CommentList> = {}): CommentList {
  const total = comments.filter((c) => !c.status && !c.deleted).length;
  return { comments, total, nextCursor: null, moreReplies: {}, ...more };
}

/** A bootstrap for the page /post of site "blog", with the given comments. */
export function buildBootstrap(
  comments: Comment[] | null = [],
  overrides: Partial<ThreadBootstrap> = {},
): ThreadBootstrap {
  return {
    apiBase: '',
    site: 'blog',
    page: '/post',
    pageUrl: `${HOST_ORIGIN}/post`,
    pageTitle: 'A post',
    hostOrigin: HOST_ORIGIN,
    theme: 'auto',
    maxDepth: 3,
    maxBodyChars: 10_000,
    thread: comments && threadOf(comments),
    liveFrom: '0',
    providers: [],
    formToken: '1764000000000.test-form-token',
    privacy: { akismet: false, privacyUrl: null, deletion: 'choice' },
    look: { background: null, font: null, accent: null },
    locale: 'en',
    // Every word at once: the tests read the widget in English.
    messages: en,
    ...overrides,
  };
}

/** A JSON response like the server's, for a stubbed fetch. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}
