import express, { Router } from 'express';
import { identify, sessionOf } from '../auth/identify.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { requireJson, validate } from '../http/validate.ts';
import type { Db } from '../store/db.ts';
import { CreateCommentBody, ListCommentsQuery, SignedInCommentBody } from './comment.schema.ts';
import { createComment, getThread } from './comment.service.ts';

/** Public comment API (docs/api.md). */
export function commentRoutes(db: Db, config: Config): Router {
  const router = Router();
  const json = express.json({ limit: '64kb', strict: true });

  router.get('/comments', validate('query', ListCommentsQuery), async (_req, res) => {
    const { site, page } = res.locals.query as { site: string; page: string };
    res.json(await getThread(db, site, page));
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
      const meta = { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null };
      const comment = await db.transaction().execute((tx) => createComment(tx, body, author, meta));
      res.status(201).json({ comment });
    },
  );

  return router;
}
