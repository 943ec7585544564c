/**
 * Request bodies and queries of the public comment API (docs/api.md), in zod.
 * The server validates with these; clients take their request types from the
 * `*Request` types below with `import type`, so zod never reaches a bundle.
 */
import { z } from 'zod';
import { SiteId } from './site-settings.schema.ts';
import { withoutUnsafeChars } from './unsafe-chars.ts';

/** A URL the reader typed as their website; "example.com" means http://example.com. */
const Website = z
  .string()
  .trim()
  .max(2048)
  .transform((value, ctx) => {
    if (value === '') return null;
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `http://${value}`;
    try {
      const url = new URL(withScheme);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')) {
        return url.href;
      }
    } catch {}
    ctx.addIssue({ code: 'custom', message: 'Website must be an http or https address' });
    return z.NEVER;
  });

const HttpUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http or https URL');

/** A line shown to readers (a name, a title): trimmed, without controls or bidi overrides. */
const PlainText = z.string().transform((value) => withoutUnsafeChars(value).trim());

/**
 * A page's id on its site (the embed's data-page, else its URL). Never with
 * U+0000: PostgreSQL refuses such text outright (a 500 on every door that
 * reads or writes the page), and node:sqlite gives it back cut at the NUL (a
 * comment posted to one page is then found on another).
 */
export const PageKey = z
  .string()
  .trim()
  .min(1)
  .max(2048)
  .refine(hasNoNul, 'must not contain U+0000');

/** Whether `text` can be stored as it is on both dialects (no U+0000). */
export function hasNoNul(text: string): boolean {
  return !text.includes('\u0000');
}

export const CreateCommentBody = z.object({
  site: SiteId,
  page: PageKey,
  pageUrl: HttpUrl,
  pageTitle: PlainText.pipe(z.string().max(500)).optional().default(''),
  parentId: z.string().min(1).max(32).nullish(),
  // Length is checked by the service (413 body_too_large), after trimming.
  body: z.string(),
  /** The hidden honeypot field: anything typed there means a bot. */
  hp: z.string().max(2048).optional(),
  /** ThreadBootstrap.formToken, proving when the form was rendered. */
  formToken: z.string().max(200).optional(),
  /**
   * The form's "Notify me" boxes (WordPress's two): new replies to this
   * comment, new comments on the page. `lang` is the widget's language, for
   * the emails.
   */
  notify: z
    .object({
      replies: z.boolean().optional().default(false),
      page: z.boolean().optional().default(false),
      lang: z.string().max(35).optional(),
    })
    .optional(),
  author: z.object({
    name: PlainText.pipe(z.string().min(1, 'Name is required').max(100)),
    email: z.string().trim().max(254).pipe(z.email('Email must be a valid address')),
    website: Website.optional(),
  }),
});
/** What the server hands the handler of POST /api/v1/comments. */
export type CreateCommentBody = z.infer<typeof CreateCommentBody>;
/** What a client sends to POST /api/v1/comments. */
export type CreateCommentRequest = z.input<typeof CreateCommentBody>;

/** A signed-in reader's comment: the author comes from their identity; `author` is ignored. */
export const SignedInCommentBody = CreateCommentBody.omit({ author: true });
export type SignedInCommentBody = z.infer<typeof SignedInCommentBody>;
export type SignedInCommentRequest = z.input<typeof SignedInCommentBody>;

/** Page ids of one site whose comment counts a listing page shows (`?page=A&page=B`). */
export const MAX_COUNTED_PAGES = 100;
export const CountsQuery = z.object({
  site: SiteId,
  page: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(
      z.array(PageKey).min(1).max(MAX_COUNTED_PAGES, `at most ${MAX_COUNTED_PAGES} pages at once`),
    ),
});
export type CountsQuery = z.infer<typeof CountsQuery>;

export const ListCommentsQuery = z.object({
  site: SiteId,
  page: PageKey,
  /** `nextCursor` of the previous page, or `moreReplies[id].cursor` with `parent`. */
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be a cursor this server gave')
    .optional(),
  sort: z.enum(['oldest', 'newest']).default('oldest'),
  /** A top-level comment: list its replies (after `cursor`) instead. */
  parent: z.string().min(1).max(32).optional(),
});
export type ListCommentsQuery = z.infer<typeof ListCommentsQuery>;
export type ListCommentsRequest = z.input<typeof ListCommentsQuery>;

/**
 * GET /api/v1/events (live updates). `since` is where the page's thread was
 * read (`ThreadBootstrap.liveFrom`), for a first connection; a reconnection
 * sends `Last-Event-ID` instead.
 */
export const LiveQuery = ListCommentsQuery.extend({
  since: z.string().max(64).optional(),
});

/** PATCH /api/v1/comments/:id. Length is checked by the service, after trimming. */
export const EditCommentBody = z.object({ body: z.string() });
export type EditCommentBody = z.infer<typeof EditCommentBody>;
export type EditCommentRequest = z.input<typeof EditCommentBody>;

export const CommentIdParams = z.object({ id: z.string().min(1).max(32) });
