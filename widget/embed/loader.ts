/**
 * The loader's logic, kept apart from the entry (embed.ts) so tests can mount
 * it for script tags of their own, several per page. Everything here runs on the host page: it reads
 * the script tag's options, mounts the iframe and talks to the app inside it
 * through the typed messages in ../../contract/messages.ts.
 */
import {
  COMMENT_HASH,
  envelope,
  type HostToFrame,
  readFrameToHost,
} from '../../contract/messages.ts';

/** Show the frame anyway if the app never says `ready` (server error page, blocked script). */
export const READY_TIMEOUT_MS = 4000;

/** Room left above a deep-linked comment so it doesn't sit flush with the viewport edge. */
const SCROLL_MARGIN = 16;

/** Cap, in characters of JSON, on what one site keeps in the host page's localStorage. */
export const MAX_HOST_STORAGE = 200_000;

/**
 * Mounts one comment thread for one `<script data-site=...>` tag. Each tag
 * gets its own frame, listeners and state, so two embeds on a page stay
 * independent. `win` supplies the document, location and events (the real
 * `window` in embed.js; a jsdom window in tests).
 */
export function mount(script: HTMLScriptElement, win: Window): void {
  const doc = win.document;
  const loc = win.location;
  const data = script.dataset;
  if (!data.site) {
    console.error('Parley: the embed script needs a data-site attribute');
    return;
  }
  // Resolved against the script's own URL so a server mounted under a path works too.
  const src = new URL('embed/thread', script.src);
  const origin = src.origin;
  // Sign-in pages the app may send the top window to (redirect fallback).
  const authPath = new URL('auth/', script.src).pathname;
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~=canonical]')?.href;
  const theme = data.theme === 'light' || data.theme === 'dark' ? data.theme : 'auto';
  const params: Record<string, string> = {
    site: data.site,
    page: data.pageId || canonical || loc.origin + loc.pathname,
    url: data.pageUrl || loc.href.replace(/#.*/, ''),
    title: data.pageTitle || doc.title,
    theme,
    origin: loc.origin,
  };
  for (const key in params) src.searchParams.set(key, params[key] as string);

  const iframe = doc.createElement('iframe');
  iframe.className = 'parley-frame';
  iframe.title = 'Comments';
  iframe.setAttribute('scrolling', 'no');
  // Inline so host rules like `iframe { border: 5px solid red }` can't reach it.
  // A matching color-scheme keeps the browser from painting an opaque backdrop
  // behind the app's transparent page. The 150px start (not 0) leaves a visible
  // frame if the timeout fallback has to show an app that never reported a height.
  // Hidden with visibility, not display:none, so the app can lay out and measure.
  // `all:initial` first: host rules like `iframe { filter: blur() }` lose to inline styles.
  iframe.style.cssText = `all:initial;border:0;width:100%;min-width:100%;height:150px;display:block;overflow:hidden;color-scheme:${theme === 'auto' ? 'light dark' : theme};visibility:hidden`;
  iframe.src = src.href;

  let target: Element | null = null;
  try {
    target = doc.querySelector(data.target || '#parley-thread');
  } catch {
    // An invalid selector in data-target: fall back to the script's position.
  }
  if (target && !target.querySelector('.parley-frame')) target.appendChild(iframe);
  else script.after(iframe);

  // Drafts and saved details of this site's threads, for browsers that block
  // the iframe's own storage (see the storage messages in ../../contract/messages.ts).
  // One JSON object per site, read afresh each time: another embed of the
  // site on this page, or another tab, may have written since.
  const storageKey = `parley:${data.site}`;
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

  let ready = false;
  const show = () => {
    clearTimeout(timer);
    iframe.style.visibility = 'visible';
  };
  const timer = setTimeout(show, READY_TIMEOUT_MS);

  const relayDeepLink = () => {
    const match = COMMENT_HASH.exec(loc.hash);
    if (!ready || !match) return;
    postToFrame({ type: 'showComment', commentId: match[1] as string });
  };

  win.addEventListener('message', (event) => {
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
    iframe.style.height = `${message.height}px`;
    if (message.type === 'ready') {
      show();
      ready = true;
      postToFrame({ type: 'storage', data: readStored() });
      relayDeepLink();
    }
  });
  win.addEventListener('hashchange', relayDeepLink);
}
