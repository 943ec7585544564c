import { Router } from 'express';
import { LiveQuery } from '../../contract/comment.schema.ts';
import { validate } from '../http/validate.ts';
import { requireSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import { type LiveHub, resumePoint } from './live.hub.ts';

/**
 * GET /api/v1/events?site&page: a page's live updates as Server-Sent Events
 * (docs/api.md). Streams are opened before Express (live.fast-path.ts); this
 * route answers what that path leaves to Express: every refusal (400, 404,
 * 429) and the requests it does not read exactly as Express would.
 */
export function liveRoutes(db: Db, hub: LiveHub): Router {
  const router = Router();
  router.get(
    '/events',
    validate({ query: LiveQuery }, async ({ query, req, res }) => {
      await requireSite(db, query.site);
      const lastId = resumePoint(req.get('last-event-id'), query.since);
      await hub.open(res, req.ip ?? 'unknown', query.site, query.page, lastId);
    }),
  );
  return router;
}
