/**
 * `journey`: a Playwright test that runs in the engine of its project
 * (chromium, firefox or webkit; see playwright.config.ts). It gets `open`,
 * which starts a fresh browser session of that engine and closes it after
 * the test, and `engineName`, for the few steps whose outcome differs by
 * engine. Playwright is only the runner here: Firefox and WebKit are driven
 * by their own drivers, behind the same interface (driver.ts).
 */
import { test as base, expect } from '@playwright/test';
import { WEBKIT_DRIVER_PORTS } from '../urls.ts';
import { chromiumEngine } from './chromium.ts';
import type { BrowserOptions, Engine, EngineName, Session } from './driver.ts';
import { firefoxEngine } from './firefox.ts';
import { webkitEngine } from './webkit.ts';

export interface EngineOptions {
  /** The engine a project's journeys run in. */
  engineName: EngineName;
}

/** A journey may start a browser (Firefox takes seconds to) and signs in through popups. */
const JOURNEY_TIMEOUT_MS = 90_000;

export const journey = base.extend<
  { open: (options?: BrowserOptions) => Promise<Session> },
  EngineOptions & { engine: Engine }
>({
  engineName: ['chromium', { scope: 'worker', option: true }],

  engine: [
    async ({ engineName, launchOptions }, use, workerInfo) => {
      const engine =
        engineName === 'chromium'
          ? chromiumEngine(launchOptions)
          : engineName === 'firefox'
            ? firefoxEngine()
            : webkitEngine({
                first:
                  WEBKIT_DRIVER_PORTS.first +
                  workerInfo.parallelIndex * WEBKIT_DRIVER_PORTS.perWorker,
                count: WEBKIT_DRIVER_PORTS.perWorker,
              });
      await use(engine);
      await engine.dispose();
    },
    { scope: 'worker', timeout: 120_000 },
  ],

  open: async ({ engine }, use, testInfo) => {
    testInfo.setTimeout(JOURNEY_TIMEOUT_MS);
    const sessions: Session[] = [];
    await use(async (options) => {
      const session = await engine.open(options);
      sessions.push(session);
      return session;
    });
    const problems = sessions.flatMap((session) => session.takeProblems());
    for (const session of sessions) await session.close();
    // A hostile comment that runs is a failure even if every step passed.
    expect(problems, 'no script errors or dialogs in any window or frame').toEqual([]);
  },
});

export { expect } from '@playwright/test';
