import express, { type Request, type RequestHandler, type Response, Router } from 'express';
import type { CreateCommentResponse } from '../../contract/api.ts';
import {
  CommentIdParams,
  CountsQuery,
  CreateCommentBody,
  EditCommentBody,
  ListCommentsQuery,
  SignedInCommentBody,
} from '../../contract/comment.schema.ts';
import { negotiateLocale } from '../../contract/i18n/locales.ts';
import { identify, sessionOf } from '../auth/identify.ts';
import type { SessionContext } from '../auth/session.service.ts';
import { guestAvatar } from '../avatars/avatar-source.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { sendCached } from '../http/cached-body.ts';
import { sendJson } from '../http/send-json.ts';
import { requireJson, validate } from '../http/validate.ts';
import { requireSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import { type NotifyDeps, subscribe } from '../subscriptions/subscription.service.ts';
import { authorKeyFor, grantAuthorKey, readAuthorKeyHash } from './author-key.ts';
import { type AuthorCredentials, deleteComment, editComment } from './comment.edit.ts';
import type { ModerationDeps } from './comment.moderation.ts';
import { type CommentAuthorInput, createComment } from './comment.service.ts';
import { COUNTS_CACHE_CONTROL } from './counts.fast-path.ts';
import { countCommentsJson } from './counts.service.ts';
import { formAgeMs } from './form-token.ts';
import type { ThreadCache } from './thread.cache.ts';
import { PUBLIC_SLICE } from './thread.fast-path.ts';
import { readThread } from './thread.service.ts';

export interface CommentServices {
  moderation: ModerationDeps;
  notify: NotifyDeps;
  /** Hot thread pages (thread.cache.ts). */
  cache: ThreadCache;
}

/** Public comment API (docs/api.md). */
export function commentRoutes(db: Db, config: Config, services: CommentServices): Router {
  const router = Router();
  const json = express.json({ limit: COMMENT_BODY_LIMIT, strict: true });
  const postComment = createCommentHandler(db, config, services);

  router.get(
    '/comments',
    validate({ query: ListCommentsQuery }, async ({ query, req, res }) => {
      const site = await requireSite(db, query.site);
      const viewer = readAuthorKeyHash(req, site.id);
      const answer = await readThread(db, services.cache, site, query.page, query, viewer);
      if ('own' in answer) {
        // Built for this reader alone (their held or editable comments).
        res.setHeader('Cache-Control', 'private, no-cache');
        res.json(answer.own);
        return;
      }
      await sendCached(req, res, services.cache, answer.key, answer.cached, PUBLIC_SLICE);
    }),
  );

  router.get(
    '/counts',
    (_req, res, next) => {
      // Public numbers, fetched by count.js from the blog's own pages (errors too).
      res.setHeader('Access-Control-Allow-Origin', '*');
      next();
    },
    validate({ query: CountsQuery }, async ({ query, res }) => {
      const json = await countCommentsJson(db, services.cache, query.site, query.page);
      res.setHeader('Cache-Control', COUNTS_CACHE_CONTROL);
      // What res.json would send for the parsed answer (same bytes, same headers).
      res.type('application/json').send(json);
    }),
  );

  router.post('/comments', requireJson, identify(db, config), json, postComment);

  router.patch(
    '/comments/:id',
    requireJson,
    identify(db, config),
    json,
    validate({ body: EditCommentBody }, async ({ body, req, res }) => {
      const edited = await editComment(
        db,
        commentId(req.params),
        body.body,
        credentials(req, res),
        { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null },
        services.moderation,
      );
      res.json({ comment: edited.comment });
    }),
  );

  router.delete('/comments/:id', identify(db, config), async (req, res) => {
    await deleteComment(db, commentId(req.params), credentials(req, res));
    res.status(204).end();
  });

  return router;
}

/** Bodies of comment posts and edits: at most this many bytes (express.json's `limit`). */
export const COMMENT_BODY_LIMIT = 64 * 1024;

/**
 * `POST /api/v1/comments` once its body is parsed (and a Bearer token, if
 * any, identified): validates, creates, answers 201. The Express route and
 * the path before Express (comment.fast-path.ts) both end here.
 */
export function createCommentHandler(
  db: Db,
  config: Config,
  services: CommentServices,
): RequestHandler {
  return validate(
    { body: (_req, res) => (sessionOf(res) ? SignedInCommentBody : CreateCommentBody) },
    async ({ body, req, res }) => {
      const session = sessionOf(res);
      if (session && session.siteId !== body.site) {
        throw new AppError(403, 'token_site_mismatch', 'You are signed in on another site', 'site');
      }
      const authorKey = authorKeyFor(req, body.site);
      const author = authorOf(session, body, config.authSecret);
      const created = await createComment(
        db,
        body,
        author,
        {
          ip: req.ip ?? null,
          userAgent: req.get('user-agent') ?? null,
          honeypot: body.hp,
          formAgeMs: formAgeMs(config.authSecret, body.site, body.formToken),
          authorKeyHash: authorKey.hash,
        },
        services.moderation,
      );
      const subscription = body.notify
        ? await subscribe(db, services.notify, {
            site: created.site,
            pageId: created.pageId,
            comment: { id: created.comment.id, status: created.status },
            email: 'guest' in author ? author.guest.email : author.identity.email,
            identityId: 'identity' in author ? author.identity.id : null,
            // The widget's language, else the site's, else the browser's.
            locale: negotiateLocale([
              body.notify.lang,
              created.site.settings.language,
              ...req.acceptsLanguages(),
            ]),
            wants: body.notify,
          })
        : undefined;
      // Only an accepted post earns the browser a key.
      grantAuthorKey(res, body.site, authorKey);
      const response: CreateCommentResponse = {
        comment: created.comment,
        ...(subscription ? { subscription } : {}),
      };
      sendJson(res, 201, response);
    },
  );
}

/** A signed-in reader writes as their identity; a guest as the details they typed. */
function authorOf(
  session: SessionContext | undefined,
  body: CreateCommentBody | SignedInCommentBody,
  avatarSecret: string,
): CommentAuthorInput {
  if (session) return { identity: session.identity };
  if ('author' in body) {
    const { email, name } = body.author;
    return { guest: body.author, avatar: guestAvatar(avatarSecret, body.site, email, name) };
  }
  // Not reached: without a session the body was checked against the guest schema, which requires it.
  throw new AppError(400, 'invalid_body', 'author: is required', 'author');
}

function commentId(params: unknown): string {
  const parsed = CommentIdParams.safeParse(params);
  if (!parsed.success) throw new AppError(404, 'comment_not_found', 'No comment with that id');
  return parsed.data.id;
}

/** What shows the request is a comment's author: the site's author-key cookie, the Bearer identity. */
function credentials(req: Request, res: Response): AuthorCredentials {
  const session = sessionOf(res);
  return {
    keyHashFor: (siteId) => readAuthorKeyHash(req, siteId),
    session: session ? { identityId: session.identity.id, siteId: session.siteId } : null,
  };
}
