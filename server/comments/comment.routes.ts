import express, { type Request, type Response, Router } from 'express';
import {
  CommentIdParams,
  CreateCommentBody,
  EditCommentBody,
  ListCommentsQuery,
  SignedInCommentBody,
} from '../../contract/comment.schema.ts';
import { identify, sessionOf } from '../auth/identify.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { requireJson, validate } from '../http/validate.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../notifications/mailer.ts';
import type { Db } from '../store/db.ts';
import { ensureAuthorKey, readAuthorKeyHash } from './author-key.ts';
import { type AuthorCredentials, deleteComment, editComment } from './comment.edit.ts';
import type { ModerationDeps } from './comment.moderation.ts';
import { createComment, getThread } from './comment.service.ts';
import { formAgeMs } from './form-token.ts';
import { notifyHeld } from './notify-held.ts';

export interface CommentServices {
  moderation: ModerationDeps;
  mailer: Mailer;
  logger: Logger;
}

/** Public comment API (docs/api.md). */
export function commentRoutes(db: Db, config: Config, services: CommentServices): Router {
  const router = Router();
  const json = express.json({ limit: '64kb', strict: true });

  router.get('/comments', validate('query', ListCommentsQuery), async (req, res) => {
    const { site, page } = res.locals.query as { site: string; page: string };
    res.json(await getThread(db, site, page, readAuthorKeyHash(req, site)));
  });

  router.post(
    '/comments',
    requireJson,
    identify(db, config),
    json,
    (req, res, next) =>
      validate('body', sessionOf(res) ? SignedInCommentBody : CreateCommentBody)(req, res, next),
    async (req, res) => {
      const session = sessionOf(res);
      const body = res.locals.body as CreateCommentBody | SignedInCommentBody;
      if (session && session.siteId !== body.site) {
        throw new AppError(403, 'token_site_mismatch', 'You are signed in on another site', 'site');
      }
      const author = session
        ? { identity: session.identity }
        : { guest: (body as CreateCommentBody).author };
      const created = await createComment(
        db,
        body,
        author,
        {
          ip: req.ip ?? null,
          userAgent: req.get('user-agent') ?? null,
          honeypot: body.hp,
          formAgeMs: formAgeMs(config.authSecret, body.site, body.formToken),
          // Only a post that passed validation earns the browser a key.
          authorKeyHash: ensureAuthorKey(req, res, body.site),
        },
        services.moderation,
      );
      notifyHeld(db, services.mailer, services.logger, config.publicUrl, created);
      res.status(201).json({ comment: created.comment });
    },
  );

  router.patch(
    '/comments/:id',
    requireJson,
    identify(db, config),
    json,
    validate('body', EditCommentBody),
    async (req, res) => {
      const { body } = res.locals.body as EditCommentBody;
      const edited = await editComment(
        db,
        commentId(req.params),
        body,
        credentials(req, res),
        { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null },
        services.moderation,
      );
      // Moderators hear of a comment held again, not of every edit to one already held.
      if (edited.previousStatus !== 'pending') {
        notifyHeld(db, services.mailer, services.logger, config.publicUrl, edited);
      }
      res.json({ comment: edited.comment });
    },
  );

  router.delete('/comments/:id', identify(db, config), async (req, res) => {
    await deleteComment(db, commentId(req.params), credentials(req, res));
    res.status(204).end();
  });

  return router;
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
