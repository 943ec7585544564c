/**
 * Just enough of a W3C WebDriver (classic) client for WebKitWebDriver: the
 * commands the WebKit adapter needs, over fetch. Each failure carries the
 * driver's own error code and message.
 */

/** How WebDriver marks an element reference in JSON (W3C WebDriver §12). */
export const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';
export type ElementRef = { [ELEMENT_KEY]: string };

export const isElementRef = (value: unknown): value is ElementRef =>
  typeof value === 'object' && value !== null && ELEMENT_KEY in value;

export class WebDriverError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(`WebDriver ${code}: ${message}`);
    this.code = code;
  }
}

/** Sends one command to a WebDriver server and returns its `value`. */
export async function command<T = unknown>(
  base: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as {
    value?: { error?: string; message?: string };
  };
  if (!res.ok || (json.value && typeof json.value === 'object' && 'error' in json.value)) {
    throw new WebDriverError(
      json.value?.error ?? `HTTP ${res.status}`,
      json.value?.message ?? `${method} ${path}`,
    );
  }
  return json.value as T;
}

/** One WebDriver session: the commands named after what they do. */
export class WebDriverSession {
  readonly base: string;
  readonly id: string;
  /** Told of every error a command ends in, before it is thrown. */
  onError: (error: WebDriverError) => void = () => {};

  private constructor(base: string, id: string) {
    this.base = base;
    this.id = id;
  }

  /** Creates a session on the driver at `base` with these capabilities. */
  static async create(base: string, capabilities: Record<string, unknown>) {
    const value = await command<{ sessionId: string }>(base, 'POST', '/session', {
      capabilities: { alwaysMatch: capabilities },
    });
    return new WebDriverSession(base, value.sessionId);
  }

  private async run<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) {
    try {
      return await command<T>(this.base, method, `/session/${this.id}${path}`, body);
    } catch (error) {
      if (error instanceof WebDriverError) this.onError(error);
      throw error;
    }
  }

  navigate = (url: string) => this.run<null>('POST', '/url', { url });
  refresh = () => this.run<null>('POST', '/refresh', {});
  currentUrl = () => this.run<string>('GET', '/url');
  windowHandle = () => this.run<string>('GET', '/window');
  windowHandles = () => this.run<string[]>('GET', '/window/handles');
  switchToWindow = (handle: string) => this.run<null>('POST', '/window', { handle });
  /** Closes the current window. */
  closeWindow = () => this.run<string[]>('DELETE', '/window');
  newWindow = () => this.run<{ handle: string }>('POST', '/window/new', { type: 'tab' });
  /** `null`: the current window's top-level document. */
  switchToFrame = (id: ElementRef | null) => this.run<null>('POST', '/frame', { id });
  findElement = (css: string) =>
    this.run<ElementRef>('POST', '/element', { using: 'css selector', value: css });
  /** Runs a function body with `arguments`; a returned promise is awaited (§13.2). */
  execute = <T>(body: string, args: readonly unknown[]) =>
    this.run<T>('POST', '/execute/sync', { script: body, args });
  click = (el: ElementRef) => this.run<null>('POST', `/element/${el[ELEMENT_KEY]}/click`, {});
  clear = (el: ElementRef) => this.run<null>('POST', `/element/${el[ELEMENT_KEY]}/clear`, {});
  sendKeys = (el: ElementRef, text: string) =>
    this.run<null>('POST', `/element/${el[ELEMENT_KEY]}/value`, { text });
  setWindowRect = (rect: { width: number; height: number }) =>
    this.run<unknown>('POST', '/window/rect', rect);
  delete = () => command<null>(this.base, 'DELETE', `/session/${this.id}`);
}
