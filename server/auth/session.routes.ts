import express, { type Response, Router } from 'express';
import { CreateTicket, Hold, LogoutQuery, Redeem, SiteOnly } from '../../contract/auth.schema.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { partitionedCookie, readCookie } from '../http/cookies.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { requireJson, validate } from '../http/validate.ts';
import { presentIdentity } from '../identities/identity.presenter.ts';
import { isOnSiteOrigins, requireSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import { safeEqual, sha256 } from './crypto.ts';
import { identify, sessionOf } from './identify.ts';
import {
  openSession,
  refreshSession,
  revokeByRefreshToken,
  revokeSession,
  SESSION_DAYS,
} from './session.service.ts';
import { createLoginTicket, redeemLoginTicket, TICKET_LIFETIME_MS } from './ticket.service.ts';

const AUTH_PATH = '/api/v1/auth';
const PENDING_COOKIE = 'parley_pending';
const refreshCookie = (site: string) => `parley_rt_${site}`;

const cookieBase = partitionedCookie(AUTH_PATH);

function setRefreshCookie(res: Response, site: string, token: string): void {
  res.cookie(refreshCookie(site), token, { ...cookieBase, maxAge: SESSION_DAYS * 86_400_000 });
}

/** The JSON sign-in API the iframe calls (docs/api.md). Provider pages live in auth.routes.ts. */
export function sessionRoutes(db: Db, config: Config): Router {
  const router = Router();
  const json = express.json({ limit: '8kb', strict: true });
  const secret = config.authSecret;
  const limit = config.authRateLimit;

  router.post(
    '/auth/tickets',
    rateLimit('tickets', limit, 60),
    requireJson,
    json,
    validate({ body: CreateTicket }, async ({ body, res }) => {
      const site = await requireSite(db, body.site);
      if (!config.providers[body.provider]) {
        throw new AppError(
          404,
          'unknown_provider',
          `Sign-in with ${body.provider} is not set up here`,
        );
      }
      if (body.returnUrl !== undefined && !isOnSiteOrigins(site, body.returnUrl)) {
        throw new AppError(
          403,
          'origin_not_allowed',
          'The return page is not on this site',
          'returnUrl',
        );
      }
      const ticket = await createLoginTicket(db, {
        site,
        provider: body.provider,
        challenge: body.challenge,
        change: body.change,
        returnUrl: body.returnUrl ?? null,
      });
      res.status(201).json({
        ticket: ticket.id,
        startUrl: `${config.publicUrl}/auth/${ticket.provider}/start?ticket=${ticket.id}`,
        expiresAt: ticket.expiresAt,
      });
    }),
  );

  // Redirect fallback: the verifier must outlive a full-page navigation, and
  // the host page must never see it; it waits in our own partitioned cookie.
  router.post(
    '/auth/tickets/:ticket/hold',
    rateLimit('hold', limit, 60),
    requireJson,
    json,
    validate({ body: Hold }, async ({ body: { verifier }, req, res }) => {
      const row = await db
        .selectFrom('login_tickets')
        .select(['id', 'challenge', 'status'])
        .where('id', '=', String(req.params.ticket))
        .executeTakeFirst();
      if (row?.status !== 'pending' || !safeEqual(sha256(verifier), row.challenge)) {
        throw new AppError(404, 'ticket_not_found', 'This sign-in is not valid');
      }
      res.cookie(PENDING_COOKIE, `${row.id}.${verifier}`, {
        ...cookieBase,
        maxAge: TICKET_LIFETIME_MS,
      });
      res.status(204).end();
    }),
  );

  router.post(
    '/auth/redeem',
    // The iframe polls redeem while the reader is at the provider.
    rateLimit('redeem', limit * 4, 60),
    requireJson,
    json,
    validate({ body: Redeem }, async ({ body, res }) => {
      const redeemed = await redeemLoginTicket(db, body);
      if (!redeemed) {
        res.status(202).json({ status: 'pending' });
        return;
      }
      const { session, refreshToken } = await openSession(db, secret, redeemed);
      setRefreshCookie(res, redeemed.siteId, refreshToken);
      res.json(session);
    }),
  );

  router.post(
    '/auth/refresh',
    rateLimit('refresh', limit * 2, 60),
    requireJson,
    json,
    validate({ body: SiteOnly }, async ({ body: { site }, req, res }) => {
      const pending = readCookie(req, PENDING_COOKIE);
      if (pending) {
        const dot = pending.indexOf('.');
        try {
          const redeemed = await redeemLoginTicket(db, {
            ticket: pending.slice(0, dot),
            verifier: pending.slice(dot + 1),
          });
          if (redeemed && redeemed.siteId === site) {
            res.clearCookie(PENDING_COOKIE, cookieBase);
            const { session, refreshToken } = await openSession(db, secret, redeemed);
            setRefreshCookie(res, site, refreshToken);
            res.json(session);
            return;
          }
        } catch (err) {
          // A finished-but-refused sign-in (denied, expired) is reported once.
          res.clearCookie(PENDING_COOKIE, cookieBase);
          if (
            err instanceof AppError &&
            (err.code === 'login_denied' || err.code === 'login_failed')
          ) {
            throw err;
          }
        }
      }
      const token = readCookie(req, refreshCookie(site));
      if (!token) throw new AppError(401, 'unauthorized', 'Not signed in');
      try {
        const { session, refreshToken } = await refreshSession(db, secret, {
          refreshToken: token,
          siteId: site,
        });
        if (refreshToken) setRefreshCookie(res, site, refreshToken);
        res.json(session);
      } catch (err) {
        res.clearCookie(refreshCookie(site), cookieBase);
        throw err;
      }
    }),
  );

  router.post(
    '/auth/logout',
    identify(db, config),
    validate({ query: LogoutQuery }, async ({ query, req, res }) => {
      const current = sessionOf(res);
      if (current) {
        await revokeSession(db, current.sessionId);
        res.clearCookie(refreshCookie(current.siteId), cookieBase);
      }
      const site = query.site ?? current?.siteId;
      const token = site ? readCookie(req, refreshCookie(site)) : undefined;
      if (token && site) {
        await revokeByRefreshToken(db, token);
        res.clearCookie(refreshCookie(site), cookieBase);
      }
      res.status(204).end();
    }),
  );

  router.get('/me', identify(db, config, { required: true }), (_req, res) => {
    const current = sessionOf(res);
    if (!current) throw new AppError(401, 'unauthorized', 'Sign in first');
    res.json({ identity: presentIdentity(current.identity) });
  });

  return router;
}
