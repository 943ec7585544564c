/**
 * The demo's own settings (the Parley server inside it reads server/config.ts).
 */
import { z } from 'zod';

const DemoEnv = z.object({
  DEMO_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  DEMO_URL: z.url({ protocol: /^https?$/ }).optional(),
  DEMO_SITE_ID: z.string().default('demo'),
  DEMO_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(8082),
});

export interface DemoConfig {
  port: number;
  /** Where readers reach the demo blog; its origin is registered as the site's origin. */
  url: string;
  siteId: string;
  /** Port of the sandbox sign-in providers (used when no real credentials are set). */
  sandboxPort: number;
}

export function loadDemoConfig(env: Record<string, string | undefined> = process.env): DemoConfig {
  const e = DemoEnv.parse(env);
  return Object.freeze({
    port: e.DEMO_PORT,
    url: (e.DEMO_URL ?? `http://localhost:${e.DEMO_PORT}`).replace(/\/+$/, ''),
    siteId: e.DEMO_SITE_ID,
    sandboxPort: e.DEMO_SANDBOX_PORT,
  });
}
