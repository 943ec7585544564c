/**
 * The provider side of sign-in, on Parley's own origin (the popup, or the top
 * window in the redirect fallback); docs/security.md explains each step:
 *
 *   GET  /auth/:provider/start?ticket=T   → the bind page (popup), or the provider once bound
 *   POST /auth/:provider/bind             the bind page proves the widget opened it
 *   GET  /auth/:provider/callback         → completes the ticket, then the result page
 *   POST /auth/facebook/deletion          Facebook's data deletion callback
 *   GET  /auth/facebook/deletion/:code    its status page
 *
 * There is no server-side session: the OAuth 2 state and the OAuth 1.0a
 * request token live in the login ticket, which the callback finds through
 * the first-party binding cookie set before the provider was reached.
 */
import express, {
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
  type Response,
  Router,
} from 'express';
import type { PassportStatic } from 'passport';
import { Bind } from '../../contract/auth.schema.ts';
import type { Locale } from '../../contract/i18n/locales.ts';
import { type PageKey, pageText } from '../../contract/i18n/pages/index.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { readCookie } from '../http/cookies.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { requireJson } from '../http/validate.ts';
import { browserLocale } from '../i18n/request-locale.ts';
import { isOnSiteOrigins, requireSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import type { ProviderProfile } from './auth.types.ts';
import { NOT_FROM_FORM, sendBindPage } from './bind-page.ts';
import { sendAuthPage, sendLoginResult } from './callback-page.ts';
import { facebookDeletionRoutes } from './facebook-deletion.routes.ts';
import { bindTicket } from './providers/handshake.ts';
import type { ProviderStrategy } from './providers/index.ts';
import {
  bindLoginTicket,
  completeLoginTicket,
  failLoginTicket,
  findStartableTicket,
  isBoundTo,
  type LoginTicket,
  TICKET_LIFETIME_MS,
} from './ticket.service.ts';

/**
 * The binding cookie: `<ticket>.<secret>`, first-party on Parley's origin, set
 * before the provider is reached and required at the callback. `Lax`: the
 * provider sends the reader back with a top-level GET, which carries it.
 */
export const BINDING_COOKIE = 'parley_bind';

/** Query parameters a provider's callback carries (a code, a token, or a refusal). */
const CALLBACK_PARAMS = ['code', 'error', 'error_code', 'oauth_token', 'denied'];

const PROVIDER_NAMES: Record<ProviderStrategy['id'], string> = {
  wordpress: 'WordPress.com',
  twitter: 'Twitter',
  facebook: 'Facebook',
};

type Failure = 'denied' | 'failed';
type StrategyOutcome = { profile: ProviderProfile } | { failure: Failure; err?: unknown };

const notFromForm = () => new AppError(403, 'forbidden', NOT_FROM_FORM);

/**
 * The language of a sign-in page: the widget's, kept in the ticket, else the
 * browser's. Error pages thrown after the ticket was found read it from
 * `res.locals.locale`.
 */
function localeFor(req: Request, res: Response, ticket?: LoginTicket): Locale {
  if (ticket?.locale) res.locals.locale = ticket.locale;
  return (res.locals.locale as Locale | undefined) ?? browserLocale(req);
}

/** Mounted at the app's root: `app.use(authRoutes(db, config))`. */
export function authRoutes(db: Db, config: Config): Router {
  const router = Router();
  // Passport and the strategies load on the first sign-in, not at start: an
  // instance that only serves comments never needs them (memory, issue 10).
  let signIn: Promise<SignIn> | undefined;
  const loadSignIn = () => {
    signIn ??= loadProviders(config);
    return signIn;
  };
  const publicOrigin = new URL(config.publicUrl).origin;
  const secure = new URL(config.publicUrl).protocol === 'https:' ? '; Secure' : '';

  const setBindingCookie = (res: Response, ticketId: string, secret: string) =>
    res.append(
      'Set-Cookie',
      `${BINDING_COOKIE}=${ticketId}.${secret}; Path=/auth; Max-Age=${TICKET_LIFETIME_MS / 1000}; HttpOnly; SameSite=Lax${secure}`,
    );
  const clearBindingCookie = (res: Response) =>
    res.append(
      'Set-Cookie',
      `${BINDING_COOKIE}=; Path=/auth; Max-Age=0; HttpOnly; SameSite=Lax${secure}`,
    );
  /** The ticket id and secret of this browser's binding cookie, if any. */
  const readBinding = (req: Request): { ticketId: string; secret: string } | null => {
    const value = readCookie(req, BINDING_COOKIE) ?? '';
    const dot = value.indexOf('.');
    return dot > 0 ? { ticketId: value.slice(0, dot), secret: value.slice(dot + 1) } : null;
  };

  /** The configured provider the path names, and the Passport that runs its strategy. */
  async function requireProvider(
    req: Request,
  ): Promise<{ provider: ProviderStrategy; authenticator: Authenticator }> {
    const id = String(req.params.provider);
    if (!Object.hasOwn(PROVIDER_NAMES, id) || !config.providers[id as ProviderStrategy['id']]) {
      throw new AppError(404, 'unknown_provider', 'Sign-in with this provider is not available.');
    }
    const { providers, authenticator } = await loadSignIn();
    const provider = providers.get(id as ProviderStrategy['id']);
    if (!provider) {
      throw new AppError(404, 'unknown_provider', 'Sign-in with this provider is not available.');
    }
    return { provider, authenticator };
  }

  /** Runs the strategy at the callback; it always ends in success, fail or error there. */
  function runStrategy(
    req: Request,
    res: Response,
    { provider, authenticator }: { provider: ProviderStrategy; authenticator: Authenticator },
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

  /**
   * The end of every sign-in. Redirect fallback: back to the host page with
   * the ticket and its one-time code (or the failure) in the fragment, which
   * browsers never send to a server; the loader hands it to its own frame.
   * Popup: the result page, which posts to the opener and closes.
   */
  function finish(
    req: Request,
    res: Response,
    ticket: LoginTicket,
    result: { code: string; error: null } | { code: null; error: Failure },
  ): void {
    clearBindingCookie(res);
    res.set('Cache-Control', 'no-store');
    if (ticket.returnUrl) {
      // Checked against the site's origins when the ticket was created.
      const back = new URL(ticket.returnUrl);
      back.hash = `parley-login=${ticket.id}.${result.code ?? result.error}`;
      res.redirect(303, back.href);
      return;
    }
    sendLoginResult(res, {
      ticket: ticket.id,
      ...result,
      targetOrigin: publicOrigin,
      locale: localeFor(req, res, ticket),
    });
  }

  async function fail(
    req: Request,
    res: Response,
    ticket: LoginTicket,
    failure: Failure,
  ): Promise<void> {
    await failLoginTicket(db, ticket.id, failure);
    finish(req, res, ticket, { code: null, error: failure });
  }

  /** Hands the bound browser to the provider (the strategy redirects). */
  function goToProvider(
    req: Request,
    res: Response,
    next: (err?: unknown) => void,
    { provider, authenticator }: { provider: ProviderStrategy; authenticator: Authenticator },
    ticket: LoginTicket,
  ): void {
    bindTicket(req, db, ticket);
    authenticator.authenticate(
      provider.id,
      { session: false, ...provider.startOptions(ticket) },
      // At start a strategy only redirects to the provider; ending up here
      // means it could not (e.g. X refused the request token).
      (err: unknown) => {
        req.log?.warn({ err, provider: provider.id }, 'sign-in could not start');
        fail(req, res, ticket, 'failed').catch(next);
      },
    )(req, res, next);
  }

  /**
   * A redirect-mode start must come from the site's own pages (the loader
   * navigates the top window there): not typed or opened from a mail
   * (`Sec-Fetch-Site: none`), not linked from another site. Defence in depth:
   * a forwarded redirect link still ends with the code in the wrong browser.
   */
  async function checkRedirectStart(req: Request, ticket: LoginTicket): Promise<void> {
    if (req.get('sec-fetch-site') === 'none') throw notFromForm();
    const referer = req.get('referer');
    if (referer === undefined) return;
    const site = await requireSite(db, ticket.siteId);
    if (!isOnSiteOrigins(site, referer)) throw notFromForm();
  }

  const start: RequestHandler = async (req, res, next) => {
    const chosen = await requireProvider(req);
    const { provider } = chosen;
    const ticketId = typeof req.query.ticket === 'string' ? req.query.ticket : '';
    if (!ticketId) throw new AppError(404, 'ticket_not_found', 'This sign-in link is not valid');
    const ticket = await findStartableTicket(db, ticketId);
    const locale = localeFor(req, res, ticket);
    if (ticket.provider !== provider.id) {
      throw new AppError(404, 'ticket_not_found', 'This sign-in link is for another provider');
    }
    res.set('Cache-Control', 'no-store');
    const binding = readBinding(req);
    const mine =
      binding?.ticketId === ticket.id && (await isBoundTo(db, ticket.id, binding.secret));
    if (mine) {
      goToProvider(req, res, next, chosen, ticket);
      return;
    }
    if (ticket.bound) throw notFromForm();
    if (ticket.returnUrl) {
      await checkRedirectStart(req, ticket);
      setBindingCookie(res, ticket.id, await bindLoginTicket(db, ticket.id, null));
      goToProvider(req, res, next, chosen, ticket);
      return;
    }
    sendBindPage(res, {
      ticket: ticket.id,
      providerName: PROVIDER_NAMES[provider.id],
      origin: publicOrigin,
      bindUrl: `${config.publicUrl}/auth/${provider.id}/bind`,
      nextUrl: `${config.publicUrl}/auth/${provider.id}/start?ticket=${encodeURIComponent(ticket.id)}`,
      locale,
    });
  };

  /** The bind page's POST: the verifier it got from the widget that opened it. */
  const bind: RequestHandler = async (req, res) => {
    const chosen = await requireProvider(req);
    const { provider } = chosen;
    // Only the bind page itself, on Parley's origin, may bind.
    if (req.get('origin') !== publicOrigin) throw notFromForm();
    const parsed = Bind.safeParse(req.body);
    if (!parsed.success) throw new AppError(400, 'invalid_body', 'Not a sign-in proof');
    const ticket = await findStartableTicket(db, parsed.data.ticket);
    if (ticket.provider !== provider.id || ticket.returnUrl) {
      throw new AppError(404, 'ticket_not_found', 'This sign-in is not valid');
    }
    const secret = await bindLoginTicket(db, ticket.id, parsed.data.verifier);
    setBindingCookie(res, ticket.id, secret);
    res.set('Cache-Control', 'no-store').status(204).end();
  };

  const callback: RequestHandler = async (req, res) => {
    const chosen = await requireProvider(req);
    const { provider } = chosen;
    const binding = readBinding(req);
    if (!binding) {
      const t = pageText(localeFor(req, res));
      sendAuthPage(res, {
        status: 400,
        locale: localeFor(req, res),
        title: t('signIn.invalid.title'),
        message: t('signIn.otherWindow'),
      });
      return;
    }
    const ticket = await findStartableTicket(db, binding.ticketId);
    localeFor(req, res, ticket);
    // Someone else's browser (a forwarded provider link): refuse, and leave
    // the ticket as it is for the browser that bound it.
    if (!(await isBoundTo(db, ticket.id, binding.secret))) throw notFromForm();
    const answered = CALLBACK_PARAMS.some((name) => req.query[name] !== undefined);
    if (ticket.provider !== provider.id || !answered) {
      await fail(req, res, ticket, 'failed');
      return;
    }
    bindTicket(req, db, ticket);
    const outcome = await runStrategy(req, res, chosen);
    if ('failure' in outcome) {
      if (outcome.err) req.log?.warn({ err: outcome.err, provider: provider.id }, 'sign-in failed');
      await fail(req, res, ticket, outcome.failure);
      return;
    }
    const { code } = await completeLoginTicket(db, ticket.id, outcome.profile, config.authSecret);
    finish(req, res, ticket, { code, error: null });
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
  // A popup sign-in visits start twice (the bind page, then on to the provider).
  const limitStart = rateLimit('auth-start', config.authRateLimit * 2, 60);
  const limitBind = rateLimit('auth-bind', config.authRateLimit, 60);
  const limitCallback = rateLimit('auth-callback', config.authRateLimit, 60);
  const json = express.json({ limit: '2kb', strict: true });
  router.get('/auth/:provider/start', limitStart, start);
  router.post('/auth/:provider/bind', limitBind, requireJson, json, bind);
  router.get('/auth/:provider/callback', limitCallback, callback);
  router.use(facebookDeletionRoutes(db, config));
  router.use('/auth', authErrorPage);
  return router;
}

type Authenticator = InstanceType<PassportStatic['Passport']>;

interface SignIn {
  providers: Map<ProviderStrategy['id'], ProviderStrategy>;
  authenticator: Authenticator;
}

/** Passport and the configured providers' strategies (see authRoutes). */
async function loadProviders(config: Config): Promise<SignIn> {
  const [{ default: passport }, { buildProviders }] = await Promise.all([
    import('passport'),
    import('./providers/index.ts'),
  ]);
  const providers = buildProviders(config);
  // Our own instance, so two apps in one process never share strategies.
  const authenticator = new passport.Passport();
  for (const provider of providers.values()) authenticator.use(provider.id, provider.strategy);
  return { providers, authenticator };
}

/** Each refusal's title and text on an auth page, in the reader's words. */
const ERROR_PAGES: Partial<Record<AppError['code'], readonly [PageKey, PageKey]>> = {
  unknown_provider: ['signIn.unavailable.title', 'signIn.unavailable.message'],
  ticket_not_found: ['signIn.invalid.title', 'signIn.invalid.message'],
  ticket_expired: ['signIn.expired.title', 'signIn.expired.message'],
  ticket_used: ['signIn.used.title', 'signIn.used.message'],
  forbidden: ['signIn.forbidden.title', 'signIn.notFromForm'],
  rate_limited: ['signIn.tooMany.title', 'signIn.tooMany.message'],
  not_found: ['signIn.notFound.title', 'signIn.notFound.message'],
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
  const locale = localeFor(req, res);
  const t = pageText(locale);
  const [title, message] = (known && ERROR_PAGES[known.code]) ?? [
    'signIn.failed.title',
    'signIn.error.message',
  ];
  sendAuthPage(res, { status: known?.status ?? 500, locale, title: t(title), message: t(message) });
};
