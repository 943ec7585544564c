/**
 * The loader's logic: everything that runs on the host page. `mount()` places
 * one comment thread in an element and talks to the app inside its iframe
 * through the typed messages in ../../contract/messages.ts. embed.js calls it for
 * its script tag (`mountScript`) and exposes it as `Parley.mount` to
 * single-page apps; the React component (widget/react) calls it too.
 */
import type { Theme } from '../../contract/api.ts';
import {
  COMMENT_HASH,
  envelope,
  type HostToFrame,
  readFrameToHost,
  readLoginHash,
} from '../../contract/messages.ts';

/** Show the frame anyway if the app never says `ready` (server error page, blocked script). */
export const READY_TIMEOUT_MS = 4000;

/** Room left above a deep-linked comment so it doesn't sit flush with the viewport edge. */
const SCROLL_MARGIN = 16;

/** Cap, in characters of JSON, on what one site keeps in the host page's localStorage. */
export const MAX_HOST_STORAGE = 200_000;

/** What a thread is mounted with. Only `server` and `site` are required. */
export interface MountOptions {
  /** Parley's URL, path prefix included (where embed.js is served from). */
  server: string;
  /** The site id registered on that server. */
  site: string;
  /** The thread's key. Default: the canonical link, else the URL without query and hash. */
  pageId?: string | undefined;
  /** The page's URL for links back to it. Default: the current URL without its hash. */
  pageUrl?: string | undefined;
  /** Default: document.title. */
  pageTitle?: string | undefined;
  /**
   * Default: auto, which follows the host page (its color-scheme, else how
   * dark its background is) and, where the page itself follows the reader's
   * system setting, that.
   */
  theme?: Theme | undefined;
  /** The widget's font stack (CSS font-family names; nothing is fetched). Default: system fonts. */
  font?: string | undefined;
  /** The widget's accent colour (#rgb or #rrggbb): links and the Post button. */
  accent?: string | undefined;
  /** The reader's language (BCP 47), passed to the app. */
  lang?: string | undefined;
}

/** What can change on a mounted thread: switching page loads that page's thread. */
export type PageOptions = Omit<MountOptions, 'server' | 'site'>;

/** A mounted thread. */
export interface ParleyEmbed {
  /**
   * Loads the thread again with these options merged into the current ones
   * (options left out are kept; an option given as undefined goes back to its
   * default, read from the page as it is now). Call it after client-side
   * navigation. Given only a theme, it restyles like setTheme.
   */
  update(options: PageOptions): void;
  /** Restyles the thread at once, without reloading it. */
  setTheme(theme: Theme): void;
  /** Removes the iframe and every listener. */
  destroy(): void;
}

const themeOf = (theme: unknown): Theme => (theme === 'light' || theme === 'dark' ? theme : 'auto');

/**
 * What the host page looks like behind `el`: the first background colour
 * found going up (the iframe paints exactly it, so the widget sits on the
 * page and contrast is checked against what readers see), and the theme
 * "auto" means there: the page's color-scheme if it names one side, else
 * light or dark by the background's luminance, else the reader's system.
 */
function hostLook(el: Element, win: Window, wanted: Theme): { background: string; theme: Theme } {
  const style = (e: Element) => win.getComputedStyle(e);
  let background = '';
  for (let e: Element | null = el; e && !background; e = e.parentElement) {
    const color = style(e).backgroundColor;
    // Computed, a transparent background is always rgba(…, 0).
    if (!/, 0\)$/.test(color)) background = color;
  }
  // The page's color-scheme property, else its <meta name="color-scheme">.
  const meta = win.document.querySelector<HTMLMetaElement>('meta[name=color-scheme]');
  const scheme = `${style(win.document.documentElement).colorScheme} ${meta?.content}`;
  const dark = /dark/.test(scheme);
  const named: Theme | null = dark === /light/.test(scheme) ? null : dark ? 'dark' : 'light';
  const rgb = background.match(/^rgba?\((\d+), (\d+), (\d+)/);
  // No background anywhere: the canvas, white unless the page follows the
  // system. One in a form we can't read (oklch()…) says nothing.
  const luma = rgb
    ? 0.299 * Number(rgb[1]) + 0.587 * Number(rgb[2]) + 0.114 * Number(rgb[3])
    : background || dark
      ? null
      : 255;
  const lit: Theme | null = luma === null ? null : luma < 128 ? 'dark' : 'light';
  const theme = wanted !== 'auto' ? wanted : (named ?? lit ?? 'auto');
  // Painted only where the widget's colours suit it (not a dark page under data-theme="light").
  return { theme, background: (lit ?? theme) === theme ? background : '' };
}

/**
 * Mounts one comment thread in `element`. Each call gets its own frame,
 * listeners and state, so two threads on a page stay independent. `win`
 * supplies location and events: the real `window` except in tests.
 */
