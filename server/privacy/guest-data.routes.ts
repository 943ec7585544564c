/**
 * A guest's data rights by email (issue 12; docs/api.md, docs/security.md):
 * POST /api/v1/data-requests emails a link; /data/:site is the page it opens.
 */
import express, { type ErrorRequestHandler, type Request, Router } from 'express';
import { RateLimiterRes } from 'rate-limiter-flexible';
import {
  GuestDataRequestBody,
  type GuestDataRequestResult,
  GuestDeleteForm,
  GuestLinkForm,
} from '../../contract/guest-data.schema.ts';
import { isLocale, type Locale } from '../../contract/i18n/locales.ts';
import { SiteId } from '../../contract/site-settings.schema.ts';
import { sha256 } from '../auth/crypto.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { readCookie } from '../http/cookies.ts';
import { fromBodyParser } from '../http/errors.ts';
import { LIMITERS, type LimiterFactory, memoryLimiters, rateLimit } from '../http/rate-limit.ts';
import { requireJson, toValidationError, validate } from '../http/validate.ts';
import { browserLocale } from '../i18n/request-locale.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { findSite } from '../sites/site.repository.ts';
import type { Site } from '../sites/site.schema.ts';
import type { Db } from '../store/db.ts';
import {
  sendChoicesPage,
  sendDeletedPage,
  sendErrorPage,
  sendLinkPage,
} from './guest-data.pages.ts';
import { guestLinkEmail } from './guest-link.email.ts';
import {
  createGuestLink,
  deleteGuestData,
  exportGuestData,
  guestDataPath,
  LINK_MINUTES,
  openGuestLink,
  SESSION_MINUTES,
} from './guest-link.service.ts';

/** Links one address may be sent per hour, whoever asks (a mailbox is not a megaphone). */
export const LINKS_PER_ADDRESS_PER_HOUR = 3;
/** Requests one client IP may make per hour, for any addresses. */
export const LINK_REQUESTS_PER_IP_PER_HOUR = 10;
const COOKIE = 'parley_data';

