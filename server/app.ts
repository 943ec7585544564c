import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import express, { type Express } from 'express';
import type { DestinationStream } from 'pino';
import { adminRoutes } from './admin/admin.routes.ts';
import { dashboardRoutes } from './admin/dashboard.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { sessionRoutes } from './auth/session.routes.ts';
import { createAddressPolicy } from './avatars/address-policy.ts';
import { avatarRoutes } from './avatars/avatar.routes.ts';
import { createAvatarService } from './avatars/avatar.service.ts';
import { backfillAvatarKeys } from './avatars/avatar-backfill.ts';
import { guestPosts } from './comments/comment.fast-path.ts';
import { commentRoutes, createCommentHandler } from './comments/comment.routes.ts';
import { cachedCountsAnswers } from './comments/counts.fast-path.ts';
import { createThreadCache, type ThreadCache } from './comments/thread.cache.ts';
import { cachedThreadReads } from './comments/thread.fast-path.ts';
import { invalidateOnChange } from './comments/thread.invalidation.ts';
import type { Config } from './config.ts';
import { devWidgetAssets, loadWidgetAssets } from './embed/assets.ts';
import { embedRoutes } from './embed/embed.routes.ts';
import { createEvents, type Events } from './events/events.ts';
import { createRedisLog } from './events/redis-log.ts';
import { clientIpOf } from './http/client-ip.ts';
import { errorHandler, notFound } from './http/errors.ts';
import { healthRoutes } from './http/health.routes.ts';
import { LIMITERS, memoryLimiters } from './http/rate-limit.ts';
import { requestLog } from './http/request-log.ts';
import { appSecurityHeaders } from './http/security-headers.ts';
import { liveStreams } from './live/live.fast-path.ts';
import { createLiveHub, type LiveHub } from './live/live.hub.ts';
import { createLiveIds } from './live/live.ids.ts';
import { liveRoutes } from './live/live.routes.ts';
import { createLogger, type Logger } from './logger.ts';
import { createFloodStore } from './moderation/checks/flood.ts';
import { heldCommentEmails } from './notifications/held-comment.consumer.ts';
import { createMailer, type Mailer } from './notifications/mailer.ts';
import { pageHtmlRoutes } from './pages/page-html.routes.ts';
import { guestDataRoutes } from './privacy/guest-data.routes.ts';
import { readerDataRoutes } from './privacy/reader-data.routes.ts';
import { startRetentionJob } from './privacy/retention.ts';
import { redisLimiters } from './redis/limiters.ts';
import { createRedis } from './redis/redis.ts';
import { createDb, type Db, migrateToLatest } from './store/db.ts';
import { replyNotificationEmails } from './subscriptions/reply.consumer.ts';
import { subscriptionRoutes } from './subscriptions/subscription.routes.ts';
import type { NotifyDeps } from './subscriptions/subscription.service.ts';

/**
 * Memory for hot thread pages: ~300 first pages of 1,000-comment threads
 * (45 KB of JSON, 3 KB each compressed), or thousands of shorter ones. What a
 * server meant to stay under 150 MB (docs/performance.md, "Memory") can
 * spare: it starts at ~113.
 */
const THREAD_CACHE_BYTES = 16 * 1024 * 1024;

export interface ParleyApp {
  app: Express;
  config: Config;
  db: Db;
  logger: Logger;
  mailer: Mailer;
  /** Changes announced by every write, on every instance (server/events/, docs/architecture.md). */
  events: Events;
  /** This instance's open live-update streams. */
  live: LiveHub;
  /** Hot thread pages (comments/thread.cache.ts). */
  cache: ThreadCache;
  /** Applies migrations, then listens. Resolves with the URL it listens on. */
  start(): Promise<{ port: number; url: string }>;
  /**
   * Graceful shutdown: stops accepting connections (and /readyz says 503),
   * ends live streams with a retry hint, lets requests in flight finish (up
   * to `graceMs`), publishes pending events, then closes Redis and the store.
   */
  stop(graceMs?: number): Promise<void>;
}

