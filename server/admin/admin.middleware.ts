import express, { type CookieOptions, type RequestHandler, type Response } from 'express';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { readCookie } from '../http/cookies.ts';
import type { Db } from '../store/db.ts';
import { type AdminContext, adminForToken, requireRole } from './admin.service.ts';

export const ADMIN_COOKIE = 'parley_admin';

/** The signed-in admin, set by `signedIn`. */
export function adminOf(res: Response): AdminContext {
  return res.locals.admin as AdminContext;
}

/** The checks every /admin/api route is built from. */
export interface AdminGuards {
  /** Options of the session cookie (set at login, cleared at logout). */
  cookie: CookieOptions;
  /** State-changing calls must come from Parley's own origin. */
  sameOrigin: RequestHandler;
  /** 401 unless the dashboard session cookie is valid; sets `res.locals.admin`. */
  signedIn: RequestHandler;
  /** The site in the path, if this admin is one of its owners or moderators (else 404). */
  moderatorOf: RequestHandler;
  /** The site in the path, if this admin owns it (404 without a role, 403 for a moderator). */
  ownerOf: RequestHandler;
  /** A small JSON body parser. */
  json: RequestHandler;
}

/** Builds the dashboard API's guards once per app. */
export function adminGuards(db: Db, config: Config): AdminGuards {
  const ownOrigin = new URL(config.publicUrl).origin;
  return {
    cookie: {
      httpOnly: true,
      sameSite: 'strict',
      secure: ownOrigin.startsWith('https:'),
      path: '/admin',
    },
    sameOrigin: function sameOrigin(req, _res, next) {
      const origin = req.get('origin');
      if (req.method !== 'GET' && origin !== undefined && origin !== ownOrigin) {
        throw new AppError(403, 'forbidden', 'Dashboard requests must come from the dashboard');
      }
      next();
    },
    signedIn: async function signedIn(req, res, next) {
      const token = readCookie(req, ADMIN_COOKIE);
      if (!token) throw new AppError(401, 'unauthorized', 'Please sign in to the dashboard');
      res.locals.admin = await adminForToken(db, token);
      next();
    },
    moderatorOf: function moderatorOf(req, res, next) {
      requireRole(adminOf(res), String(req.params.site), ['owner', 'moderator']);
      next();
    },
    ownerOf: function ownerOf(req, res, next) {
      requireRole(adminOf(res), String(req.params.site), ['owner']);
      next();
    },
    json: express.json({ limit: '64kb', strict: true }),
  };
}
