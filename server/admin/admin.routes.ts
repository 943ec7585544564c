import express, { type CookieOptions, type RequestHandler, type Response, Router } from 'express';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { readCookie } from '../http/cookies.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { requireJson, validate } from '../http/validate.ts';
import { findSite } from '../sites/site.repository.ts';
import type { Db } from '../store/db.ts';
import {
  ADMIN_SESSION_DAYS,
  type AdminContext,
  adminForToken,
  logIn,
  logOut,
  requireRole,
} from './admin.service.ts';
import { listQueue, moderate } from './queue.service.ts';

const COOKIE = 'parley_admin';

const Login = z.object({ email: z.string().max(254), password: z.string().max(1024) });
const QueueQuery = z.object({
  status: z.enum(['pending', 'spam', 'approved', 'trash', 'all']).default('pending'),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const Action = z.object({
  ids: z.array(z.string().min(1).max(32)).min(1).max(500),
  action: z.enum(['approve', 'spam', 'trash', 'restore']),
});

function adminOf(res: Response): AdminContext {
  return res.locals.admin as AdminContext;
}

/**
 * The dashboard's JSON API under /admin/api. The session is a first-party
 * `SameSite=Strict` cookie; state-changing calls must also be JSON and come
 * from Parley's own origin (a cross-site form can do neither).
 */
export function adminRoutes(db: Db, config: Config): Router {
  const router = Router();
  const json = express.json({ limit: '64kb', strict: true });
  const ownOrigin = new URL(config.publicUrl).origin;
  const cookie: CookieOptions = {
    httpOnly: true,
    sameSite: 'strict',
    secure: ownOrigin.startsWith('https:'),
    path: '/admin',
  };

  const sameOrigin: RequestHandler = function sameOrigin(req, _res, next) {
    const origin = req.get('origin');
    if (req.method !== 'GET' && origin !== undefined && origin !== ownOrigin) {
      throw new AppError(403, 'forbidden', 'Dashboard requests must come from the dashboard');
    }
    next();
  };

  const signedIn: RequestHandler = async function signedIn(req, res, next) {
    const token = readCookie(req, COOKIE);
    if (!token) throw new AppError(401, 'unauthorized', 'Please sign in to the dashboard');
    res.locals.admin = await adminForToken(db, token);
    next();
  };

  /** The site in the path, if this admin may moderate it (owners and moderators). */
  const moderatorOf: RequestHandler = function moderatorOf(req, res, next) {
    requireRole(adminOf(res), String(req.params.site), ['owner', 'moderator']);
    next();
  };

  router.use('/admin/api', sameOrigin);

  router.post(
    '/admin/api/login',
    rateLimit('admin-login', 10, 60),
    requireJson,
    json,
    validate('body', Login),
    async (_req, res) => {
      const { email, password } = res.locals.body as z.infer<typeof Login>;
      const token = await logIn(db, email, password);
      res.cookie(COOKIE, token, { ...cookie, maxAge: ADMIN_SESSION_DAYS * 86_400_000 });
      res.status(204).end();
    },
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
    validate('query', QueueQuery),
    async (req, res) => {
      const filter = res.locals.query as z.infer<typeof QueueQuery>;
      res.json({ comments: await listQueue(db, String(req.params.site), filter) });
    },
  );

  router.post(
    '/admin/api/sites/:site/comments/actions',
    signedIn,
    moderatorOf,
    requireJson,
    json,
    validate('body', Action),
    async (req, res) => {
      const { ids, action } = res.locals.body as z.infer<typeof Action>;
      res.json({ updated: await moderate(db, String(req.params.site), ids, action) });
    },
  );

  return router;
}
