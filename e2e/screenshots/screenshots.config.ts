/**
 * `npm run screenshots`: the e2e servers (playwright.config.ts) with one
 * project that photographs the widget and the dashboard into
 * docs/screenshots/ (e2e/screenshots/screenshots.shot.ts).
 */
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.ts';

// The servers start from the repository's root, as for the e2e run.
const root = new URL('../..', import.meta.url).pathname;
const servers = [base.webServer ?? []].flat().map((server) => ({ ...server, cwd: root }));

export default defineConfig({
  ...base,
  webServer: servers,
  testDir: '.',
  projects: [{ name: 'screenshots', testMatch: /\.shot\.ts$/ }],
  workers: 1,
  fullyParallel: false,
  retries: 0,
});
