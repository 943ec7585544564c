/**
 * WebKit (Safari's engine) through Debian's webkit2gtk-driver: WebKitWebDriver
 * drives MiniBrowser in automation mode over classic WebDriver. MiniBrowser
 * refuses --headless, so it draws into an Xvfb display of its own (one per
 * worker; `-displayfd` picks a free display without the race `xvfb-run -a`
 * has when several runs start at once). WebKitWebDriver serves one session
 * at a time, so each session gets its own driver process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import {
  type BrowserOptions,
  type Engine,
  frameSelector,
  type Session,
  type Tab,
  type Where,
  withDefaults,
} from './driver.ts';
import { LOOK_UP_SOURCE, type Target, toWire } from './target.ts';
import { type ElementRef, isElementRef, WebDriverError, WebDriverSession } from './webdriver.ts';

export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** MiniBrowser's switches for each mode (see `MiniBrowser --help-all`). */
const BROWSER_ARGS = {
  // MiniBrowser's default policy is already no-third-party, as Safari's is.
  default: [] as string[],
  blocked: ['--cookies-policy=no-third-party', '--enable-itp'],
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Processes this worker started, ended even if the worker dies mid-test. */
const children = new Set<ChildProcess>();
const endGroup = (child: ChildProcess) => {
  // Each child leads its own process group: MiniBrowser and WebKit's helper
  // processes, started by the driver, go with it.
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  children.delete(child);
};
process.once('exit', () => {
  for (const child of children) endGroup(child);
});

function start(command: string, args: string[], env: NodeJS.ProcessEnv, fd3 = false) {
  const child = spawn(command, args, {
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe', ...(fd3 ? (['pipe'] as const) : [])],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Starts Xvfb on a free display; resolves with that display (":N"). */
async function startDisplay(): Promise<{ display: string; process: ChildProcess }> {
  const xvfb = start(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    process.env,
    true,
  );
  const fd = xvfb.stdio[3] as Readable;
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    fd.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it had a display`)));
    setTimeout(() => reject(new Error('Xvfb did not report a display within 10 s')), 10_000);
  });
  return { display, process: xvfb };
}

/** Starts WebKitWebDriver on `port` and waits until it answers. */
async function startDriver(port: number, display: string): Promise<ChildProcess | null> {
  const driver = start('WebKitWebDriver', [`--port=${port}`], { ...process.env, DISPLAY: display });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) return null; // the port was taken: try another
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return driver;
    } catch {
      // Not listening yet.
    }
    await sleep(50);
  }
  endGroup(driver);
  return null;
}

/**
 * The WebKit engine for one worker; its driver processes take ports from
 * `ports` (a block of the run's own range).
 */
export function webkitEngine(ports: { first: number; count: number }): Engine {
  let display: Promise<{ display: string; process: ChildProcess }> | undefined;
  let next = 0;
  const sessions = new Set<Session>();

  async function open(options?: BrowserOptions): Promise<Session> {
    const resolved = withDefaults(options);
    display ??= startDisplay();
    const { display: screen } = await display;
    let driver: ChildProcess | null = null;
    let port = 0;
    for (let tries = 0; tries < ports.count && !driver; tries++) {
      port = ports.first + (next++ % ports.count);
      driver = await startDriver(port, screen);
    }
    if (!driver) throw new Error(`WebKitWebDriver found no free port in ${ports.first}+`);
    const wd = await WebDriverSession.create(`http://127.0.0.1:${port}`, {
      acceptInsecureCerts: true,
      'webkitgtk:browserOptions': {
        binary: MINIBROWSER,
        args: ['--automation', ...BROWSER_ARGS[resolved.thirdPartyCookies]],
      },
    });
    await wd.setWindowRect({ width: 1280, height: 900 }).catch(() => {});
    const session = new WebKitSession(wd, await wd.windowHandle(), resolved, async () => {
      await wd.delete().catch(() => {});
      endGroup(driver);
      sessions.delete(session);
    });
    sessions.add(session);
    return session;
  }

  return {
    name: 'webkit',
    open,
    async dispose() {
      for (const s of [...sessions]) await s.close();
      const d = await display?.catch(() => undefined);
      if (d) endGroup(d.process);
    },
  };
}

class WebKitSession implements Session {
  readonly engine = 'webkit';
  readonly options: Required<BrowserOptions>;
  readonly tab: Tab;
  readonly wd: WebDriverSession;
  private readonly end: () => Promise<void>;
  /** The window commands currently go to. */
  current: string;
  private problems: string[] = [];

  constructor(
    wd: WebDriverSession,
    handle: string,
    options: Required<BrowserOptions>,
    end: () => Promise<void>,
  ) {
    this.wd = wd;
    this.options = options;
    this.end = end;
    this.current = handle;
    this.tab = new WebKitTab(this, handle);
    // Classic WebDriver has no events: script errors go unseen, and a dialog
    // shows only as the next command failing (the session dismisses it).
    // Record that, since a step that polls would otherwise just try again.
    wd.onError = (error) => {
      if (error.code === 'unexpected alert open') this.problems.push(`dialog: ${error.message}`);
    };
  }

  async waitForPopup(action: () => Promise<void>): Promise<Tab> {
    const before = new Set(await this.wd.windowHandles());
    await action();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const fresh = (await this.wd.windowHandles()).find((h) => !before.has(h));
      if (fresh) return new WebKitTab(this, fresh);
      await sleep(100);
    }
    throw new Error('webkit: no popup opened within 15 s');
  }

  async newTab(): Promise<Tab> {
    const { handle } = await this.wd.newWindow();
    return new WebKitTab(this, handle);
  }

  takeProblems(): string[] {
    const seen = this.problems;
    this.problems = [];
    return seen;
  }

  close(): Promise<void> {
    return this.end();
  }
}

