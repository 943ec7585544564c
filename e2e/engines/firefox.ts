/**
 * Firefox through Debian's firefox-esr, driven by puppeteer-core over
 * WebDriver BiDi. One Firefox per worker and cookie mode (preferences are
 * fixed at launch); each session is a fresh browser context (its own
 * cookies and storage).
 */
import puppeteer, {
  type Browser,
  type BrowserContext,
  type ElementHandle,
  type Frame,
  type Page,
} from 'puppeteer-core';
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

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * puppeteer's test profile accepts every third-party cookie
 * (`cookieBehavior0`); put back what Firefox ships (5: Total Cookie
 * Protection, third-party cookies partitioned per site), or block them (1).
 */
const COOKIE_PREFS = {
  default: {
    'network.cookie.cookieBehavior': 5,
    'browser.contentblocking.features.standard': '-tp,tpPrivate,cookieBehavior5,-cryptoTP,-fp',
  },
  blocked: {
    'network.cookie.cookieBehavior': 1,
    'browser.contentblocking.features.standard': '-tp,tpPrivate,cookieBehavior1,-cryptoTP,-fp',
  },
};

/** The Firefox engine for one worker. */
export function firefoxEngine(): Engine {
  const browsers = new Map<'default' | 'blocked', Promise<Browser>>();
  const launch = (mode: 'default' | 'blocked') => {
    let browser = browsers.get(mode);
    if (!browser) {
      browser = puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX,
        protocol: 'webDriverBiDi',
        headless: true,
        acceptInsecureCerts: true,
        extraPrefsFirefox: COOKIE_PREFS[mode],
        // Firefox can be slow to start on a busy machine.
        timeout: 90_000,
      });
      browsers.set(mode, browser);
    }
    return browser;
  };

  return {
    name: 'firefox',
    async open(options?: BrowserOptions): Promise<Session> {
      const resolved = withDefaults(options);
      const browser = await launch(resolved.thirdPartyCookies);
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      return new FirefoxSession(context, page, resolved);
    },
    async dispose() {
      for (const browser of browsers.values()) await (await browser.catch(() => null))?.close();
      browsers.clear();
    },
  };
}

class FirefoxSession implements Session {
  readonly engine = 'firefox';
  readonly options: Required<BrowserOptions>;
  readonly tab: Tab;
  private readonly context: BrowserContext;
  private problems: string[] = [];

  constructor(context: BrowserContext, page: Page, options: Required<BrowserOptions>) {
    this.context = context;
    this.options = options;
    this.tab = this.watch(page);
  }

  /** Wraps `page`, recording its script errors (its frames' too) and dialogs. */
  private watch(page: Page): Tab {
    page.on('pageerror', (err) => {
      const message = err instanceof Error ? err.message : String(err);
      // Firefox files CSP refusals under the same log as script errors;
      // Chromium (and the Playwright specs) don't count them either.
      if (!message.startsWith('Content-Security-Policy:'))
        this.problems.push(`page error: ${message}`);
    });
    page.on('dialog', (dialog) => {
      this.problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss().catch(() => {});
    });
    return new FirefoxTab(page);
  }

  takeProblems(): string[] {
    const seen = this.problems;
    this.problems = [];
    return seen;
  }

  async waitForPopup(action: () => Promise<void>): Promise<Tab> {
    // A popup opened from inside an iframe is not reported as the page's
    // "popup" event over BiDi: watch for any new page in this context.
    const known = new Set(this.context.targets());
    await action();
    const target = await this.context.waitForTarget((t) => t.type() === 'page' && !known.has(t), {
      timeout: 15_000,
    });
    const page = await target.page();
    if (!page) throw new Error('firefox: the popup has no page');
    return this.watch(page);
  }

  async newTab(): Promise<Tab> {
    return this.watch(await this.context.newPage());
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => {});
  }
}

class FirefoxTab implements Tab {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  private async frame(where: Where): Promise<Frame> {
    const css = frameSelector(where);
    if (!css) return this.page.mainFrame();
    const iframe = await this.page.$(css);
    const frame = await iframe?.contentFrame();
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
    const frame = await this.frame(where);
    return (await frame.evaluate(callExpression(fn, args))) as R;
  }

  private async element(where: Where, target: Target): Promise<ElementHandle<Element>> {
    const frame = await this.frame(where);
    const handle = await frame.evaluateHandle(
      callExpression(LOOK_UP_SOURCE, [toWire(target), 'element']),
    );
    const el = handle.asElement() as ElementHandle<Element> | null;
    if (!el) throw new Error('no such element');
    return el;
  }

  async click(where: Where, target: Target) {
    await (await this.element(where, target)).click();
  }

  async type(where: Where, target: Target, text: string) {
    const el = await this.element(where, target);
    // Select what is there, so typing replaces it.
    await el.evaluate((e) => {
      (e as HTMLElement).focus();
      (e as HTMLInputElement).select?.();
    });
    await el.type(text);
  }

  async isClosed() {
    return this.page.isClosed();
  }

  async close() {
    if (!this.page.isClosed()) await this.page.close();
  }
}
