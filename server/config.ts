/**
 * The one place that reads process.env. Everything else receives a Config.
 * Invalid settings fail at boot with a message naming the variable.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

const EnvSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave unset for SQLite)')
    .optional(),
  SQLITE_PATH: z.string().min(1).default('./data/parley.sqlite'),
  WIDGET_DIR: z.string().min(1).default('./dist/widget'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Base URL readers' browsers use to reach this server (embed.js, the iframe, the API). */
  readonly publicUrl: string;
  readonly database:
    | { readonly kind: 'sqlite'; readonly path: string }
    | { readonly kind: 'postgres'; readonly url: string };
  readonly widgetDir: string;
  readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  readonly trustProxy: boolean;
}

export class ConfigError extends Error {}

/** Reads and validates the environment once; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    database: Object.freeze(
      e.DATABASE_URL
        ? { kind: 'postgres' as const, url: e.DATABASE_URL }
        : { kind: 'sqlite' as const, path: resolve(e.SQLITE_PATH) },
    ),
    widgetDir: resolve(e.WIDGET_DIR),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
  });
}
