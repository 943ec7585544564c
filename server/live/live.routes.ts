import { Router } from 'express';
import { LiveQuery } from '../../contract/comment.schema.ts';
import { validate } from '../http/validate.ts';
import { requireSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import type { LiveHub } from './live.hub.ts';

/** An id longer than any log hands out is no id: the reader gets a reset. */
const MAX_EVENT_ID = 64;

/** GET /api/v1/events?site&page: a page's live updates as Server-Sent Events (docs/api.md). */
export function liveRoutes(db: Db, hub: LiveHub): Router {
  const router = Router();
  router.get(
    '/events',
    validate({ query: LiveQuery }, async ({ query, req, res }) => {
      await requireSite(db, query.site);
      const header = req.get('last-event-id');
      const lastId = header !== undefined ? header.slice(0, MAX_EVENT_ID) : (query.since ?? null);
      await hub.open(req, res, query.site, query.page, lastId);
    }),
  );
  return router;
}