class WebKitTab implements Tab {
  readonly session: WebKitSession;
  readonly handle: string;

  constructor(session: WebKitSession, handle: string) {
    this.session = session;
    this.handle = handle;
  }

  private get wd() {
    return this.session.wd;
  }

  /** Points WebDriver at this window, then at the document `where` names. */
  private async enter(where: Where): Promise<void> {
    if (this.session.current !== this.handle) {
      await this.wd.switchToWindow(this.handle);
      this.session.current = this.handle;
    }
    // Always from the top: a reload replaces every frame.
    await this.wd.switchToFrame(null);
    const css = frameSelector(where);
    if (css) await this.wd.switchToFrame(await this.wd.findElement(css));
  }

  async goto(url: string) {
    await this.enter('page');
    await this.wd.navigate(url);
  }

  async reload() {
    await this.enter('page');
    await this.wd.refresh();
  }

  async url() {
    await this.enter('page');
    return this.wd.currentUrl();
  }

  async evaluate<R>(where: Where, fn: string, args: readonly unknown[] = []): Promise<R> {
    await this.enter(where);
    return this.wd.execute<R>(`return (${fn}).apply(null, arguments);`, args);
  }

  private async element(where: Where, target: Target): Promise<ElementRef> {
    const el = await this.evaluate(where, LOOK_UP_SOURCE, [toWire(target), 'element']);
    if (!isElementRef(el)) throw new Error('no such element');
    return el;
  }

  /**
   * Brings `target` into the window's viewport before a click. WebKit's
   * driver scrolls only the document that holds the element: a button in a
   * frame that the host page has below the fold stays there, and the click
   * lands outside the window and does nothing (seen as "Post Comment sends
   * no request" once a thread grew). A reader scrolls the page; so do we.
   */
  private async reveal(where: Where, target: Target): Promise<ElementRef> {
    const css = frameSelector(where);
    if (!css) return this.element(where, target);
    // Where the element's middle is in the window: the frame's place on the
    // host page plus the element's place in the frame.
    const middle = async () => {
      const el = await this.element(where, target);
      const box = await this.wd.execute<{
        top: number;
        left: number;
        width: number;
        height: number;
      }>(
        'const r = arguments[0].getBoundingClientRect(); return { top: r.top, left: r.left, width: r.width, height: r.height };',
        [el],
      );
      await this.enter('page');
      const frame = await this.wd.execute<{ top: number; left: number }>(
        'const r = document.querySelector(arguments[0]).getBoundingClientRect(); return { top: r.top, left: r.left };',
        [css],
      );
      return {
        x: frame.left + box.left + box.width / 2,
        y: frame.top + box.top + box.height / 2,
      };
    };
    // As Playwright's actionability check does: aim only once the target has
    // stopped moving. A frame still growing (its height message on its way
    // after a post) moves the button between the aim and the click, which
    // then lands on something else (seen once as an Edit that opened nothing).
    let at = await middle();
    for (let tries = 0; tries < 30; tries++) {
      await sleep(100);
      const now = await middle();
      const still = Math.abs(now.x - at.x) < 1 && Math.abs(now.y - at.y) < 1;
      at = now;
      if (still) break;
    }
    await this.enter('page');
    await this.wd.execute(
      'if (arguments[0] < 0 || arguments[0] > innerHeight) scrollBy(0, arguments[0] - innerHeight / 2);',
      [at.y],
    );
    return this.element(where, target);
  }

  async click(where: Where, target: Target) {
    await this.wd.click(await this.reveal(where, target));
  }

  async type(where: Where, target: Target, text: string) {
    const el = await this.reveal(where, target);
    // As a reader does: click into the field first. WebKit refuses to send
    // keys to a field in a frame that has never had focus ("not focusable").
    await this.wd.click(el);
    await this.wd.clear(el);
    await this.wd.sendKeys(el, text);
  }

  async isClosed() {
    return !(await this.wd.windowHandles()).includes(this.handle);
  }

  async close() {
    if (await this.isClosed()) return;
    await this.wd.switchToWindow(this.handle);
    this.session.current = this.handle;
    await this.wd.closeWindow().catch((e: unknown) => {
      if (!(e instanceof WebDriverError)) throw e;
    });
  }
}
