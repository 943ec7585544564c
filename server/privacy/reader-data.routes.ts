import { Router } from 'express';
import { DeleteAccountQuery, ReaderDataQuery } from '../../contract/reader-data.schema.ts';
import { identify, sessionOf } from '../auth/identify.ts';
import type { SessionContext } from '../auth/session.service.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { validate } from '../http/validate.ts';
import { requireSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import {
  checkDeletionPolicy,
  deleteReaderAccount,
  exportReaderData,
} from './reader-data.service.ts';

/** A signed-in reader's own data on the site their session is for (docs/api.md). */
export function readerDataRoutes(db: Db, config: Config): Router {
  const router = Router();
  const signedIn = identify(db, config, { required: true });

  router.get(
    '/me/data',
    signedIn,
    validate({ query: ReaderDataQuery }, async ({ query, res }) => {
      const session = sessionOn(sessionOf(res), query.site);
      const data = await exportReaderData(db, query.site, { identity: session.identity });
      res.set({
        'Cache-Control': 'no-store',
        'Content-Disposition': `attachment; filename="parley-${query.site}-my-data.json"`,
      });
      res.json(data);
    }),
  );

  router.delete(
    '/me',
    signedIn,
    validate({ query: DeleteAccountQuery }, async ({ query, res }) => {
      const session = sessionOn(sessionOf(res), query.site);
      checkDeletionPolicy(await requireSite(db, query.site), query.comments);
      res.json(
        await deleteReaderAccount(db, query.site, { identity: session.identity }, query.comments),
      );
    }),
  );

  return router;
}

/** The session, if it is for this site: a token from one site never reaches another's data. */
function sessionOn(session: SessionContext | undefined, site: string): SessionContext {
  if (!session) throw new AppError(401, 'unauthorized', 'Sign in first');
  if (session.siteId !== site) {
    throw new AppError(403, 'token_site_mismatch', 'You are signed in on another site', 'site');
  }
  return session;
}
