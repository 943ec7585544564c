import express, { Router } from 'express';
import { requireJson, validate } from '../http/validate.ts';
import type { Db } from '../store/db.ts';
import { CreateCommentBody, ListCommentsQuery } from './comment.schema.ts';
import { createComment, getThread } from './comment.service.ts';

/** Public comment API (docs/api.md). */
export function commentRoutes(db: Db): Router {
  const router = Router();
  const json = express.json({ limit: '64kb', strict: true });

  router.get('/comments', validate('query', ListCommentsQuery), async (_req, res) => {
    const { site, page } = res.locals.query as { site: string; page: string };
    res.json(await getThread(db, site, page));
  });

  router.post(
    '/comments',
    requireJson,
    json,
    validate('body', CreateCommentBody),
    async (req, res) => {
      const body = res.locals.body as CreateCommentBody;
      const meta = { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null };
      const comment = await db.transaction().execute((tx) => createComment(tx, body, meta));
      res.status(201).json({ comment });
    },
  );

  return router;
}
