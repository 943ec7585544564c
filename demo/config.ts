/**
 * The demo's own settings (the Parley server inside it reads server/config.ts).
 */
import { z } from 'zod';

const DemoEnv = z.object({
  DEMO_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  DEMO_URL: z.url({ protocol: /^https?$/ }).optional(),
  DEMO_SITE_ID: z.string().default('demo'),
  DEMO_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(8082),
  // npm run dev: Vite's dev server (demo/dev.ts).
  DEV_VITE_PORT: z.coerce.number().int().min(1).max(65535).default(5173),
  // PEM files: the sandboxes answer over HTTPS (the e2e suite sets them).
  DEMO_SANDBOX_TLS_KEY: z.string().min(1).optional(),
  DEMO_SANDBOX_TLS_CERT: z.string().min(1).optional(),
  // The demo publishes at once so it can be tried alone; a real site gets
  // Parley's defaults (first-time moderation, 3 s form timing).
  DEMO_MODERATION: z.enum(['none', 'first-time', 'all']).default('none'),
  DEMO_MIN_FORM_SECONDS: z.coerce.number().min(0).max(600).default(3),
});

export interface DemoConfig {
  port: number;
  /** Where readers reach the demo blog; its origin is registered as the site's origin. */
  url: string;
  siteId: string;
  /** Port of the sandbox sign-in providers (used when no real credentials are set). */
  sandboxPort: number;
  /** Port of Vite's dev server under `npm run dev`. */
  devServerPort: number;
  /** Key and certificate files when the sandboxes serve HTTPS. */
  sandboxTls: { key: string; cert: string } | undefined;
  moderation: { mode: 'none' | 'first-time' | 'all'; minFormSeconds: number };
}

export function loadDemoConfig(env: Record<string, string | undefined> = process.env): DemoConfig {
  const e = DemoEnv.parse(env);
  return Object.freeze({
    port: e.DEMO_PORT,
    url: (e.DEMO_URL ?? `http://localhost:${e.DEMO_PORT}`).replace(/\/+$/, ''),
    siteId: e.DEMO_SITE_ID,
    sandboxPort: e.DEMO_SANDBOX_PORT,
    devServerPort: e.DEV_VITE_PORT,
    sandboxTls:
      e.DEMO_SANDBOX_TLS_KEY && e.DEMO_SANDBOX_TLS_CERT
        ? { key: e.DEMO_SANDBOX_TLS_KEY, cert: e.DEMO_SANDBOX_TLS_CERT }
        : undefined,
    moderation: { mode: e.DEMO_MODERATION, minFormSeconds: e.DEMO_MIN_FORM_SECONDS },
  });
}
