import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { DestinationStream } from 'pino';
import { adminRoutes } from './admin/admin.routes.ts';
import { dashboardRoutes } from './admin/dashboard.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { sessionRoutes } from './auth/session.routes.ts';
import { commentRoutes } from './comments/comment.routes.ts';
import { createThreadCache, type ThreadCache } from './comments/thread.cache.ts';
import { onThreadChange } from './comments/thread.changes.ts';
import type { Config } from './config.ts';
import { devWidgetAssets, loadWidgetAssets } from './embed/assets.ts';
import { embedRoutes } from './embed/embed.routes.ts';
import { errorHandler, notFound } from './http/errors.ts';
import { requestLog } from './http/request-log.ts';
import { createLogger, type Logger } from './logger.ts';
import { createFloodStore } from './moderation/checks/flood.ts';
import { createMailer, type Mailer } from './notifications/mailer.ts';
import { createDb, type Db, migrateToLatest } from './store/db.ts';
import { pingStore } from './store/health.repository.ts';

/** Memory for hot thread pages: ~600 first pages of 1,000-comment threads, compressed both ways. */
const THREAD_CACHE_BYTES = 64 * 1024 * 1024;

export interface ParleyApp {
  app: Express;
  config: Config;
  db: Db;
  logger: Logger;
  mailer: Mailer;
  /** Hot thread pages (comments/thread.cache.ts). */
  cache: ThreadCache;
  /** Applies migrations, then listens. Resolves with the URL it listens on. */
  start(): Promise<{ port: number; url: string }>;
  /** Stops listening and closes the store. */
  stop(): Promise<void>;
}

/** What the host process may choose besides the config. */
export interface AppOptions {
  /** Where logs go instead of stdout as JSON (the demo prints them readably). */
  logDestination?: DestinationStream;
}

/** Builds the Parley server from a validated config. Nothing listens until start(). */
export function createApp(config: Config, options: AppOptions = {}): ParleyApp {
  const logger = createLogger(config, options.logDestination);
  const db = createDb(config.database);
  const assets = config.devServerUrl
    ? devWidgetAssets(config.devServerUrl, config.widgetDir)
    : loadWidgetAssets(config.widgetDir);
  const mailer = createMailer(config.mail, logger);
  const moderation = {
    flood: createFloodStore({
      ip: { points: config.commentRateLimit.perAuthor, seconds: 60 },
      author: { points: config.commentRateLimit.perAuthor, seconds: 60 },
      site: { points: config.commentRateLimit.perSite, seconds: 60 },
    }),
    akismet: { ...config.akismet, userAgent: 'Parley/0.1 | parley-akismet/1.0' },
  };
  // Hot thread pages, serialised and compressed; every change to a page drops its entries.
  const cache = createThreadCache({ maxBytes: THREAD_CACHE_BYTES });
  onThreadChange(db, (site, page) => cache.invalidate(site, page));
  if (!assets) logger.warn({ dir: config.widgetDir }, 'widget not built; run npm run build');

  const app = express();
  app.disable('x-powered-by');
  // Express copies a list; a hop count or false passes as is (see config.ts).
  app.set(
    'trust proxy',
    Array.isArray(config.trustProxy) ? [...config.trustProxy] : config.trustProxy,
  );
  app.use(requestLog(logger));
  app.use(
    helmet({
      // Pages that need a policy set their own (the iframe's differs per site);
      // everything else gets the strictest one below.
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      },
      // frame-ancestors decides framing; X-Frame-Options can't list origins.
      frameguard: false,
    }),
  );

  // Threads and the iframe page compress ~5x; widget assets arrive already
  // compressed (Content-Encoding set), which compression() leaves alone.
  app.use(compression());

  app.get('/healthz', async (_req, res) => {
    await pingStore(db);
    res.json({ ok: true });
  });
  app.use(embedRoutes(db, config, assets, cache));
  app.use(authRoutes(db, config));
  app.use(adminRoutes(db, config, logger));
  app.use(dashboardRoutes(assets));
  app.use(
    '/api/v1',
    commentRoutes(db, config, { moderation, mailer, logger, cache }),
    sessionRoutes(db, config),
    notFound,
  );
  app.use(notFound);
  app.use(errorHandler(logger));

  let server: Server | undefined;
  return {
    app,
    config,
    db,
    logger,
    mailer,
    cache,
    async start() {
      await migrateToLatest(db);
      server = await new Promise<Server>((resolve, reject) => {
        const s = app.listen(config.port, config.host, (err?: Error) =>
          err ? reject(err) : resolve(s),
        );
      });
      const { port } = server.address() as AddressInfo;
      const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
      logger.info({ port, publicUrl: config.publicUrl }, 'Parley listening');
      return { port, url: `http://${host}:${port}` };
    },
    async stop() {
      if (server) {
        const s = server;
        await new Promise<void>((resolve) => s.close(() => resolve()));
        s.closeAllConnections();
        server = undefined;
      }
      await mailer.close();
      await db.destroy();
    },
  };
}