export function guestDataRoutes(db: Db, config: Config, mailer: Mailer): Router {
  const router = Router();
  const json = express.json({ limit: '4kb', strict: true });
  const form = express.urlencoded({ extended: false, limit: '4kb' });
  const publicOrigin = new URL(config.publicUrl).origin;
  const base = config.publicUrl.replace(/\/+$/, '');
  let perAddress: ReturnType<LimiterFactory> | undefined;

  /** False once the address has had its links this hour (counted in Redis when shared). */
  async function addressMayReceive(req: Request, email: string): Promise<boolean> {
    const create = (req.app.locals[LIMITERS] as LimiterFactory | undefined) ?? memoryLimiters;
    perAddress ??= create({
      keyPrefix: 'guest-data-address',
      points: LINKS_PER_ADDRESS_PER_HOUR,
      duration: 3600,
    });
    try {
      // Keyed by a hash: the counter store never holds the address itself.
      await perAddress.consume(sha256(email));
      return true;
    } catch (err) {
      if (err instanceof RateLimiterRes) return false;
      throw err;
    }
  }

  router.post(
    '/api/v1/data-requests',
    rateLimit('guest-data-request', LINK_REQUESTS_PER_IP_PER_HOUR, 3600),
    requireJson,
    json,
    validate({ body: GuestDataRequestBody }, async ({ body, req, res }) => {
      const site = await findSite(db, body.site);
      if (!site)
        throw new AppError(404, 'unknown_site', `No site with id "${body.site}" is registered`);
      if (!mailer.enabled) {
        throw new AppError(
          503,
          'email_unavailable',
          'This comment server sends no email; ask the site’s owner to delete or export your data',
        );
      }
      const email = body.email.trim().toLowerCase();
      // The same answer, at the same speed, whether or not the address has
      // comments here, and whether or not it is over its limit: the email
      // goes out after the answer and says nothing of what the site holds.
      if (await addressMayReceive(req, email)) {
        const token = await createGuestLink(db, site.id, email);
        // The widget's language, else the one the site fixes, else the browser's
        // (the widget's request comes from the reader's browser).
        const locale = body.locale ?? site.settings.language ?? browserLocale(req);
        // After the token: links read as `?token=` up to the first `&` keep working.
        const link = `${base}${guestDataPath(site.id)}?token=${encodeURIComponent(token)}&lang=${locale}`;
        void mailer.send(
          guestLinkEmail({ to: email, locale, site, link, expiresInMinutes: LINK_MINUTES }),
        );
      }
      const result: GuestDataRequestResult = { site: site.id, expiresInMinutes: LINK_MINUTES };
      res.status(202).json(result);
    }),
  );

  const pageLimit = rateLimit('guest-data-page', 60, 60);

  router.get('/data/:site', pageLimit, async (req, res) => {
    const site = await siteOf(req);
    const token = typeof req.query.token === 'string' ? req.query.token : undefined;
    if (token !== undefined) {
      // Only a page with a button: a mail scanner fetching the link uses nothing up.
      sendLinkPage(
        res,
        localeOf(req),
        site,
        withLang(req, `${guestDataPath(site.id)}/open`),
        token,
      );
      return;
    }
    const data = await exportGuestData(db, site, readCookie(req, COOKIE));
    const email = ('email' in data.identity ? data.identity.email : null) ?? '';
    sendChoicesPage(
      res,
      localeOf(req),
      site,
      {
        export: `${guestDataPath(site.id)}/export`,
        delete: withLang(req, `${guestDataPath(site.id)}/delete`),
      },
      {
        email,
        comments: data.comments.length,
        retentionDays: site.settings.requestDataRetentionDays,
        sessionMinutes: SESSION_MINUTES,
        deletion: site.settings.readerDeletion,
      },
    );
  });

  router.post('/data/:site/open', pageLimit, form, async (req, res) => {
    const site = await siteOf(req);
    sameOrigin(req);
    const parsed = GuestLinkForm.safeParse(req.body);
    if (!parsed.success) throw toValidationError(parsed.error, req.body);
    const secret = await openGuestLink(db, site.id, parsed.data.token);
    res.cookie(COOKIE, secret, {
      httpOnly: true,
      secure: publicOrigin.startsWith('https:'),
      // Never sent by another site's page: no cross-site request can act with it.
      sameSite: 'strict',
      path: guestDataPath(site.id),
      maxAge: SESSION_MINUTES * 60_000,
    });
    res.set('Cache-Control', 'no-store').redirect(303, withLang(req, guestDataPath(site.id)));
  });

  router.get('/data/:site/export', pageLimit, async (req, res) => {
    const site = await siteOf(req);
    const data = await exportGuestData(db, site, readCookie(req, COOKIE));
    res.set({
      'Cache-Control': 'no-store',
      'Content-Disposition': `attachment; filename="parley-${site.id}-my-data.json"`,
    });
    res.json(data);
  });

  router.post('/data/:site/delete', pageLimit, form, async (req, res) => {
    const site = await siteOf(req);
    sameOrigin(req);
    const parsed = GuestDeleteForm.safeParse(req.body);
    if (!parsed.success) throw toValidationError(parsed.error, req.body);
    const result = await deleteGuestData(
      db,
      config.authSecret,
      site,
      readCookie(req, COOKIE),
      parsed.data.comments,
    );
    res.clearCookie(COOKIE, { path: guestDataPath(site.id) });
    if (wantsJson(req)) res.json(result);
    else sendDeletedPage(res, localeOf(req), site, result);
  });

  /** The site named in the path; an unknown one answers like a bad link (it may be a typo'd link). */
  async function siteOf(req: Request): Promise<Site> {
    const id = SiteId.safeParse(req.params.site);
    const site = id.success ? await findSite(db, id.data) : undefined;
    if (!site) throw new AppError(404, 'unknown_site', 'No site with that id is registered');
    return site;
  }

  /**
   * The forms post from Parley's own page only. The cookie is SameSite=Strict
   * already; this refuses a cross-site form even in a browser that ignores it.
   */
  function sameOrigin(req: Request): void {
    if (req.get('origin') !== publicOrigin) {
      throw new AppError(403, 'origin_not_allowed', 'Use the form on this page');
    }
  }

  // Anything else under /data is a page too: a mistyped or truncated link.
  router.use('/data', (req, _res, next) => {
    next(new AppError(404, 'not_found', `No route for ${req.method} ${req.path}`));
  });
  router.use('/data', dataPageErrors);
  return router;
}

/**
 * The pages' language: the one the emailed link carries (the email's, so the
 * widget's), kept through the page's own links and forms; else the browser's.
 * Only a shipped language is taken: it picks a catalogue and nothing else.
 */
function localeOf(req: Request): Locale {
  const lang = req.query.lang;
  return isLocale(lang) ? lang : browserLocale(req);
}

/** `path`, with the link's language when it carried one. */
function withLang(req: Request, path: string): string {
  const lang = req.query.lang;
  return isLocale(lang) ? `${path}?lang=${lang}` : path;
}

function wantsJson(req: Request): boolean {
  return req.accepts(['html', 'json']) === 'json';
}

/**
 * Every refusal under /data is a page in the reader's language (issue 11):
 * these are pages a person opens from an email, so the rate limit, a form
 * the body parser refuses, an unknown address and the server's own failure
 * included; a client asking for JSON (tests, scripts) keeps the API's shape.
 */
const dataPageErrors: ErrorRequestHandler = function dataPageErrors(err, req, res, next) {
  if (wantsJson(req) || res.headersSent) {
    next(err);
    return;
  }
  const known = err instanceof AppError ? err : fromBodyParser(err);
  if (!known) req.log?.error({ err, path: req.path }, 'unhandled error');
  const error = known ?? new AppError(500, 'internal_error', 'Something went wrong on our side');
  res.set(error.headers);
  sendErrorPage(res, localeOf(req), error.status, error);
};
