import { type Request, type Response, Router } from 'express';
import type { Locale } from '../../contract/i18n/locales.ts';
import { pageText } from '../../contract/i18n/pages/index.ts';
import { AppError } from '../errors.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { browserLocale } from '../i18n/request-locale.ts';
import type { Db } from '../store/db.ts';
import { kindLines } from './notify.email.ts';
import { sendNotifyPage } from './notify.pages.ts';
import {
  CONFIRM_PURPOSE,
  confirmLink,
  type LinkTarget,
  type NotifyDeps,
  resolveLink,
  UNSUBSCRIBE_PURPOSE,
  unsubscribeLink,
} from './subscription.service.ts';

const ACTIONS = {
  confirm: {
    purpose: CONFIRM_PURPOSE,
    act: confirmLink,
    ask: [
      'notify.page.confirm.title',
      'notify.page.confirm.question',
      'notify.page.confirm.button',
    ],
    done: ['notify.page.confirmed.title', 'notify.page.confirmed.message'],
    json: { confirmed: true },
  },
  unsubscribe: {
    purpose: UNSUBSCRIBE_PURPOSE,
    act: unsubscribeLink,
    ask: [
      'notify.page.unsubscribe.title',
      'notify.page.unsubscribe.question',
      'notify.page.unsubscribe.button',
    ],
    done: ['notify.page.unsubscribed.title', 'notify.page.unsubscribed.message'],
    json: { unsubscribed: true },
  },
} as const;

/**
 * The links of reader emails (docs/api.md, "Reply notifications"):
 * `GET /notify/:site/{confirm,unsubscribe}?token=…` shows a question with one
 * button; `POST` to the same URL acts, with no sign-in: the RFC 8058 one-click
 * unsubscribe a mail client sends, or the page's button. A POST answers JSON
 * unless the client prefers HTML (a browser submitting the page's form).
 */
export function subscriptionRoutes(db: Db, deps: NotifyDeps): Router {
  const router = Router();
  // Tokens are unguessable; this only keeps a client from hammering the store.
  const limit = rateLimit('notify-links', 60, 60);

  for (const [name, action] of Object.entries(ACTIONS)) {
    const path = `/notify/:site/${name}`;
    const resolve = (req: Request) =>
      resolveLink(db, deps.secret, String(req.params.site), action.purpose, req.query.token);
    const selfUrl = (req: Request) =>
      `${name}?token=${encodeURIComponent(String(req.query.token))}`;

    router.get(path, limit, async (req, res) => {
      let target: LinkTarget;
      try {
        target = await resolve(req);
      } catch (err) {
        return sendFailurePage(req, res, err);
      }
      const t = pageText(target.locale);
      const [title, question, button] = action.ask;
      sendNotifyPage(res, {
        status: 200,
        locale: target.locale,
        title: t(title),
        message: t(question, { site: target.site.name || target.site.id }),
        list: linesOf(target),
        form: { action: selfUrl(req), button: t(button) },
      });
    });

    router.post(path, limit, async (req, res) => {
      const wantsHtml = req.accepts(['json', 'html']) === 'html';
      let target: LinkTarget;
      try {
        target = await resolve(req);
      } catch (err) {
        if (!wantsHtml) throw err;
        return sendFailurePage(req, res, err);
      }
      await action.act(db, target);
      if (!wantsHtml) return void res.json(action.json);
      const t = pageText(target.locale);
      const [title, message] = action.done;
      sendNotifyPage(res, {
        status: 200,
        locale: target.locale,
        title: t(title),
        message: t(message),
      });
    });
  }
  return router;
}

function linesOf(target: LinkTarget): string[] {
  return kindLines(
    target.locale,
    target.rows.map((r) => (r.comment_id ? 'replies' : 'page')),
    target.pageTitle,
  );
}

/** An invalid or expired link as a page in the browser's language, with its 4xx. */
function sendFailurePage(req: Request, res: Response, err: unknown): void {
  if (!(err instanceof AppError)) throw err;
  const locale: Locale = browserLocale(req);
  const t = pageText(locale);
  const expired = err.code === 'link_expired';
  sendNotifyPage(res, {
    status: err.status,
    locale,
    title: t(expired ? 'notify.page.expired.title' : 'notify.page.invalid.title'),
    message: t(expired ? 'notify.page.expired.message' : 'notify.page.invalid.message'),
  });
}
