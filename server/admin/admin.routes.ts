import { Router } from 'express';
import { Login, ModerationRequest, QueueQuery } from '../../contract/dashboard.schema.ts';
import type { Config } from '../config.ts';
import { exportRoutes } from '../exports/export.routes.ts';
import { readCookie } from '../http/cookies.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { type ApiContext, requireJson, validate } from '../http/validate.ts';
import { importRoutes } from '../imports/import.routes.ts';
import type { Logger } from '../logger.ts';
import { findSite } from '../sites/site.repository.ts';
import { requireSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import { adminGuards, adminOf, ADMIN_COOKIE as COOKIE } from './admin.middleware.ts';
import { ADMIN_SESSION_DAYS, logIn, logOut } from './admin.service.ts';
import { planAkismetFeedback, sendAkismetFeedback } from './akismet-feedback.ts';
import { findQueueItem, listQueue, moderate } from './queue.service.ts';
import { siteAdminRoutes } from './site-admin.routes.ts';
import { banCommentAuthor } from './site-settings.service.ts';

/**
 * The dashboard's JSON API under /admin/api. The session is a first-party
 * `SameSite=Strict` cookie; state-changing calls must also be JSON and come
 * from Parley's own origin (a cross-site form can do neither).
 */
export function adminRoutes(db: Db, config: Config, logger: Logger): Router {
  const router = Router();
  const guards = adminGuards(db, config);
  const { cookie, sameOrigin, signedIn, moderatorOf, json } = guards;

  router.use('/admin/api', sameOrigin);

  router.post(
    '/admin/api/login',
    rateLimit('admin-login', config.authRateLimit, 60),
    requireJson,
    json,
    validate({ body: Login }, async ({ body, res }) => {
      const token = await logIn(db, body.email, body.password);
      res.cookie(COOKIE, token, { ...cookie, maxAge: ADMIN_SESSION_DAYS * 86_400_000 });
      res.status(204).end();
    }),
  );

  router.post('/admin/api/logout', async (req, res) => {
    const token = readCookie(req, COOKIE);
    if (token) await logOut(db, token);
    res.clearCookie(COOKIE, cookie);
    res.status(204).end();
  });

  router.get('/admin/api/me', signedIn, async (_req, res) => {
    const admin = adminOf(res);
    const sites = [];
    for (const [id, role] of admin.roles) {
      const site = await findSite(db, id);
      if (site) sites.push({ id, name: site.name, role });
    }
    res.json({ email: admin.email, sites });
  });

  router.get(
    '/admin/api/sites/:site/comments',
    signedIn,
    moderatorOf,
    validate({ query: QueueQuery }, async ({ query, req, res }) => {
      res.json(await listQueue(db, String(req.params.site), query));
    }),
  );

  router.post(
    '/admin/api/sites/:site/comments/actions',
    signedIn,
    moderatorOf,
    requireJson,
    json,
    validate({ body: ModerationRequest }, moderateHandler(db, config)),
  );

  router.get('/admin/api/sites/:site/comments/:id', signedIn, moderatorOf, async (req, res) => {
    res.json(await findQueueItem(db, String(req.params.site), String(req.params.id)));
  });

  router.post(
    '/admin/api/sites/:site/comments/:id/ban',
    signedIn,
    moderatorOf,
    requireJson,
    async (req, res) => {
      const banned = await banCommentAuthor(db, String(req.params.site), String(req.params.id));
      res.json({ banned });
    },
  );

  router.use(siteAdminRoutes(db, config, guards));
  // Owners only; the upload is the file itself (application/octet-stream), which
  // a cross-site form can't send either.
  router.use(importRoutes(db, config, logger, guards));
  router.use(exportRoutes(db, logger, guards));

  return router;
}

/**
 * Applies a moderation action, answers, then tells Akismet where the
 * moderator overruled it (never delaying or failing the action).
 */
function moderateHandler(db: Db, config: Config) {
  return async function moderateComments({
    body: { ids, action },
    req,
    res,
  }: ApiContext<{ body: typeof ModerationRequest }>) {
    const site = await requireSite(db, String(req.params.site));
    const feedback = await planAkismetFeedback(db, site, ids, action);
    const updated = await moderate(db, site.id, ids, action);
    res.json({ updated });
    sendAkismetFeedback(feedback, site.settings.moderation.akismetKey, config.akismet, req.log);
  };
}
