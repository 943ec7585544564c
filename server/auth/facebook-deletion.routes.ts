/**
 * POST /auth/facebook/deletion: Facebook's data deletion callback, and
 * GET /auth/facebook/deletion/:code: its status page (the URL we hand back).
 */
import express, { Router } from 'express';
import { pageText } from '../../contract/i18n/pages/index.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { browserLocale } from '../i18n/request-locale.ts';
import type { Db } from '../store/db.ts';
import { sendAuthPage } from './callback-page.ts';
import {
  deleteFacebookData,
  findDeletionRequest,
  verifySignedRequest,
} from './facebook-deletion.service.ts';

export function facebookDeletionRoutes(db: Db, config: Config): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '8kb' });

  router.post(
    '/auth/facebook/deletion',
    rateLimit('facebook-deletion', 60, 60),
    form,
    async (req, res) => {
      const facebook = config.providers.facebook;
      if (!facebook) throw new AppError(404, 'unknown_provider', 'Facebook sign-in is not set up');
      const signed = (req.body as Record<string, unknown> | undefined)?.signed_request;
      if (typeof signed !== 'string') {
        throw new AppError(400, 'invalid_signed_request', 'signed_request is missing');
      }
      const { userId } = verifySignedRequest(signed, facebook.appSecret);
      const record = await deleteFacebookData(db, userId);
      req.log?.info({ code: record.code }, 'facebook data deletion');
      res.set('Cache-Control', 'no-store').json({
        url: `${config.publicUrl}/auth/facebook/deletion/${record.code}`,
        confirmation_code: record.code,
      });
    },
  );

  // Answers for past requests even if Facebook sign-in has since been turned off.
  router.get(
    '/auth/facebook/deletion/:code',
    rateLimit('facebook-deletion-status', 30, 60),
    async (req, res) => {
      const code = req.params.code;
      const record = typeof code === 'string' ? await findDeletionRequest(db, code) : undefined;
      const locale = browserLocale(req);
      const t = pageText(locale);
      if (!record) {
        sendAuthPage(res, {
          status: 404,
          locale,
          title: t('deletion.title'),
          message: t('deletion.notFound'),
        });
        return;
      }
      // The date as the reader writes dates; the day stays the one recorded (UTC).
      const date = new Date(record.createdAt).toLocaleDateString(locale, {
        dateStyle: 'long',
        timeZone: 'UTC',
      });
      const message = [
        t('deletion.done', { date }),
        t('deletion.anonymised', { count: record.commentsAnonymised }),
        t('deletion.code', { code: record.code }),
      ].join(' ');
      sendAuthPage(res, { status: 200, locale, title: t('deletion.title'), message });
    },
  );

  return router;
}
