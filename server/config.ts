/**
 * The one place that reads process.env. Everything else receives a Config.
 * Invalid settings fail at boot with a message naming the variable.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { IpRule } from '../contract/moderation-settings.schema.ts';
import { type MailConfig, MailEnvSchema, toMailConfig } from './notifications/mail.config.ts';

const port = z.coerce.number().int().min(0).max(65535);

const httpUrl = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''));

// Express's named ranges (proxy-addr): 127.0.0.1/8 + ::1, fe80::/10 + 169.254.0.0/16, private networks.
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Which proxies in front of Parley may say who the client is, the two ways
 * Express documents: how many hops (`1`: one reverse proxy), or the proxies'
 * addresses (`10.0.0.0/8`, `loopback`, a comma-separated list). Off when
 * unset. `true` is refused: it trusts every X-Forwarded-For entry, so any
 * client could pick its own IP by sending one, and walk past every limit.
 */
const TrustProxy = z
  .string()
  .trim()
  .default('')
  .transform((value, ctx): false | number | string[] => {
    if (value === '' || value === 'false' || value === '0') return false;
    if (value === 'true') {
      ctx.addIssue({
        code: 'custom',
        message:
          '"true" would trust any X-Forwarded-For a client sends, so anyone could choose their own IP and escape the rate limits. ' +
          'Write how many proxies stand in front of Parley (TRUST_PROXY=1 for one reverse proxy) ' +
          'or their addresses (TRUST_PROXY=10.0.0.0/8, or a comma-separated list such as TRUST_PROXY=loopback,10.0.0.5)',
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops <= 10) return hops;
      ctx.addIssue({ code: 'custom', message: 'a hop count is at most 10' });
      return z.NEVER;
    }
    const entries = value.split(',').map((entry) => entry.trim());
    const bad = entries.filter(
      (entry) => !NAMED_RANGES.includes(entry) && !IpRule.safeParse(entry).success,
    );
    if (bad.length === 0) return entries;
    ctx.addIssue({
      code: 'custom',
      message: `"${bad.join('", "')}" is not a hop count, an IP address, a CIDR range or one of ${NAMED_RANGES.join(', ')}`,
    });
    return z.NEVER;
  });

const EnvSchema = z.object({
  ...MailEnvSchema.shape,
  PORT: port.default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave unset for SQLite)')
    .optional(),
  SQLITE_PATH: z.string().min(1).default('./data/parley.sqlite'),
  WIDGET_DIR: z.string().min(1).default('./dist/widget'),
  // Development only: Vite's dev server, which then serves the thread app and
  // the dashboard (npm run dev sets it; see devWidgetAssets).
  DEV_SERVER_URL: httpUrl.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Signs access tokens, emailed links, avatar keys and live ids. Unset: the
  // secret kept in the store (made on the first start; resolveConfig), so a
  // restart or the CLI uses the same one. Required with REDIS_URL.
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  WORDPRESS_CLIENT_ID: z.string().min(1).optional(),
  WORDPRESS_CLIENT_SECRET: z.string().min(1).optional(),
  WORDPRESS_API_URL: httpUrl.default('https://public-api.wordpress.com'),
  TWITTER_CONSUMER_KEY: z.string().min(1).optional(),
  TWITTER_CONSUMER_SECRET: z.string().min(1).optional(),
  TWITTER_API_URL: httpUrl.default('https://api.x.com'),
  FACEBOOK_APP_ID: z.string().min(1).optional(),
  FACEBOOK_APP_SECRET: z.string().min(1).optional(),
  FACEBOOK_WWW_URL: httpUrl.default('https://www.facebook.com'),
  FACEBOOK_GRAPH_URL: httpUrl.default('https://graph.facebook.com'),
  // Sign-in attempts per minute per client IP (tickets, provider redirects);
  // polling and refresh get a multiple of it. Raise it behind a shared NAT.
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
  // Comments per minute from one IP or one author, and on one site (flood control).
  COMMENT_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(5),
  SITE_COMMENT_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(60),
  // Reply notifications one address may get per hour (the rest are dropped),
  // and confirmation emails one address may get per hour.
  NOTIFY_EMAILS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(30),
  NOTIFY_CONFIRMATIONS_PER_HOUR: z.coerce.number().int().min(1).max(1_000).default(3),
  IMPORT_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(4096).default(256),
  // Akismet's API (the key is a per-site setting). Tests point this at a local server.
  AKISMET_URL: httpUrl.default('https://rest.akismet.com'),
  AKISMET_TEST: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  TRUST_PROXY: TrustProxy,
  // How often each instance looks for changes written elsewhere (the CLI);
  // its own writes are announced at once.
  EVENT_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  // How long announced changes are kept for readers resuming a live view.
  EVENT_RETENTION_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(24),
  // Live-update streams one client IP may hold open per instance (a reader's
  // tabs; raise it when many readers share an address).
  LIVE_MAX_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(20),
  // A heartbeat this often keeps idle streams open through proxies.
  LIVE_HEARTBEAT_MS: z.coerce.number().int().min(100).max(300_000).default(25_000),
  // Several instances: what they must share (rate limits, the event log) goes to Redis.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL (leave unset for one instance)')
    .optional(),
  // Prefix of every key Parley writes in Redis (several installations can share one).
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,64}$/, 'letters, digits and _ : . - only, at most 64')
    .default('parley:'),
  // Addresses the avatar proxy may fetch from although they are private
  // (loopback, RFC 1918, link-local, ULA): comma-separated IPs or CIDR ranges.
  // For the demo's local sandbox providers and tests only; unset in production.
  AVATAR_PROXY_ALLOW: z
    .string()
    .trim()
    .default('')
    .transform((value, ctx) => {
      const entries = value === '' ? [] : value.split(',').map((e) => e.trim());
      const bad = entries.filter((e) => !IpRule.safeParse(e).success);
      if (bad.length === 0) return entries;
      ctx.addIssue({
        code: 'custom',
        message: `"${bad.join('", "')}" is not an IP address or CIDR range`,
      });
      return z.NEVER;
    }),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Base URL readers' browsers use to reach this server (embed.js, the iframe, the API). */
  readonly publicUrl: string;
  /** False when PUBLIC_URL is unset and publicUrl is only a guess from PORT. */
  readonly publicUrlConfigured: boolean;
  readonly database:
    | { readonly kind: 'sqlite'; readonly path: string }
    | { readonly kind: 'postgres'; readonly url: string };
  readonly widgetDir: string;
  /** Development only (npm run dev): the apps load from this Vite dev server. */
  readonly devServerUrl: string | undefined;
  readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /**
   * Express's `trust proxy`: false (the socket is the client), a hop count, or
   * the trusted proxies' addresses and ranges.
   */
  readonly trustProxy: false | number | readonly string[];
  /** SMTP for moderator notifications (disabled without SMTP_URL). */
  readonly mail: MailConfig;
  /** Flood control: comments per minute per IP or author, and per site. */
  readonly commentRateLimit: { readonly perAuthor: number; readonly perSite: number };
  /** Per-address limits of reader emails, per hour. */
  readonly notifyLimits: { readonly emailsPerHour: number; readonly confirmationsPerHour: number };
  /** The largest file the dashboard's import takes (the CLI has its own --max-size). */
  readonly importUploadMaxBytes: number;
  /** Akismet's endpoint and whether to flag calls as tests (is_test=1). */
  readonly akismet: { readonly endpoint: string; readonly isTest: boolean };
  /** Sign-in attempts per minute per client IP. */
  readonly authRateLimit: number;
  /**
   * Signs access tokens and emailed links, keys guests' avatars, seals live
   * ids: AUTH_SECRET, or (unset) the one kept in the store (resolveConfig).
   */
  readonly authSecret: string;
  /** The event stream (server/events/): outbox poll interval and how long events are kept. */
  readonly events: { readonly pollMs: number; readonly retentionHours: number };
  /** Redis for what several instances share; null for one instance (in process). */
  readonly redis: { readonly url: string; readonly prefix: string } | null;
  /** Live updates (SSE): streams per client IP and instance, heartbeat interval. */
  readonly live: { readonly maxPerIp: number; readonly heartbeatMs: number };
  /** Private addresses the avatar proxy may still fetch from (AVATAR_PROXY_ALLOW; demo and tests). */
  readonly avatarProxyAllow: readonly string[];
  /** Sign-in providers with credentials; only these are offered to readers. */
  readonly providers: Readonly<{
    wordpress?: { clientId: string; clientSecret: string; apiUrl: string };
    twitter?: { consumerKey: string; consumerSecret: string; apiUrl: string };
    facebook?: { appId: string; appSecret: string; wwwUrl: string; graphUrl: string };
  }>;
}

