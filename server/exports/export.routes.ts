/**
 * The dashboard's export download (owners only: it holds commenters' emails
 * and IP addresses). Streams the file as it is written; a fault midway cuts
 * the download rather than handing over half a file that looks whole.
 */
import { once } from 'node:events';
import { Router } from 'express';
import { ExportQuery } from '../../contract/dashboard.schema.ts';
import type { AdminGuards } from '../admin/admin.middleware.ts';
import { validate } from '../http/validate.ts';
import type { Logger } from '../logger.ts';
import { requireSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';

export function exportRoutes(db: Db, logger: Logger, guards: AdminGuards): Router {
  const router = Router();
  const { signedIn, ownerOf } = guards;

  router.get(
    '/admin/api/sites/:site/export',
    signedIn,
    ownerOf,
    validate({ query: ExportQuery }, async ({ query, req, res }) => {
      const site = await requireSite(db, String(req.params.site));
      // Loaded on the first export, not at start: memory that serving comments never needs.
      const { exportFileName, exportSite } = await import('./export.service.ts');
      res.status(200);
      res.type(query.format === 'json' ? 'application/json' : 'application/xml');
      res.attachment(exportFileName(site.id, query.format));
      res.setHeader('Cache-Control', 'no-store');
      try {
        await exportSite(db, site.id, query.format, async (chunk) => {
          if (!res.write(chunk)) await once(res, 'drain');
        });
        res.end();
      } catch (err) {
        logger.error({ err }, 'export failed');
        res.destroy();
      }
    }),
  );

  return router;
}
