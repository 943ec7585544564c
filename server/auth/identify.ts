import type { Request, RequestHandler, Response } from 'express';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { type SessionContext, verifyAccessToken } from './session.service.ts';

function bearer(req: Request): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  return match?.[1];
}

/** The signed-in reader identified by `identify()`, if any. */
export function sessionOf(res: Response): SessionContext | undefined {
  return res.locals.session as SessionContext | undefined;
}

/**
 * Reads `Authorization: Bearer`. Without the header the request goes on as a
 * guest (unless `required`); with a bad or revoked token it is refused, never
 * silently downgraded to a guest.
 */
export function identify(
  db: Db,
  config: Config,
  options: { required?: boolean } = {},
): RequestHandler {
  return async function identifyReader(req, res, next) {
    const token = bearer(req);
    if (!token) {
      if (options.required) throw new AppError(401, 'unauthorized', 'Sign in first');
      return next();
    }
    res.locals.session = await verifyAccessToken(db, config.authSecret, token);
    next();
  };
}
