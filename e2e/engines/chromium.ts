/**
 * Chromium through Playwright and Debian's chromium, launched with the same
 * options as the rest of the Playwright suite. One browser per worker and
 * cookie mode (the third-party cookie phase-out is a launch switch); each
 * session is a fresh browser context.
 */
import {
  type Browser,
  type BrowserContext,
  chromium,
  type ElementHandle,
  type Frame,
  type LaunchOptions,
  type Page,
} from '@playwright/test';
import {
  type BrowserOptions,
  callExpression,
  type Engine,
  frameSelector,
  type Session,
  type Tab,
  type Where,
  withDefaults,
} from './driver.ts';
import { LOOK_UP_SOURCE, type Target, toWire } from './target.ts';

/** The Chromium engine for one worker, launching with `launchOptions`. */
export function chromiumEngine(launchOptions: LaunchOptions): Engine {
  const browsers = new Map<'default' | 'blocked', Promise<Browser>>();
  const launch = (mode: 'default' | 'blocked') => {
    let browser = browsers.get(mode);
    if (!browser) {
      const args = [...(launchOptions.args ?? [])];
      if (mode === 'blocked') args.push('--test-third-party-cookie-phaseout');
      browser = chromium.launch({ ...launchOptions, args });
      browsers.set(mode, browser);
    }
    return browser;
  };

  return {
    name: 'chromium',
    async open(options?: BrowserOptions): Promise<Session> {
      const resolved = withDefaults(options);
      const browser = await launch(resolved.thirdPartyCookies);
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      return new ChromiumSession(context, await context.newPage(), resolved);
    },
    async dispose() {
      for (const browser of browsers.values()) await (await browser.catch(() => null))?.close();
      browsers.clear();
    },
  };
}

class ChromiumSession implements Session {
  readonly engine = 'chromium';
  readonly options: Required<BrowserOptions>;
  readonly tab: Tab;
  private readonly context: BrowserContext;
  private problems: string[] = [];

  constructor(context: BrowserContext, page: Page, options: Required<BrowserOptions>) {
    this.context = context;
    this.options = options;
    this.tab = new ChromiumTab(page);
    const watch = (p: Page) => {
      p.on('pageerror', (err) => this.problems.push(`page error: ${err.message}`));
      p.on('dialog', (dialog) => {
        this.problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
        void dialog.dismiss();
      });
    };
    watch(page);
    context.on('page', watch);
  }

  takeProblems(): string[] {
    const seen = this.problems;
    this.problems = [];
    return seen;
  }

  async waitForPopup(action: () => Promise<void>): Promise<Tab> {
    const opened = this.context.waitForEvent('page', { timeout: 15_000 });
    await action();
    return new ChromiumTab(await opened);
  }

  async newTab(): Promise<Tab> {
    return new ChromiumTab(await this.context.newPage());
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => {});
  }
}

class ChromiumTab implements Tab {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  private async frame(where: Where): Promise<Frame> {
    const css = frameSelector(where);
    if (!css) return this.page.mainFrame();
    const frame = await (await this.page.$(css))?.contentFrame();
    if (!frame) throw new Error(`no frame ${css}`);
    return frame;
  }

  async goto(url: string) {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  async reload() {
    await this.page.reload({ waitUntil: 'load' });
  }

  async url() {
    return this.page.url();
  }

  async evaluate<R>(where: Where, fn: string, args: readonly unknown[] = []): Promise<R> {
    return (await (await this.frame(where)).evaluate(callExpression(fn, args))) as R;
  }

  private async element(where: Where, target: Target): Promise<ElementHandle> {
    const handle = await (await this.frame(where)).evaluateHandle(
      callExpression(LOOK_UP_SOURCE, [toWire(target), 'element']),
    );
    const el = handle.asElement();
    if (!el) throw new Error('no such element');
    return el;
  }

  async click(where: Where, target: Target) {
    await (await this.element(where, target)).click();
  }

  async type(where: Where, target: Target, text: string) {
    await (await this.element(where, target)).fill(text);
  }

  async isClosed() {
    return this.page.isClosed();
  }

  async close() {
    if (!this.page.isClosed()) await this.page.close();
  }
}