/** What the host process may choose besides the config. */
export interface AppOptions {
  /** Where logs go instead of stdout as JSON (the demo prints them readably). */
  logDestination?: DestinationStream;
}

/** Builds the Parley server from a validated config. Nothing listens until start(). */
export function createApp(config: Config, options: AppOptions = {}): ParleyApp {
  const logger = createLogger(config, options.logDestination);
  const db = createDb(config.database, { backgroundCheckpoints: true });
  const assets = config.devServerUrl
    ? devWidgetAssets(config.devServerUrl, config.widgetDir)
    : loadWidgetAssets(config.widgetDir);
  const mailer = createMailer(config.mail, logger);
  const redis = config.redis ? createRedis(config.redis) : null;
  const limiters =
    redis && config.redis ? redisLimiters(redis, config.redis.prefix) : memoryLimiters;
  const events = createEvents(db, {
    logger,
    ...config.events,
    ...(redis && config.redis
      ? {
          log: createRedisLog({
            redis,
            key: `${config.redis.prefix}events`,
            capacity: 10_000,
            logger,
          }),
        }
      : {}),
  });
  events.handleOnce('held-comment-email', heldCommentEmails(db, mailer, config.publicUrl));
  const notify: NotifyDeps = {
    mailer,
    secret: config.authSecret,
    publicUrl: config.publicUrl,
    logger,
    // Per address, across instances when REDIS_URL is set.
    limits: {
      confirmations: limiters({
        keyPrefix: 'notify-confirm',
        points: config.notifyLimits.confirmationsPerHour,
        duration: 3600,
      }),
      notifications: limiters({
        keyPrefix: 'notify-email',
        points: config.notifyLimits.emailsPerHour,
        duration: 3600,
      }),
    },
  };
  events.handleOnce('reply-notification-email', replyNotificationEmails(db, notify));
  // Live ids are sealed under AUTH_SECRET: instances sharing it read each other's.
  const liveIds = createLiveIds(config.authSecret);
  const live = createLiveHub(events, { ...config.live, retryMs: 2_000, ids: liveIds });
  const moderation = {
    flood: createFloodStore(
      {
        ip: { points: config.commentRateLimit.perAuthor, seconds: 60 },
        author: { points: config.commentRateLimit.perAuthor, seconds: 60 },
        site: { points: config.commentRateLimit.perSite, seconds: 60 },
      },
      limiters,
    ),
    akismet: { ...config.akismet, userAgent: 'Parley/0.1 | parley-akismet/1.0' },
  };
  // Hot thread pages, serialised and compressed; every change event for a page drops its entries.
  const cache = createThreadCache({ maxBytes: THREAD_CACHE_BYTES });
  const stopInvalidating = invalidateOnChange(db, events, cache);
  const avatars = createAvatarService(db, {
    policy: createAddressPolicy(config.avatarProxyAllow),
    logger,
  });
  if (!assets) logger.warn({ dir: config.widgetDir }, 'widget not built; run npm run build');

  const app = express();
  app.disable('x-powered-by');
  // Every rateLimit() of this app counts in its store (server/http/rate-limit.ts).
  app.locals[LIMITERS] = limiters;
  let draining = false;
  // Express copies a list; a hop count or false passes as is (see config.ts).
  app.set(
    'trust proxy',
    Array.isArray(config.trustProxy) ? [...config.trustProxy] : config.trustProxy,
  );
  const logRequest = requestLog(logger);
  const securityHeaders = appSecurityHeaders();
  app.use(logRequest);
  app.use(securityHeaders);
  // Cached thread slices are answered before Express (with the same log line
  // and headers); everything else goes through the app.
  const fastRead = cachedThreadReads(cache, [logRequest, securityHeaders], logger);

  // Live-update streams are opened before Express (each idle one holds less);
  // its route answers refusals. Never compressed (compression() would buffer
  // them): routed before it.
  app.use('/api/v1', liveRoutes(db, live));
  const fastLive = liveStreams({
    db,
    hub: live,
    logger,
    clientIp: clientIpOf(app),
    requestLog: logRequest,
    securityHeaders,
    express: app,
  });

  // Threads and the iframe page compress ~5x; widget assets arrive already
  // compressed (Content-Encoding set), which compression() leaves alone.
  const compress = compression();
  app.use(compress);
  // Counts of pages all counted in memory, likewise (compressed as Express would).
  // compression() is typed for Express but reads and wraps only node:http's own req and res.
  const compressPlain = compress as unknown as (
    ...args: Parameters<typeof securityHeaders>
  ) => void;
  const fastCounts = cachedCountsAnswers(cache, [logRequest, securityHeaders, compressPlain]);

  app.use(healthRoutes(db, redis, () => draining));
  app.use(embedRoutes(db, config, assets, events, cache, liveIds));
  app.use(avatarRoutes(avatars));
  app.use(authRoutes(db, config));
  app.use(guestDataRoutes(db, config, mailer));
  app.use(adminRoutes(db, config, logger));
  app.use(dashboardRoutes(assets));
  app.use(subscriptionRoutes(db, notify));
  const commentServices = { moderation, notify, cache };
  // Guest posts skip Express's routing and body parser (same handler, same
  // middleware before it, same error handler: comment.fast-path.ts).
  const handleError = errorHandler(logger);
  const fastPost = guestPosts({
    express: app,
    before: [logRequest, securityHeaders, compressPlain],
    handler: createCommentHandler(db, config, commentServices),
    errors: handleError,
  });
  app.use(
    '/api/v1',
    commentRoutes(db, config, commentServices),
    sessionRoutes(db, config),
    pageHtmlRoutes(db, config, cache),
    readerDataRoutes(db, config),
    notFound,
  );
  app.use(notFound);
  app.use(handleError);

  let server: Server | undefined;
  let stopRetention = async () => {};
  let stopping: Promise<void> | undefined;
  return {
    app,
    config,
    db,
    logger,
    mailer,
    events,
    live,
    cache,
    async start() {
      await migrateToLatest(db);
      await redis?.connect();
      await events.start();
      await backfillAvatarKeys(db, config.authSecret);
      stopRetention = startRetentionJob(db, logger);
      server = await new Promise<Server>((resolve, reject) => {
        const s = createServer((req, res) => {
          if (
            !fastRead(req, res) &&
            !fastCounts(req, res) &&
            !fastLive(req, res) &&
            !fastPost(req, res)
          ) {
            app(req, res);
          }
        });
        s.once('error', reject);
        s.listen(config.port, config.host, () => resolve(s));
      });
      const { port } = server.address() as AddressInfo;
      const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
      logger.info({ port, publicUrl: config.publicUrl }, 'Parley listening');
      return { port, url: `http://${host}:${port}` };
    },
    stop(graceMs = 10_000) {
      // Idempotent: a second signal (or a test's cleanup) waits for the first.
      stopping ??= shutDown(graceMs);
      return stopping;
    },
  };

  async function shutDown(graceMs: number): Promise<void> {
    draining = true;
    await stopRetention();
    if (server) {
      const s = server;
      const closed = new Promise<void>((resolve) => s.close(() => resolve()));
      // Streams never end by themselves: end them, telling browsers to come
      // back in a few seconds (spread out, to another instance).
      live.closeAll(2_000 + Math.floor(Math.random() * 3_000));
      s.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([closed, late]);
      clearTimeout(timer);
      s.closeAllConnections();
      server = undefined;
    }
    live.stop();
    await events.stop();
    stopInvalidating();
    await mailer.close();
    await redis?.quit().catch(() => redis.disconnect());
    await db.destroy();
  }
}
