import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import type { EngineOptions } from './e2e/engines/fixture.ts';
import { certificateIn, createCertificate } from './e2e/tls/certificate.ts';
import {
  BLOG_PORT,
  BLOG_URL,
  backendPort,
  HOST_PORT,
  HOST_URL,
  MAIL_API_URL,
  MAIL_SMTP_PORT,
  PARLEY_PORT,
  PARLEY_URL,
  SANDBOX_PORT,
} from './e2e/urls.ts';

const SQLITE_PATH = join(tmpdir(), `parley-e2e-${process.pid}.sqlite`);

// One throwaway certificate per run, made here in the runner's process before
// any server starts; the servers and the workers inherit E2E_TLS_DIR. The run
// that made it deletes it on the way out.
if (!process.env.E2E_TLS_DIR) {
  const { dir } = createCertificate();
  process.env.E2E_TLS_DIR = dir;
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
}
const TLS = certificateIn(process.env.E2E_TLS_DIR);

export default defineConfig<EngineOptions>({
  testDir: 'e2e',
  // Journeys (*.journey.ts) run in all three engines, each project driving
  // its engine through its own driver (e2e/engines/); the Playwright specs
  // (*.spec.ts) run in Chromium. A failure's title names its project.
  projects: [
    { name: 'chromium', testMatch: /\.(spec|journey)\.ts$/, use: { engineName: 'chromium' } },
    {
      name: 'firefox',
      testMatch: /\.journey\.ts$/,
      use: { engineName: 'firefox' },
    },
    { name: 'webkit', testMatch: /\.journey\.ts$/, use: { engineName: 'webkit' } },
  ],
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  // Generous: the machine running this is shared and has 2 cores; a test
  // that outgrows it under load is not broken (journeys get 90 s, see
  // e2e/engines/fixture.ts).
  timeout: 60_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL: BLOG_URL,
    // The run's own self-signed certificate (e2e/tls/).
    ignoreHTTPSErrors: true,
    trace: 'on-first-retry',
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Closed network: without these Chromium keeps dialling Google's hosts.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      // HTTPS in front of every server below.
      command: 'node e2e/tls/front.ts',
      port: HOST_PORT,
      reuseExistingServer: false,
      timeout: 10_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The demo's SMTP server; tests read what it caught (guest data links, reply notifications).
      command: 'node --disable-warning=ExperimentalWarning e2e/mail-server.ts',
      url: `${MAIL_API_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 10_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'node --disable-warning=ExperimentalWarning demo/main.ts',
      url: `${PARLEY_URL}/healthz`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      // Generous: the machine running this is shared and has 2 cores; a test
      // that outgrows it under load is not broken (journeys get 90 s, see
      // e2e/engines/fixture.ts).
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(backendPort(PARLEY_PORT)),
        HOST: '127.0.0.1',
        PUBLIC_URL: PARLEY_URL,
        DEMO_PORT: String(backendPort(BLOG_PORT)),
        DEMO_URL: BLOG_URL,
        DEMO_SANDBOX_PORT: String(SANDBOX_PORT),
        DEMO_SANDBOX_TLS_KEY: TLS.key,
        DEMO_SANDBOX_TLS_CERT: TLS.cert,
        // Parley calls the sandboxes' token endpoints over HTTPS: trust them.
        NODE_EXTRA_CA_CERTS: TLS.cert,
        // Tests post within a second of the page loading; flood control and
        // form timing have tests of their own.
        DEMO_MIN_FORM_SECONDS: '0',
        COMMENT_RATE_LIMIT: '100000',
        SITE_COMMENT_RATE_LIMIT: '1000000',
        SQLITE_PATH,
        SMTP_URL: `smtp://127.0.0.1:${MAIL_SMTP_PORT}`,
        LOG_LEVEL: 'warn',
        // Every test signs in from 127.0.0.1: lift the per-IP sign-in limit.
        AUTH_RATE_LIMIT: '10000',
      },
    },
    {
      // Started after the demo is up, so its site registration finds the store migrated.
      command: 'node --disable-warning=ExperimentalWarning e2e/host-server.ts',
      url: `${HOST_URL}/healthz`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      // Generous: the machine running this is shared and has 2 cores; a test
      // that outgrows it under load is not broken (journeys get 90 s, see
      // e2e/engines/fixture.ts).
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { SQLITE_PATH, PUBLIC_URL: PARLEY_URL, E2E_PORT_BASE: String(PARLEY_PORT) },
    },
  ],
});
