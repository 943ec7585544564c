/**
 * The provider side of sign-in, on Parley's own origin (the popup, or the top
 * window in the redirect fallback):
 *
 *   GET  /auth/:provider/start?ticket=T   → the provider's consent page
 *   GET  /auth/:provider/callback         → completes the ticket, then the result page
 *   POST /auth/facebook/deletion          Facebook's data deletion callback
 *   GET  /auth/facebook/deletion/:code    its status page
 *
 * There is no server-side session: the OAuth 2 state and the OAuth 1.0a
 * request token live in the login ticket, which the callback finds through a
 * short-lived first-party handshake cookie set at start.
 */
import {
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
  type Response,
  Router,
} from 'express';
import passport from 'passport';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { readCookie } from '../http/cookies.ts';
import { rateLimit } from '../http/rate-limit.ts';
import type { Db } from '../store/db.ts';
import type { ProviderProfile } from './auth.types.ts';
import { sendAuthPage, sendLoginResult } from './callback-page.ts';
import { facebookDeletionRoutes } from './facebook-deletion.routes.ts';
import { bindTicket } from './providers/handshake.ts';
import { buildProviders, type ProviderStrategy } from './providers/index.ts';
import {
  completeLoginTicket,
  failLoginTicket,
  findStartableTicket,
  type LoginTicket,
  TICKET_LIFETIME_MS,
} from './ticket.service.ts';

/** The handshake cookie: which ticket this browser is signing in with. */
export const HANDSHAKE_COOKIE = 'parley_login';

/** Query parameters a provider's callback carries (a code, a token, or a refusal). */
const CALLBACK_PARAMS = ['code', 'error', 'error_code', 'oauth_token', 'denied'];

type Failure = 'denied' | 'failed';
type StrategyOutcome = { profile: ProviderProfile } | { failure: Failure; err?: unknown };

