/**
 * The small driver interface every engine's adapter implements, so a journey
 * is written once and runs in Chromium (Playwright), Firefox (puppeteer-core
 * over WebDriver BiDi) and WebKit (WebKitWebDriver, classic WebDriver).
 *
 * Adapters stay thin on purpose: they navigate, run a script in a document
 * and click or type on an element a script found. Finding, waiting and
 * asserting live once, in steps.ts, on top of these.
 */
import type { Target } from './target.ts';

export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof ENGINES)[number];

/**
 * Which document of a tab: the top page, the Parley widget's iframe (the
 * first `iframe.parley-frame`), or the iframe a CSS selector names.
 */
export type Where = 'page' | 'widget' | { frame: string };

export const WIDGET_FRAME = 'iframe.parley-frame';

/** The CSS selector of the iframe `where` names, or null for the page. */
export const frameSelector = (where: Where): string | null =>
  where === 'page' ? null : where === 'widget' ? WIDGET_FRAME : where.frame;

export interface BrowserOptions {
  /**
   * 'blocked' switches on the engine's own third-party cookie blocking:
   * Chromium `--test-third-party-cookie-phaseout`, Firefox
   * `network.cookie.cookieBehavior` 1, WebKit's no-third-party policy with
   * tracking prevention. 'default' is the engine as it ships (WebKit, like
   * Safari, blocks third-party cookies by default too).
   */
  thirdPartyCookies?: 'default' | 'blocked';
}

/** One window or tab of a browser session. */
export interface Tab {
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  /** Reloads and waits for the load event. */
  reload(): Promise<void>;
  url(): Promise<string>;
  /**
   * Calls the function whose source is `fn` in the document `where` with
   * JSON arguments and resolves with its JSON result (a promise is awaited).
   * The function must be self-contained: only its source travels. Large
   * sources are fine (the accessibility checks send axe-core this way).
   */
  evaluate<R = unknown>(where: Where, fn: string, args?: readonly unknown[]): Promise<R>;
  /** Clicks the element `target` names, as a user would (real input events). */
  click(where: Where, target: Target): Promise<void>;
  /** Replaces the value of the field `target` names by typing `text` into it. */
  type(where: Where, target: Target, text: string): Promise<void>;
  /** True once the window is gone (a sign-in popup closes itself). */
  isClosed(): Promise<boolean>;
  close(): Promise<void>;
}

/** A browser session with its own, fresh cookies and storage. */
export interface Session {
  readonly engine: EngineName;
  readonly options: Required<BrowserOptions>;
  /** The first tab. */
  readonly tab: Tab;
  /** Runs `action` and resolves with the window it opened (a popup). */
  waitForPopup(action: () => Promise<void>): Promise<Tab>;
  /** Opens another tab in the same session (same cookies). */
  newTab(): Promise<Tab>;
  /**
   * Uncaught script errors and dialogs seen so far in any of the session's
   * windows and frames (and forgets them). A journey fails on any left at
   * its end. WebKit reports dialogs only (classic WebDriver has no events:
   * a dialog shows as the next command failing).
   */
  takeProblems(): string[];
  close(): Promise<void>;
}

/** Makes sessions of one engine; one per Playwright worker. */
export interface Engine {
  readonly name: EngineName;
  open(options?: BrowserOptions): Promise<Session>;
  /** Ends every browser and driver process it started. */
  dispose(): Promise<void>;
}

/** The options with their defaults filled in. */
export const withDefaults = (options: BrowserOptions = {}): Required<BrowserOptions> => ({
  thirdPartyCookies: options.thirdPartyCookies ?? 'default',
});

/**
 * Wraps a function source so that calling it with `args` is one expression:
 * `(fn)(...args)`. Arguments travel as JSON inside the expression.
 */
export const callExpression = (fn: string, args: readonly unknown[]): string =>
  `(${fn})(...${JSON.stringify(args)})`;
