import express, { Router } from 'express';
import { identify, sessionOf } from '../auth/identify.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { requireJson, validate } from '../http/validate.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../notifications/mailer.ts';
import type { Db } from '../store/db.ts';
import { ensureAuthorKey, readAuthorKeyHash } from './author-key.ts';
import type { ModerationDeps } from './comment.moderation.ts';
import { CreateCommentBody, ListCommentsQuery, SignedInCommentBody } from './comment.schema.ts';
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

  return router;
}
