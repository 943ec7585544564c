import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_HOST_STORAGE,
  type MountOptions,
  mount,
  mountScript,
  type PageOptions,
  type ParleyEmbed,
  READY_TIMEOUT_MS,
} from './loader.ts';

const SERVER = 'https://comments.example.com';
const EMBED_SRC = `${SERVER}/embed.js`;

/** Adds a script tag the way a site owner would and runs the loader for it. */
function embed(attrs: Record<string, string> = {}, parent: Element = document.body) {
  const script = document.createElement('script');
  script.src = attrs.src ?? EMBED_SRC;
  script.async = true;
  script.dataset.site = 'blog';
  for (const [name, value] of Object.entries(attrs)) {
    if (name !== 'src') script.setAttribute(name, value);
  }
  parent.appendChild(script);
  const before = new Set(document.querySelectorAll('iframe'));
  mountScript(script, window);
  const added = [...document.querySelectorAll('iframe')].filter((f) => !before.has(f));
  expect(added).toHaveLength(1);
  const iframe = added[0] as HTMLIFrameElement;
  return { script, iframe, frame: iframe.contentWindow as Window };
}

function params(iframe: HTMLIFrameElement): Record<string, string> {
  const url = new URL(iframe.src);
  return { path: url.origin + url.pathname, ...Object.fromEntries(url.searchParams) };
}

function post(data: unknown, source: MessageEventSource | null, origin = SERVER) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

let reducedMotion = false;

