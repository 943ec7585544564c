import { createHash } from 'node:crypto';
import { Router } from 'express';
import { ListCommentsQuery } from '../../contract/comment.schema.ts';
import type { Config } from '../config.ts';
import { validate } from '../http/validate.ts';
import type { Db } from '../store/db.ts';
import { pageHtml } from './page-html.service.ts';

/** GET /api/v1/pages/html?site&page: the published thread as HTML for the site's own page (docs/api.md). */
export function pageHtmlRoutes(db: Db, config: Config): Router {
  const router = Router();
  router.get(
    '/pages/html',
    validate({ query: ListCommentsQuery }, async ({ query: { site, page }, req, res }) => {
      const html = await pageHtml(db, site, page, config.publicUrl);
      // Static site generators rebuild often: an unchanged thread costs a 304.
      const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
      res.set({
        ETag: etag,
        // Public data; fetched by build tools and servers, or by a page's own script.
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'public, max-age=60, stale-while-revalidate=600',
        // Opened on its own, the fragment can run nothing and load nothing but pictures.
        'Content-Security-Policy': "default-src 'none'; img-src 'self'; sandbox",
        Vary: 'Accept-Encoding',
      });
      // Compared by hand: Express's req.fresh says "stale" whenever the client
      // sends Cache-Control: no-cache, which is exactly a revalidation (fetch()
      // adds it to any conditional request), and a 304 is its right answer.
      const asked = (req.get('if-none-match') ?? '')
        .split(',')
        .map((t) => t.trim().replace(/^W\//, ''));
      if (asked.includes(etag)) {
        res.status(304).end();
        return;
      }
      res.type('html').send(html);
    }),
  );
  return router;
}