/** Mounted at the app's root: `app.use(authRoutes(db, config))`. */
export function authRoutes(db: Db, config: Config): Router {
  const router = Router();
  const providers = buildProviders(config);
  // Our own instance, so two apps in one process never share strategies.
  const authenticator = new passport.Passport();
  for (const provider of providers.values()) authenticator.use(provider.id, provider.strategy);
  const publicOrigin = new URL(config.publicUrl).origin;
  const secure = new URL(config.publicUrl).protocol === 'https:' ? '; Secure' : '';

  const setHandshakeCookie = (res: Response, ticketId: string) =>
    res.append(
      'Set-Cookie',
      `${HANDSHAKE_COOKIE}=${ticketId}; Path=/auth; Max-Age=${TICKET_LIFETIME_MS / 1000}; HttpOnly; SameSite=Lax${secure}`,
    );
  const clearHandshakeCookie = (res: Response) =>
    res.append(
      'Set-Cookie',
      `${HANDSHAKE_COOKIE}=; Path=/auth; Max-Age=0; HttpOnly; SameSite=Lax${secure}`,
    );

  function requireProvider(req: Request): ProviderStrategy {
    const provider = providers.get(req.params.provider as ProviderStrategy['id']);
    if (!provider) {
      throw new AppError(404, 'unknown_provider', 'Sign-in with this provider is not available.');
    }
    return provider;
  }

  /** Runs the strategy at the callback; it always ends in success, fail or error there. */
  function runStrategy(
    req: Request,
    res: Response,
    provider: ProviderStrategy,
  ): Promise<StrategyOutcome> {
    return new Promise((resolve) => {
      authenticator.authenticate(
        provider.id,
        { session: false },
        (err: unknown, user: ProviderProfile | false | undefined) => {
          if (err) resolve({ failure: 'failed', err });
          else if (user) resolve({ profile: user });
          else resolve({ failure: provider.isDenial(req) ? 'denied' : 'failed' });
        },
      )(req, res, (err?: unknown) => resolve({ failure: 'failed', err }));
    });
  }

  /** The end of every sign-in: back to the host page (redirect fallback) or the result page. */
  function finish(
    res: Response,
    ticket: LoginTicket,
    result: { code: string; error: null } | { code: null; error: Failure },
  ): void {
    clearHandshakeCookie(res);
    res.set('Cache-Control', 'no-store');
    if (ticket.returnUrl) {
      // Checked against the site's origins when the ticket was created.
      res.redirect(303, ticket.returnUrl);
      return;
    }
    sendLoginResult(res, {
      ticket: ticket.id,
      ...result,
      targetOrigin: publicOrigin,
    });
  }

  async function fail(res: Response, ticket: LoginTicket, failure: Failure): Promise<void> {
    await failLoginTicket(db, ticket.id, failure);
    finish(res, ticket, { code: null, error: failure });
  }

  const start: RequestHandler = async (req, res, next) => {
    const provider = requireProvider(req);
    const ticketId = typeof req.query.ticket === 'string' ? req.query.ticket : '';
    if (!ticketId) throw new AppError(404, 'ticket_not_found', 'This sign-in link is not valid');
    const ticket = await findStartableTicket(db, ticketId);
    if (ticket.provider !== provider.id) {
      throw new AppError(404, 'ticket_not_found', 'This sign-in link is for another provider');
    }
    bindTicket(req, db, ticket);
    setHandshakeCookie(res, ticket.id);
    res.set('Cache-Control', 'no-store');
    authenticator.authenticate(
      provider.id,
      { session: false, ...provider.startOptions(ticket) },
      // At start a strategy only redirects to the provider; ending up here
      // means it could not (e.g. X refused the request token).
      (err: unknown) => {
        req.log?.warn({ err, provider: provider.id }, 'sign-in could not start');
        fail(res, ticket, 'failed').catch(next);
      },
    )(req, res, next);
  };

  const callback: RequestHandler = async (req, res) => {
    const provider = requireProvider(req);
    const ticketId = readCookie(req, HANDSHAKE_COOKIE);
    if (!ticketId) {
      throw new AppError(
        400,
        'ticket_not_found',
        'This sign-in cannot be finished in this window. Start it again from the comment form.',
      );
    }
    const ticket = await findStartableTicket(db, ticketId);
    const answered = CALLBACK_PARAMS.some((name) => req.query[name] !== undefined);
    if (ticket.provider !== provider.id || !answered) {
      await fail(res, ticket, 'failed');
      return;
    }
    bindTicket(req, db, ticket);
    const outcome = await runStrategy(req, res, provider);
    if ('failure' in outcome) {
      if (outcome.err) req.log?.warn({ err: outcome.err, provider: provider.id }, 'sign-in failed');
      await fail(res, ticket, outcome.failure);
      return;
    }
    const { code } = await completeLoginTicket(db, ticket.id, outcome.profile);
    finish(res, ticket, { code, error: null });
  };

  // Every page and redirect on the sign-in path keeps the popup's opener:
  // helmet's default `same-origin` would put the popup in a new browsing
  // context group at the first response from /auth, and the result could then
  // only reach the widget by polling (issue 8 §2). Redirect responses count:
  // browsers apply COOP at each hop of a navigation.
  router.use('/auth', function keepOpener(_req, res, next) {
    res.set('Cross-Origin-Opener-Policy', 'unsafe-none');
    next();
  });
  const limitStart = rateLimit('auth-start', config.authRateLimit, 60);
  const limitCallback = rateLimit('auth-callback', config.authRateLimit, 60);
  router.get('/auth/:provider/start', limitStart, start);
  router.get('/auth/:provider/callback', limitCallback, callback);
  router.use(facebookDeletionRoutes(db, config));
  router.use('/auth', authErrorPage);
  return router;
}

const ERROR_TITLES: Partial<Record<AppError['code'], string>> = {
  unknown_provider: 'Sign-in unavailable',
  ticket_not_found: 'Sign-in link not valid',
  ticket_expired: 'Sign-in expired',
  ticket_used: 'Sign-in already finished',
  rate_limited: 'Too many attempts',
  not_found: 'Not found',
};

/** Errors of the auth pages become short HTML pages; the JSON endpoint keeps the API's shape. */
const authErrorPage: ErrorRequestHandler = function authErrorPage(err, req, res, next) {
  if (req.method !== 'GET' || res.headersSent) {
    next(err);
    return;
  }
  const known = err instanceof AppError ? err : null;
  if (!known) req.log?.error({ err, path: req.path }, 'unhandled error on an auth page');
  if (known) res.set(known.headers);
  sendAuthPage(res, {
    status: known?.status ?? 500,
    title: (known && ERROR_TITLES[known.code]) ?? 'Sign-in failed',
    message: known?.message ?? 'Something went wrong on our side. Close this window and try again.',
  });
};
