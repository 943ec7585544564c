import express, { type Request, type Response, Router } from 'express';
import type { AuthSession } from '../../contract/api.ts';
import { CreateTicket, Hold, LogoutQuery, Redeem, Refresh } from '../../contract/auth.schema.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { partitionedCookie, readCookie } from '../http/cookies.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { requireJson, validate } from '../http/validate.ts';
import { presentIdentity } from '../identities/identity.presenter.ts';
import { isOnSiteOrigins, requireSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import { identify, sessionOf } from './identify.ts';
import {
  openSession,
  refreshSession,
  revokeByRefreshToken,
  revokeSession,
  SESSION_DAYS,
} from './session.service.ts';
import {
  checkVerifier,
  createLoginTicket,
  redeemLoginTicket,
  TICKET_LIFETIME_MS,
} from './ticket.service.ts';

const AUTH_PATH = '/api/v1/auth';
const PENDING_COOKIE = 'parley_pending';
const refreshCookie = (site: string) => `parley_rt_${site}`;
/**
 * Not secret, readable by the widget's script: "this browser has a session
 * here", so a guest's widget sends no refresh request at all (issue 11 item 6).
 */
const hintCookie = (site: string) => `parley_hint_${site}`;

const cookieBase = partitionedCookie(AUTH_PATH);
const hintBase = { ...partitionedCookie('/'), httpOnly: false };

function setRefreshCookie(res: Response, site: string, token: string): void {
  const maxAge = SESSION_DAYS * 86_400_000;
  res.cookie(refreshCookie(site), token, { ...cookieBase, maxAge });
  res.cookie(hintCookie(site), '1', { ...hintBase, maxAge });
}

function clearRefreshCookie(res: Response, site: string): void {
  res.clearCookie(refreshCookie(site), cookieBase);
  res.clearCookie(hintCookie(site), hintBase);
}

/** Answers a new or refreshed session, its refresh token where the widget keeps it. */
function sendSession(
  res: Response,
  site: string,
  keep: 'cookie' | 'body',
  result: { session: AuthSession; refreshToken: string | null },
): void {
  if (keep === 'body') {
    res.json({
      ...result.session,
      ...(result.refreshToken && { refreshToken: result.refreshToken }),
    });
    return;
  }
  if (result.refreshToken) setRefreshCookie(res, site, result.refreshToken);
  res.json(result.session);
}

/** The verifier the hold cookie keeps for this ticket (redirect fallback, cookies working). */
function heldVerifier(req: Request, ticket: string): string | undefined {
  const held = readCookie(req, PENDING_COOKIE) ?? '';
  const dot = held.indexOf('.');
  return dot > 0 && held.slice(0, dot) === ticket ? held.slice(dot + 1) : undefined;
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
        locale: body.locale ?? null,
      });
      res.status(201).json({
        ticket: ticket.id,
        startUrl: `${config.publicUrl}/auth/${ticket.provider}/start?ticket=${ticket.id}`,
        expiresAt: ticket.expiresAt,
      });
    }),
  );

  // Redirect fallback: the verifier must outlive a full-page navigation, and
  // the host page must never see it; it waits in our own partitioned cookie
  // (where the browser drops this frame's cookies, the widget keeps it itself).
  router.post(
    '/auth/tickets/:ticket/hold',
    rateLimit('hold', limit, 60),
    requireJson,
    json,
    validate({ body: Hold }, async ({ body: { verifier }, req, res }) => {
      const ticket = String(req.params.ticket);
      if (!(await checkVerifier(db, ticket, verifier))) {
        throw new AppError(404, 'ticket_not_found', 'This sign-in is not valid');
      }
      res.cookie(PENDING_COOKIE, `${ticket}.${verifier}`, {
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
    validate({ body: Redeem }, async ({ body: { keep, ...body }, req, res }) => {
      const verifier = body.verifier ?? heldVerifier(req, body.ticket);
      if (!verifier) {
        throw new AppError(403, 'invalid_verifier', 'This sign-in was started somewhere else');
      }
      const redeemed = await redeemLoginTicket(db, { ...body, verifier });
      if (!redeemed) {
        res.status(202).json({ status: 'pending' });
        return;
      }
      if (!body.verifier) res.clearCookie(PENDING_COOKIE, cookieBase);
      sendSession(res, redeemed.siteId, keep, await openSession(db, secret, redeemed));
    }),
  );

  router.post(
    '/auth/refresh',
    rateLimit('refresh', limit * 2, 60),
    requireJson,
    json,
    validate({ body: Refresh }, async ({ body: { site, refreshToken }, req, res }) => {
      const token = refreshToken ?? readCookie(req, refreshCookie(site));
      if (!token) throw new AppError(401, 'unauthorized', 'Not signed in');
      try {
        const refreshed = await refreshSession(db, secret, { refreshToken: token, siteId: site });
        sendSession(res, site, refreshToken ? 'body' : 'cookie', refreshed);
      } catch (err) {
        if (!refreshToken) clearRefreshCookie(res, site);
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
        clearRefreshCookie(res, current.siteId);
      }
      const site = query.site ?? current?.siteId;
      const token = site ? readCookie(req, refreshCookie(site)) : undefined;
      if (token && site) {
        await revokeByRefreshToken(db, token);
        clearRefreshCookie(res, site);
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