export function mount(element: Element, options: MountOptions, win: Window = window): ParleyEmbed {
  const doc = win.document;
  const loc = win.location;
  // With the trailing slash, a server under a path keeps its prefix.
  const base = options.server.replace(/\/?$/, '/');
  const origin = new URL(base).origin;
  // Back from the sign-in redirect fallback: the one-time code is in the
  // fragment. Off the URL at once (history, bookmarks, shared links), and to
  // our own frame only, once (docs/security.md, flow 3).
  let loginReturn = readLoginHash(loc.hash);
  if (loginReturn) win.history.replaceState(win.history.state, '', loc.pathname + loc.search);
  // Sign-in pages the app may send the top window to (redirect fallback).
  const authPath = new URL('auth/', base).pathname;
  let current: MountOptions = { ...options };
  let ready = false;

  const iframe = doc.createElement('iframe');
  iframe.className = 'parley-frame';
  iframe.title = 'Comments';
  iframe.setAttribute('scrolling', 'no');

  // Defaults are read at each load: a single-page app has navigated since.
  const load = () => {
    const look = hostLook(element, win, themeOf(current.theme));
    theme = look.theme;
    colorScheme();
    const params: Record<string, string | undefined> = {
      site: current.site,
      page:
        current.pageId ||
        doc.querySelector<HTMLLinkElement>('link[rel~=canonical]')?.href ||
        loc.origin + loc.pathname,
      url: current.pageUrl || loc.href.replace(/#.*/, ''),
      title: current.pageTitle || doc.title,
      theme,
      origin: loc.origin,
      lang: current.lang,
      bg: look.background,
      font: current.font,
      accent: current.accent,
      // The server weighs it against data-lang, the site's setting and the browser's.
      hostLang: doc.documentElement.lang,
    };
    const src = new URL('embed/thread', base);
    for (const key in params) if (params[key]) src.searchParams.set(key, params[key]);
    ready = false;
    // A mounted frame that navigates adds an entry to the top window's
    // history: after client-side navigation the reader's Back button would
    // step the frame back instead of the page. Taken out and put back, the
    // frame starts afresh, and a fresh frame's first load adds no entry.
    const parent = iframe.parentNode;
    const next = iframe.nextSibling;
    iframe.remove();
    iframe.src = src.href;
    parent?.insertBefore(iframe, next);
  };

  // Inline so host rules like `iframe { border: 5px solid red }` can't reach it.
  // `all:initial` first: host rules like `iframe { filter: blur() }` lose to inline styles.
  // Shown at once, not kept hidden until the frame says it has painted: that
  // wait cost a round trip between processes before the first comments could
  // show (a hidden cross-origin frame does not even render). It flashes
  // nothing: until its page paints, the frame is transparent (a matching
  // color-scheme keeps the browser from painting an opaque backdrop), and the
  // page paints styled, on the host's background (its stylesheet is inlined
  // and it applies the host's look in its head: server/embed/thread-page.ts).
  // The 150px placeholder holds the first comments until `paint` gives the height.
  iframe.style.cssText =
    'all:initial;border:0;width:100%;min-width:100%;height:150px;display:block;overflow:hidden';
  // The theme the frame was given: "auto" resolved against the host page.
  let theme: Theme = 'auto';
  const colorScheme = () => {
    iframe.style.colorScheme = theme === 'auto' ? 'light dark' : theme;
  };

  // Drafts and saved details of this site's threads, for browsers that block
  // the iframe's own storage (see the storage messages in ../../contract/messages.ts).
  // One JSON object per site, read afresh each time: another embed of the
  // site on this page, or another tab, may have written since.
  const storageKey = `parley:${current.site}`;
  const readStored = (): Record<string, string> => {
    try {
      const value = JSON.parse(win.localStorage.getItem(storageKey) || '{}');
      if (value && typeof value === 'object' && !Array.isArray(value)) return value;
    } catch {
      // Blocked or unreadable: start afresh.
    }
    return {};
  };

  // Named target origin: if the frame navigated elsewhere, the message is dropped.
  const postToFrame = (message: HostToFrame) =>
    iframe.contentWindow?.postMessage(envelope(message), origin);

  let notice: HTMLElement | undefined;
  // Comments the site put in the page (GET /api/v1/pages/html) stay until the
  // widget is ready, then give way to it in the same frame: no moment with
  // neither, no collapse. Until then the frame takes no height, and
  // if the widget never comes (blocked script, server down) they just stay.
  let fragment = element.querySelector(':scope>.parley-static');
  if (fragment) iframe.style.height = '0';
  let height = 150;
  const show = () => {
    clearTimeout(timer);
    notice?.remove();
    fragment?.remove();
    fragment = null;
    iframe.style.height = `${height}px`;
  };

  // The frame never said ready or has no thread: embed/diagnose.js (loaded
  // only then) asks the server why, tells the site owner in the console and
  // gives readers a line instead of a blank box; the page's own comments, if
  // any, stay instead. All well after all (a slow load): show the frame. The
  // server down (not even that loads): the frame shows the browser's page.
  const diagnose = () => {
    clearTimeout(timer);
    import(/* @vite-ignore */ `${base}embed/diagnose.js`)
      .then((m: typeof import('./diagnose.ts')) => m.diagnose(base, current.site, loc.origin))
      .then((found) => {
        if (ready || fragment) return;
        if (!found) return show();
        iframe.style.height = '0';
        notice?.remove();
        notice = found;
        iframe.after(found);
      }, show);
  };
  const timer = setTimeout(diagnose, READY_TIMEOUT_MS);

  const relayDeepLink = () => {
    const match = COMMENT_HASH.exec(loc.hash);
    if (!ready || !match) return;
    postToFrame({ type: 'showComment', commentId: match[1] as string });
  };

  const onMessage = (event: MessageEvent) => {
    const frame = iframe.contentWindow;
    // Anything on the host page (ads, other embeds, other Parley frames) can post here.
    if (event.origin !== origin || !frame || event.source !== frame) return;
    const message = readFrameToHost(event.data);
    if (!message) return;
    if (message.type === 'scrollTo') {
      // Scripted smooth scrolling ignores the user's setting unless we check it.
      const reduceMotion = win.matchMedia('(prefers-reduced-motion: reduce)').matches;
      win.scrollTo({
        top: iframe.getBoundingClientRect().top + win.scrollY + message.top - SCROLL_MARGIN,
        behavior: reduceMotion ? 'auto' : 'smooth',
      });
      return;
    }
    if (message.type === 'navigate') {
      // Only to the server's own sign-in pages: a hijacked frame must not be
      // able to send the reader anywhere else (javascript:, phishing pages).
      let url: URL | undefined;
      try {
        url = new URL(message.url);
      } catch {
        // Not a URL: refused below.
      }
      if (url?.origin === origin && url.pathname.startsWith(authPath)) loc.href = url.href;
      return;
    }
    if (message.type === 'storageSet') {
      const stored = readStored();
      if (message.value === null) delete stored[message.key];
      else stored[message.key] = message.value;
      const json = JSON.stringify(stored);
      try {
        if (json === '{}') win.localStorage.removeItem(storageKey);
        // Over the cap, the set is dropped (the draft stays in the app's memory).
        else if (json.length <= MAX_HOST_STORAGE || message.value === null) {
          win.localStorage.setItem(storageKey, json);
        }
      } catch {
        // Host storage blocked or full: nothing to keep it in.
      }
      return;
    }
    if (message.type === 'unavailable') {
      diagnose();
      return;
    }
    height = message.height;
    // While the page's own comments are on screen the frame takes no
    // height; show() gives it this one when it swaps them.
    if (!fragment) {
      const before = iframe.getBoundingClientRect();
      iframe.style.height = `${height}px`;
      // A live comment came (or went) above what the reader is looking at: keep their place.
      if (
        message.type === 'resize' &&
        message.grewAt !== undefined &&
        before.top + message.grewAt < 0
      ) {
        win.scrollBy(0, message.height - before.height);
      }
    }
    // The server-rendered comments are on the frame's page: show them now,
    // without waiting for the app (which says `ready` when it has taken over).
    if (message.type === 'paint' && !ready) show();
    if (message.type === 'ready') {
      // The frame's name in the reader's language (the loader has no words).
      if (message.title) iframe.title = message.title;
      show();
      ready = true;
      postToFrame({ type: 'storage', data: readStored() });
      if (loginReturn) postToFrame(loginReturn);
      loginReturn = null;
      relayDeepLink();
    }
  };

  load();
  element.appendChild(iframe);
  win.addEventListener('message', onMessage);
  win.addEventListener('hashchange', relayDeepLink);

  const setTheme = (next: Theme) => {
    current.theme = next;
    // Before `ready` the app isn't listening yet; it is still loading with the
    // theme it was given, so load again with the new one.
    if (!ready) return load();
    const look = hostLook(element, win, themeOf(next));
    theme = look.theme;
    colorScheme();
    postToFrame({ type: 'theme', theme, ...(look.background && { background: look.background }) });
  };

  return {
    update(next) {
      current = { ...current, ...next, server: current.server, site: current.site };
      const keys = Object.keys(next);
      if (keys.length === 1 && keys[0] === 'theme') setTheme(themeOf(next.theme));
      else load();
    },
    setTheme,
    destroy() {
      clearTimeout(timer);
      win.removeEventListener('message', onMessage);
      win.removeEventListener('hashchange', relayDeepLink);
      iframe.remove();
      notice?.remove();
    },
  };
}

/**
 * Mounts the thread for a `<script src=".../embed.js" data-site=...>` tag,
 * reading its options from the tag's data-* attributes. Without data-site it
 * mounts nothing (the page only wants `Parley.mount`).
 */
export function mountScript(
  script: HTMLScriptElement,
  win: Window = window,
): ParleyEmbed | undefined {
  const data = script.dataset;
  if (!data.site) return;
  let target: Element | null = null;
  try {
    target = win.document.querySelector(data.target || '#parley-thread');
  } catch {
    // An invalid selector in data-target: fall back to the script's position.
  }
  if (!target || target.querySelector('.parley-frame')) {
    target = win.document.createElement('div');
    script.after(target);
  }
  // data-site, data-page-id, data-page-url, data-page-title, data-theme, data-lang
  // are the options by the same names (the rest are not read).
  return mount(target, { ...data, site: data.site, server: new URL('.', script.src).href }, win);
}