beforeEach(() => {
  reducedMotion = false;
  // jsdom has no matchMedia.
  window.matchMedia = (query: string) =>
    ({ matches: reducedMotion && query === '(prefers-reduced-motion: reduce)' }) as MediaQueryList;
  document.head.innerHTML = '';
  document.body.innerHTML = '<div id="parley-thread"></div>';
  document.title = 'Hello, world';
  document.documentElement.lang = '';
  history.replaceState(null, '', '/posts/hello?ref=feed#intro');
  localStorage.clear();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('iframe URL', () => {
  it('defaults to the canonical link, the location without its hash and the title', () => {
    document.head.insertAdjacentHTML('beforeend', '<link rel="canonical" href="/posts/hello">');
    const { iframe } = embed();
    expect(params(iframe)).toEqual({
      path: `${SERVER}/embed/thread`,
      site: 'blog',
      page: `${location.origin}/posts/hello`,
      url: `${location.origin}/posts/hello?ref=feed`,
      title: 'Hello, world',
      // "auto" follows the page: jsdom's is white.
      theme: 'light',
      origin: location.origin,
    });
  });

  it('uses the location without query and hash as page id when there is no canonical link', () => {
    const { iframe } = embed();
    expect(params(iframe).page).toBe(`${location.origin}/posts/hello`);
  });

  it('lets data-* attributes override every default', () => {
    document.head.insertAdjacentHTML('beforeend', '<link rel="canonical" href="/posts/hello">');
    const { iframe } = embed({
      'data-site': 'docs',
      'data-page-id': 'post-42',
      'data-page-url': 'https://blog.example.org/p/42',
      'data-page-title': 'Forty-two',
      'data-theme': 'dark',
    });
    expect(params(iframe)).toMatchObject({
      site: 'docs',
      page: 'post-42',
      url: 'https://blog.example.org/p/42',
      title: 'Forty-two',
      theme: 'dark',
    });
    expect(iframe.style.colorScheme).toBe('dark');
  });

  it('treats an unknown theme as auto, which follows the page (white: light)', () => {
    const { iframe } = embed({ 'data-theme': 'sepia' });
    expect(params(iframe).theme).toBe('light');
    expect(iframe.style.colorScheme).toBe('light');
  });

  it('on a dark page, auto is dark and the frame is given the page’s colour to paint', () => {
    const box = document.createElement('section');
    box.id = 'dark-box';
    box.style.backgroundColor = 'rgb(17, 24, 39)';
    document.body.append(box);
    const { iframe } = embed({ 'data-theme': 'auto', 'data-target': '#dark-box' });
    expect(params(iframe)).toMatchObject({ theme: 'dark', bg: 'rgb(17, 24, 39)' });
    expect(iframe.style.colorScheme).toBe('dark');
    box.remove();
  });

  it('passes data-font and data-accent on, and no page colour a forced theme would clash with', () => {
    const box = document.createElement('section');
    box.id = 'dark-box';
    box.style.backgroundColor = 'rgb(17, 24, 39)';
    document.body.append(box);
    const { iframe } = embed({
      'data-theme': 'light',
      'data-font': 'Georgia, serif',
      'data-accent': '#b5472d',
      'data-target': '#dark-box',
    });
    expect(params(iframe)).toMatchObject({
      theme: 'light',
      font: 'Georgia, serif',
      accent: '#b5472d',
    });
    expect(params(iframe).bg).toBeUndefined();
    box.remove();
  });

  it('takes the server base from its own src, path prefix included', () => {
    const { iframe } = embed({ src: 'https://example.net/parley/embed.js?v=2' });
    expect(params(iframe).path).toBe('https://example.net/parley/embed/thread');
  });
});

describe('the frame', () => {
  it('carries its look inline so host rules for iframe cannot change it', () => {
    const { iframe } = embed({ 'data-theme': 'light' });
    expect(iframe.className).toBe('parley-frame');
    expect(iframe.title).toBe('Comments');
    expect(iframe.getAttribute('scrolling')).toBe('no');
    expect(iframe.getAttribute('loading')).toBeNull();
    expect(iframe.style).toMatchObject({
      borderStyle: 'none',
      width: '100%',
      minWidth: '100%',
      display: 'block',
      overflow: 'hidden',
      colorScheme: 'light',
    });
  });

  it('mounts nothing without data-site (the page only wants Parley.mount)', () => {
    const script = document.createElement('script');
    script.src = EMBED_SRC;
    document.body.appendChild(script);
    expect(mountScript(script, window)).toBeUndefined();
    expect(document.querySelector('iframe')).toBeNull();
  });
});

describe('target', () => {
  it('goes into #parley-thread by default', () => {
    const { iframe } = embed();
    expect(iframe.parentElement?.id).toBe('parley-thread');
  });

  it('goes into the element named by data-target', () => {
    document.body.innerHTML = '<div id="parley-thread"></div><section class="talk"></section>';
    const { iframe } = embed({ 'data-target': '.talk' });
    expect(iframe.parentElement?.className).toBe('talk');
  });

  it.each([
    ['the target does not exist', '#nowhere'],
    ['data-target is not a valid selector', '[[['],
  ])('goes right after the script when %s', (_, selector) => {
    const { script, iframe } = embed({ 'data-target': selector });
    expect(script.nextElementSibling?.firstElementChild).toBe(iframe);
  });

  it('mounts two embeds independently, the second after its script if the target is taken', () => {
    const first = embed();
    const second = embed({ 'data-page-id': 'other' });
    expect(first.iframe.parentElement?.id).toBe('parley-thread');
    expect(second.script.nextElementSibling?.firstElementChild).toBe(second.iframe);
    expect(params(second.iframe).page).toBe('other');
  });
});

describe('sign-in redirect fallback', () => {
  /**
   * Mounts with a window whose location records where it is sent (jsdom
   * can't navigate); everything else is the real window.
   */
  function embedWithLocation(src = EMBED_SRC) {
    const loc = {
      href: location.href,
      origin: location.origin,
      pathname: location.pathname,
      hash: '',
    };
    const win = new Proxy(window, {
      get: (target, key) => {
        if (key === 'location') return loc;
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const script = document.createElement('script');
    script.src = src;
    script.dataset.site = 'blog';
    document.body.appendChild(script);
    mountScript(script, win);
    const iframe = document.querySelector('iframe') as HTMLIFrameElement;
    return { loc, frame: iframe.contentWindow as Window };
  }
  const navigate = (url: unknown) => ({ parley: { type: 'navigate', url } });

  it("navigates the top window to the server's sign-in pages", () => {
    const { loc, frame } = embedWithLocation();
    const start = `${SERVER}/auth/twitter/start?ticket=tk1`;
    post(navigate(start), frame);
    expect(loc.href).toBe(start);
  });

  it('keeps a server mounted under a path to its own auth pages', () => {
    const { loc, frame } = embedWithLocation(`${SERVER}/parley/embed.js`);
    const before = loc.href;
    post(navigate(`${SERVER}/auth/twitter/start`), frame);
    expect(loc.href).toBe(before);
    post(navigate(`${SERVER}/parley/auth/twitter/start`), frame);
    expect(loc.href).toBe(`${SERVER}/parley/auth/twitter/start`);
  });

  it('refuses other URLs, and navigate from anyone but its frame', () => {
    const { loc, frame } = embedWithLocation();
    const before = loc.href;
    for (const url of [
      'https://evil.example/auth/twitter/start',
      `${SERVER}/embed/thread`,
      `${SERVER}/authx/twitter`,
      `${SERVER}/auth/../embed/thread`,
      `${SERVER}/auth/%2e%2e/embed/thread`,
      'javascript:alert(1)',
      '/auth/twitter/start',
      'not a url',
      42,
    ]) {
      post(navigate(url), frame);
    }
    post(navigate(`${SERVER}/auth/twitter/start`), window);
    post(navigate(`${SERVER}/auth/twitter/start`), frame, 'https://ads.example');
    expect(loc.href).toBe(before);
  });
});

describe('messages from the frame', () => {
  it('shows the frame at once at its placeholder height, then sizes it as the frame says', () => {
    const { iframe, frame } = embed();
    // Not hidden until the frame says it has painted: it paints on its own.
    expect(iframe.style.visibility).not.toBe('hidden');
    expect(iframe.style.height).toBe('150px');
    post({ parley: { type: 'paint', height: 260 } }, frame);
    expect(iframe.style.height).toBe('260px');
    post({ parley: { type: 'resize', height: 300 } }, frame);
    expect(iframe.style.height).toBe('300px');
    post({ parley: { type: 'ready', height: 420 } }, frame);
    expect(iframe.style.height).toBe('420px');
    expect(iframe.style.visibility).not.toBe('hidden');
    post({ parley: { type: 'resize', height: 512.5 } }, frame);
    expect(iframe.style.height).toBe('512.5px');
  });

  it('names the frame in the reader’s language once ready; ignores a title that is not one', () => {
    const { iframe, frame } = embed();
    expect(iframe.title).toBe('Comments');
    post({ parley: { type: 'ready', height: 100, title: 'x'.repeat(101) } }, frame);
    expect(iframe.title).toBe('Comments');
    post({ parley: { type: 'ready', height: 100, title: 42 } }, frame);
    expect(iframe.title).toBe('Comments');
    post({ parley: { type: 'ready', height: 100, title: 'التعليقات' } }, frame);
    expect(iframe.title).toBe('التعليقات');
  });

  it('keeps the reader in place when a live comment grows the thread above what they look at', () => {
    const { iframe, frame } = embed();
    post({ parley: { type: 'ready', height: 1000 } }, frame);
    // The reader has scrolled 500 px into the thread.
    vi.spyOn(iframe, 'getBoundingClientRect').mockReturnValue({
      top: -500,
      height: 1000,
    } as DOMRect);
    const scrollBy = vi.fn();
    window.scrollBy = scrollBy as typeof window.scrollBy;
    post({ parley: { type: 'resize', height: 1200, grewAt: 100 } }, frame);
    expect(iframe.style.height).toBe('1200px');
    expect(scrollBy).toHaveBeenCalledExactlyOnceWith(0, 200);
    // Below the top of the view: what grows there is what they see next, nothing to undo.
    post({ parley: { type: 'resize', height: 1400, grewAt: 700 } }, frame);
    post({ parley: { type: 'resize', height: 1500 } }, frame);
    expect(scrollBy).toHaveBeenCalledTimes(1);
  });

  it('imports the diagnostics from the server when the app never says ready, and leaves the frame shown when even they do not load', async () => {
    // What the diagnostics say against the real server (an unknown site, an
    // origin not listed) is tested end to end in e2e/thread.spec.ts; here
    // nothing answers at SERVER, as when the server is down.
    vi.useFakeTimers();
    const { iframe } = embed();
    vi.advanceTimersByTime(READY_TIMEOUT_MS);
    vi.useRealTimers();
    // The browser's own page for a server that is down is all there is to show.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(iframe.style.height).toBe('150px');
    expect(iframe.isConnected).toBe(true);
    expect(document.querySelector('.parley-notice')).toBeNull();
  });

  it('ignores messages from the wrong origin or source, and malformed ones', () => {
    const { iframe, frame } = embed();
    const stranger = document.createElement('iframe');
    document.body.appendChild(stranger);
    const ready = { parley: { type: 'ready', height: 999 } };
    post(ready, frame, 'https://ads.example.net');
    post(ready, frame, location.origin);
    post(ready, window);
    post(ready, stranger.contentWindow);
    post(ready, null);
    for (const data of [
      null,
      'ready',
      { type: 'ready', height: 999 },
      { parley: { type: 'ready', height: -1 } },
      { parley: { type: 'ready', height: '999' } },
      { parley: { type: 'ready', height: Number.POSITIVE_INFINITY } },
      { parley: { type: 'explode', height: 999 } },
    ]) {
      post(data, frame);
    }
    expect(iframe.style.height).toBe('150px');
  });

  it("does not let a second embed's frame resize the first", () => {
    const first = embed();
    const second = embed({ 'data-target': '#nowhere' });
    post({ parley: { type: 'ready', height: 700 } }, second.frame);
    expect(second.iframe.style.height).toBe('700px');
    expect(first.iframe.style.height).toBe('150px');
  });

  it('scrolls the window so the offset inside the frame is in view', () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    const { iframe, frame } = embed();
    vi.spyOn(iframe, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 500, 800, 1000));
    vi.spyOn(window, 'scrollY', 'get').mockReturnValue(1200);
    post({ parley: { type: 'scrollTo', top: 300 } }, frame);
    expect(scrollTo).toHaveBeenCalledExactlyOnceWith({ top: 1984, behavior: 'smooth' });
    post({ parley: { type: 'scrollTo', top: 300 } }, window);
    expect(scrollTo).toHaveBeenCalledOnce();
  });

  it('jumps instead of gliding when the reader prefers reduced motion', () => {
    reducedMotion = true;
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    const { frame } = embed();
    post({ parley: { type: 'scrollTo', top: 300 } }, frame);
    expect(scrollTo).toHaveBeenCalledWith(expect.objectContaining({ behavior: 'auto' }));
  });
});

describe('comments the site put in the page (GET /api/v1/pages/html)', () => {
  const FRAGMENT =
    '<section class="parley-static"><ol><li>Server-rendered comment</li></ol></section>';

  it('stay, with the frame taking no room, until the widget is ready; then give way to it at once', () => {
    document.body.innerHTML = `<div id="parley-thread">${FRAGMENT}</div>`;
    const { iframe, frame } = embed();
    const target = document.getElementById('parley-thread') as HTMLElement;
    expect(target.querySelector('.parley-static')).not.toBeNull();
    expect(iframe.style.height).toBe('0px');
    post({ parley: { type: 'resize', height: 300 } }, frame);
    expect(iframe.style.height).toBe('0px');
    expect(target.querySelector('.parley-static')).not.toBeNull();
    post({ parley: { type: 'ready', height: 420 } }, frame);
    expect(target.querySelector('.parley-static')).toBeNull();
    expect(iframe.style.height).toBe('420px');
  });

  it('stay for good when the widget never says ready (blocked, server down)', () => {
    vi.useFakeTimers();
    document.body.innerHTML = `<div id="parley-thread">${FRAGMENT}</div>`;
    const { iframe } = embed();
    vi.advanceTimersByTime(READY_TIMEOUT_MS * 2);
    expect(document.querySelector('.parley-static')).not.toBeNull();
    expect(iframe.style.height).toBe('0px');
  });
});

describe('deep links', () => {
  it('asks the frame to show #comment-<id> once it is ready, with the server as target origin', () => {
    history.replaceState(null, '', '/posts/hello#comment-abc_1');
    const { frame } = embed();
    const postMessage = vi.spyOn(frame, 'postMessage').mockImplementation(() => {});
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(postMessage).not.toHaveBeenCalled();
    post({ parley: { type: 'ready', height: 100 } }, frame);
    // The host's storage first, so the app has its drafts before it scrolls.
    expect(postMessage.mock.calls).toEqual([
      [{ parley: { type: 'storage', data: {} } }, SERVER],
      [{ parley: { type: 'showComment', commentId: 'abc_1' } }, SERVER],
    ]);
  });

  it('relays a later hashchange to a comment, and nothing for other hashes', () => {
    const { frame } = embed();
    post({ parley: { type: 'ready', height: 100 } }, frame);
    const postMessage = vi.spyOn(frame, 'postMessage').mockImplementation(() => {});
    for (const hash of ['#comments', '#comment-', '#comment-a/b', '#comment-x#y']) {
      history.replaceState(null, '', `/posts/hello${hash}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    }
    expect(postMessage).not.toHaveBeenCalled();
    history.replaceState(null, '', '/posts/hello#comment-xyz');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(postMessage).toHaveBeenCalledExactlyOnceWith(
      { parley: { type: 'showComment', commentId: 'xyz' } },
      SERVER,
    );
  });
});

describe('host storage (for frames whose own storage is blocked)', () => {
  const DRAFT = 'parley:draft:blog:/posts/hello';
  const AUTHOR = 'parley:author:blog';
  const set = (frame: Window, key: unknown, value: unknown) =>
    post({ parley: { type: 'storageSet', key, value } }, frame);
  const stored = (site = 'blog') => JSON.parse(localStorage.getItem(`parley:${site}`) ?? 'null');

  it("keeps each site's entries in one object, and removes them on null", () => {
    const blog = embed();
    const docs = embed({ 'data-site': 'docs', 'data-target': '#nowhere' });
    set(blog.frame, DRAFT, 'Half a thought');
    set(blog.frame, AUTHOR, '{"name":"Ann"}');
    set(docs.frame, 'parley:draft:docs:/intro', 'Other site');
    expect(stored()).toEqual({ [DRAFT]: 'Half a thought', [AUTHOR]: '{"name":"Ann"}' });
    expect(stored('docs')).toEqual({ 'parley:draft:docs:/intro': 'Other site' });
    set(blog.frame, DRAFT, null);
    expect(stored()).toEqual({ [AUTHOR]: '{"name":"Ann"}' });
    set(blog.frame, AUTHOR, null);
    expect(localStorage.getItem('parley:blog')).toBeNull();
  });

  it('refuses malformed, oversized and unlisted keys and values', () => {
    const { frame } = embed();
    set(frame, DRAFT, 'kept');
    for (const [key, value] of [
      [42, 'x'],
      [DRAFT, 42],
      [DRAFT, undefined],
      [`parley:draft:blog:${'p'.repeat(2_500)}`, 'x'],
      [DRAFT, 'x'.repeat(20_001)],
      // Only drafts and saved details may live on the host page, never a secret.
      ['parley:token:blog', 'secret'],
      ['__proto__', 'x'],
      ['draft', 'x'],
    ]) {
      set(frame, key, value);
    }
    post({ parley: { type: 'storageSet', key: DRAFT } }, frame);
    expect(stored()).toEqual({ [DRAFT]: 'kept' });
    // The limits themselves are allowed.
    set(frame, `parley:draft:${'k'.repeat(2_487)}`, 'v'.repeat(20_000));
    expect(Object.keys(stored())).toHaveLength(2);
  });

  it('ignores storageSet from another origin or window', () => {
    const { frame } = embed();
    const stranger = document.createElement('iframe');
    document.body.appendChild(stranger);
    const message = { parley: { type: 'storageSet', key: DRAFT, value: 'forged' } };
    post(message, frame, 'https://ads.example.net');
    post(message, frame, location.origin);
    post(message, window);
    post(message, stranger.contentWindow);
    post(message, null);
    expect(localStorage.getItem('parley:blog')).toBeNull();
  });

  it('drops a set that would take the site past its cap, but still removes', () => {
    const { frame } = embed();
    const big = 'x'.repeat(19_000);
    let n = 0;
    while (JSON.stringify(stored() ?? {}).length + big.length < MAX_HOST_STORAGE) {
      set(frame, `${DRAFT}:${n++}`, big);
    }
    const before = stored();
    set(frame, `${DRAFT}:one-too-many`, big);
    expect(stored()).toEqual(before);
    set(frame, `${DRAFT}:0`, null);
    expect(Object.keys(stored())).toHaveLength(n - 1);
  });

  it("lets two embeds of one site (and other tabs) add to, not clobber, each other's entries", () => {
    const first = embed({ 'data-page-id': 'a' });
    const second = embed({ 'data-page-id': 'b', 'data-target': '#nowhere' });
    set(first.frame, 'parley:draft:blog:a', 'one');
    set(second.frame, 'parley:draft:blog:b', 'two');
    // Another tab of the blog writes in between.
    localStorage.setItem(
      'parley:blog',
      JSON.stringify({ ...stored(), 'parley:draft:blog:c': 'three' }),
    );
    set(first.frame, AUTHOR, '{}');
    expect(stored()).toEqual({
      'parley:draft:blog:a': 'one',
      'parley:draft:blog:b': 'two',
      'parley:draft:blog:c': 'three',
      [AUTHOR]: '{}',
    });
  });

  it("sends the site's entries to the frame once it is ready, to the server origin only", () => {
    localStorage.setItem('parley:blog', JSON.stringify({ [DRAFT]: 'saved' }));
    localStorage.setItem('parley:docs', JSON.stringify({ 'parley:draft:docs:x': 'not ours' }));
    const { frame } = embed();
    const postMessage = vi.spyOn(frame, 'postMessage').mockImplementation(() => {});
    post({ parley: { type: 'resize', height: 100 } }, frame);
    expect(postMessage).not.toHaveBeenCalled();
    post({ parley: { type: 'ready', height: 100 } }, frame);
    expect(postMessage).toHaveBeenCalledExactlyOnceWith(
      { parley: { type: 'storage', data: { [DRAFT]: 'saved' } } },
      SERVER,
    );
  });

  it('starts afresh from an unreadable entry', () => {
    localStorage.setItem('parley:blog', '{oops');
    const { frame } = embed();
    const postMessage = vi.spyOn(frame, 'postMessage').mockImplementation(() => {});
    post({ parley: { type: 'ready', height: 100 } }, frame);
    expect(postMessage).toHaveBeenCalledWith({ parley: { type: 'storage', data: {} } }, SERVER);
    set(frame, DRAFT, 'fresh');
    expect(stored()).toEqual({ [DRAFT]: 'fresh' });
  });

  it("keeps working when the host page's storage is blocked too", () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    const { iframe, frame } = embed();
    const postMessage = vi.spyOn(frame, 'postMessage').mockImplementation(() => {});
    set(frame, DRAFT, 'nowhere to go');
    post({ parley: { type: 'ready', height: 100 } }, frame);
    expect(iframe.style.height).toBe('100px');
    expect(postMessage).toHaveBeenCalledWith({ parley: { type: 'storage', data: {} } }, SERVER);
  });
});

describe('Parley.mount (the programmatic API)', () => {
  const options = { server: SERVER, site: 'blog' };
  const mounted = (extra: Partial<MountOptions> = {}) => {
    const element = document.createElement('section');
    document.body.append(element);
    const embed = mount(element, { ...options, ...extra });
    const iframe = element.querySelector('iframe') as HTMLIFrameElement;
    return { element, embed, iframe, frame: iframe.contentWindow as Window };
  };

  it('mounts a thread in the element it is given, with the same defaults as the tag', () => {
    document.head.insertAdjacentHTML('beforeend', '<link rel="canonical" href="/posts/hello">');
    const { element, iframe } = mounted({ lang: 'de' });
    expect(element.children).toHaveLength(1);
    expect(params(iframe)).toEqual({
      path: `${SERVER}/embed/thread`,
      site: 'blog',
      page: `${location.origin}/posts/hello`,
      url: `${location.origin}/posts/hello?ref=feed`,
      title: 'Hello, world',
      // "auto" follows the page: jsdom's is white.
      theme: 'light',
      origin: location.origin,
      lang: 'de',
    });
  });

  it('tells the server the host page’s language alongside data-lang', () => {
    document.documentElement.lang = 'fr-CA';
    expect(params(mounted({}).iframe)).toMatchObject({ hostLang: 'fr-CA' });
    expect(params(mounted({ lang: 'ar' }).iframe)).toMatchObject({ lang: 'ar', hostLang: 'fr-CA' });
  });

  it('keeps a path prefix on the server, with or without a trailing slash', () => {
    for (const server of ['https://example.net/parley', 'https://example.net/parley/']) {
      expect(params(mounted({ server }).iframe).path).toBe(
        'https://example.net/parley/embed/thread',
      );
    }
  });

  it('switches to another page in the same frame, then back', () => {
    const { element, embed, iframe, frame } = mounted({ pageId: 'one', pageTitle: 'One' });
    post({ parley: { type: 'ready', height: 300 } }, frame);
    embed.update({ pageId: 'two', pageTitle: 'Two' });
    expect([...element.querySelectorAll('iframe')]).toEqual([iframe]);
    expect(params(iframe)).toMatchObject({ page: 'two', title: 'Two', site: 'blog' });
    // Not ready until the new page says so: deep links wait for it.
    const postMessage = vi.spyOn(frame, 'postMessage').mockImplementation(() => {});
    history.replaceState(null, '', '/posts/two#comment-c1');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(postMessage).not.toHaveBeenCalled();
    embed.update({ pageId: 'one', pageTitle: 'One' });
    expect(params(iframe)).toMatchObject({ page: 'one', title: 'One' });
  });

  it('reads the defaults afresh on update, after client-side navigation', () => {
    const { embed, iframe } = mounted();
    history.pushState(null, '', '/posts/next');
    document.title = 'Next';
    embed.update({});
    expect(params(iframe)).toMatchObject({
      page: `${location.origin}/posts/next`,
      url: `${location.origin}/posts/next`,
      title: 'Next',
    });
  });

  it('cannot be moved to another site or server by update', () => {
    const { embed, iframe } = mounted();
    embed.update({ site: 'other', server: 'https://evil.example' } as PageOptions);
    expect(params(iframe)).toMatchObject({ path: `${SERVER}/embed/thread`, site: 'blog' });
  });

  it('restyles a ready thread by message, without reloading it', () => {
    const { embed, iframe, frame } = mounted({ theme: 'light' });
    post({ parley: { type: 'ready', height: 300 } }, frame);
    const src = iframe.src;
    const postMessage = vi.spyOn(frame, 'postMessage').mockImplementation(() => {});
    embed.setTheme('dark');
    expect(iframe.src).toBe(src);
    expect(iframe.style.colorScheme).toBe('dark');
    expect(postMessage).toHaveBeenCalledExactlyOnceWith(
      { parley: { type: 'theme', theme: 'dark' } },
      SERVER,
    );
    embed.update({ theme: 'auto' });
    // Auto follows the page, white here.
    expect(iframe.style.colorScheme).toBe('light');
    expect(postMessage).toHaveBeenLastCalledWith(
      { parley: { type: 'theme', theme: 'light' } },
      SERVER,
    );
    expect(iframe.src).toBe(src);
  });

  it('loads a thread that is not ready yet with the new theme (its app is not listening)', () => {
    const { embed, iframe, frame } = mounted();
    const postMessage = vi.spyOn(frame, 'postMessage').mockImplementation(() => {});
    embed.setTheme('dark');
    expect(params(iframe).theme).toBe('dark');
    expect(postMessage).not.toHaveBeenCalled();
  });

  it('destroy removes the frame and stops listening', () => {
    vi.useFakeTimers();
    const { element, embed, iframe, frame } = mounted();
    const postMessage = vi.spyOn(frame, 'postMessage').mockImplementation(() => {});
    embed.destroy();
    expect(element.children).toHaveLength(0);
    // Messages its frame would still post, deep links and the timeout do nothing.
    post({ parley: { type: 'storageSet', key: 'parley:draft:blog:x', value: 'v' } }, frame);
    post({ parley: { type: 'ready', height: 300 } }, frame);
    history.replaceState(null, '', '/posts/hello#comment-c1');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    vi.advanceTimersByTime(READY_TIMEOUT_MS);
    expect(localStorage.getItem('parley:blog')).toBeNull();
    expect(postMessage).not.toHaveBeenCalled();
    expect(iframe.style.height).toBe('150px');
  });

  it('keeps listening for other threads after one is destroyed', () => {
    const first = mounted({ pageId: 'a' });
    const second = mounted({ pageId: 'b' });
    first.embed.destroy();
    post({ parley: { type: 'ready', height: 321 } }, second.frame);
    expect(second.iframe.style.height).toBe('321px');
  });
});

describe('embed.js as built', () => {
  // What `vite build` wrote (npm test builds first): the very file sites load.
  const built = join(import.meta.dirname, '../../dist/widget/embed.js');
  if (!existsSync(built)) throw new Error('Build the widget first: npm run build');
  const bundle = readFileSync(built, 'utf8');

  /** Runs the bundle as a script tag would (jsdom doesn't fetch: inline, with the src it would have). */
  function run(data: Record<string, string>) {
    const script = document.createElement('script');
    Object.defineProperty(script, 'src', { value: `${SERVER}/parley/embed.js` });
    Object.assign(script.dataset, data);
    script.textContent = bundle;
    document.body.appendChild(script);
  }

  /**
   * Runs `code` as a script on the page and returns what it leaves in `out`:
   * the bundle's globals live in jsdom's script window, which vitest's
   * `window` is not, so a script of the page's own has to look.
   */
  function onPage(code: string): unknown {
    const script = document.createElement('script') as HTMLScriptElement & { out?: unknown };
    script.textContent = `document.currentScript.out = ${code};`;
    document.body.appendChild(script);
    return script.out;
  }

  it('mounts from document.currentScript and defines only the Parley global', () => {
    onPage('window.parleyBefore = Object.keys(window)');
    run({ site: 'blog' });
    const iframe = document.querySelector<HTMLIFrameElement>('#parley-thread iframe');
    expect(iframe && params(iframe)).toMatchObject({
      path: `${SERVER}/parley/embed/thread`,
      site: 'blog',
    });
    const added = onPage(
      // Numeric keys are frames (window[0] is the new iframe), not globals.
      'Object.keys(window).filter((k) => k !== "parleyBefore" && !parleyBefore.includes(k) && !/^\\d+$/.test(k))',
    );
    expect(added).toEqual(['Parley']);
  });

  it('gives Parley.mount the server it came from, and mounts nothing by itself without data-site', () => {
    run({});
    expect(document.querySelector('iframe')).toBeNull();
    const element = document.createElement('div');
    element.id = 'spa';
    document.body.append(element);
    const embed = onPage(
      "Parley.mount(document.getElementById('spa'), { site: 'blog', pageId: 'spa-1' })",
    ) as ParleyEmbed;
    const iframe = element.querySelector('iframe') as HTMLIFrameElement;
    expect(params(iframe)).toMatchObject({ path: `${SERVER}/parley/embed/thread`, page: 'spa-1' });
    embed.update({ pageId: 'spa-2' });
    expect(params(iframe).page).toBe('spa-2');
    embed.destroy();
    expect(element.children).toHaveLength(0);
  });
});
