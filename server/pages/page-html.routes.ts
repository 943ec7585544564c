import { Router } from 'express';
import { ListCommentsQuery } from '../../contract/comment.schema.ts';
import type { ThreadCache } from '../comments/thread.cache.ts';
import type { Config } from '../config.ts';
import { sendCached } from '../http/cached-body.ts';
import { validate } from '../http/validate.ts';
import type { Db } from '../store/db.ts';
import { cachedPageHtml } from './page-html.service.ts';

/** GET /api/v1/pages/html?site&page: the published thread as HTML for the site's own page (docs/api.md). */
export function pageHtmlRoutes(db: Db, config: Config, cache: ThreadCache): Router {
  const router = Router();
  router.get(
    '/pages/html',
    validate({ query: ListCommentsQuery }, async ({ query: { site, page }, req, res }) => {
      const { key, entry } = await cachedPageHtml(db, cache, site, page, config.publicUrl);
      res.set({
        // Public data; fetched by build tools and servers, or by a page's own script.
        'Access-Control-Allow-Origin': '*',
        // Opened on its own, the fragment can run nothing and load nothing but pictures.
        'Content-Security-Policy': "default-src 'none'; img-src 'self'; sandbox",
      });
      // Static site generators rebuild often: an unchanged thread costs a 304
      // (If-None-Match compared by hand: Express's req.fresh says "stale" to
      // a revalidation sending Cache-Control: no-cache, as fetch() does).
      await sendCached(req, res, cache, key, entry, {
        type: 'text/html; charset=utf-8',
        cacheControl: 'public, max-age=60, stale-while-revalidate=600',
        // The same fragment for everyone: no Cookie in Vary, so shared caches keep one copy.
        vary: 'Accept-Encoding',
      });
    }),
  );
  return router;
}