/**
 * The configuration as the environment gives it. Without AUTH_SECRET,
 * `authSecret` is undefined until resolveConfig (config.resolve.ts) reads the
 * store's; createApp and the CLI's commands take only a complete Config.
 */
export type EnvConfig = Omit<Config, 'authSecret'> & { readonly authSecret: string | undefined };

export class ConfigError extends Error {}

/** Reads and validates the environment once; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): EnvConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.AUTH_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  AUTH_SECRET: must be set when REDIS_URL is set: several instances must sign and check access tokens with one secret, and an installation that runs several keeps it out of the database (without AUTH_SECRET it is kept in the store, where a dump of the database would give it away)',
    );
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    publicUrlConfigured: e.PUBLIC_URL !== undefined,
    database: Object.freeze(
      e.DATABASE_URL
        ? { kind: 'postgres' as const, url: e.DATABASE_URL }
        : { kind: 'sqlite' as const, path: resolve(e.SQLITE_PATH) },
    ),
    widgetDir: resolve(e.WIDGET_DIR),
    devServerUrl: e.DEV_SERVER_URL,
    logLevel: e.LOG_LEVEL,
    trustProxy: Array.isArray(e.TRUST_PROXY) ? Object.freeze(e.TRUST_PROXY) : e.TRUST_PROXY,
    mail: toMailConfig(e),
    notifyLimits: Object.freeze({
      emailsPerHour: e.NOTIFY_EMAILS_PER_HOUR,
      confirmationsPerHour: e.NOTIFY_CONFIRMATIONS_PER_HOUR,
    }),
    importUploadMaxBytes: e.IMPORT_UPLOAD_MAX_MB * 1024 * 1024,
    commentRateLimit: Object.freeze({
      perAuthor: e.COMMENT_RATE_LIMIT,
      perSite: e.SITE_COMMENT_RATE_LIMIT,
    }),
    akismet: Object.freeze({ endpoint: e.AKISMET_URL, isTest: e.AKISMET_TEST }),
    authRateLimit: e.AUTH_RATE_LIMIT,
    authSecret: e.AUTH_SECRET,
    events: Object.freeze({ pollMs: e.EVENT_POLL_MS, retentionHours: e.EVENT_RETENTION_HOURS }),
    live: Object.freeze({ maxPerIp: e.LIVE_MAX_PER_IP, heartbeatMs: e.LIVE_HEARTBEAT_MS }),
    redis: e.REDIS_URL ? Object.freeze({ url: e.REDIS_URL, prefix: e.REDIS_PREFIX }) : null,
    avatarProxyAllow: Object.freeze(e.AVATAR_PROXY_ALLOW),
    providers: Object.freeze({
      ...(e.WORDPRESS_CLIENT_ID && e.WORDPRESS_CLIENT_SECRET
        ? {
            wordpress: {
              clientId: e.WORDPRESS_CLIENT_ID,
              clientSecret: e.WORDPRESS_CLIENT_SECRET,
              apiUrl: e.WORDPRESS_API_URL,
            },
          }
        : {}),
      ...(e.TWITTER_CONSUMER_KEY && e.TWITTER_CONSUMER_SECRET
        ? {
            twitter: {
              consumerKey: e.TWITTER_CONSUMER_KEY,
              consumerSecret: e.TWITTER_CONSUMER_SECRET,
              apiUrl: e.TWITTER_API_URL,
            },
          }
        : {}),
      ...(e.FACEBOOK_APP_ID && e.FACEBOOK_APP_SECRET
        ? {
            facebook: {
              appId: e.FACEBOOK_APP_ID,
              appSecret: e.FACEBOOK_APP_SECRET,
              wwwUrl: e.FACEBOOK_WWW_URL,
              graphUrl: e.FACEBOOK_GRAPH_URL,
            },
          }
        : {}),
    }),
  });
}
