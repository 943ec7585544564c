import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ThreadBootstrap } from '../../contract/api.ts';
import { createApi } from './api.ts';
import { type Auth, createAuth } from './auth.ts';
import { Thread } from './components/Thread.tsx';
import { ThreadContext } from './context.ts';
import { isFramed, listenToHost, postToHost } from './host.ts';
import { setLanguage } from './i18n.ts';
import { applyLook } from './look.ts';
import { apply, type Dispatch, initialState } from './state.ts';
import { createReaderStorage, loadAuthor } from './storage.ts';

/** What the app shows when there is no thread to show (unknown site, bad bootstrap). */
export function Unavailable() {
  return <p className="unavailable">Comments are unavailable.</p>;
}

/**
 * The thread app. Renders the server-inlined thread on the first render, then
 * keeps the loader told of its height and answers its deep links.
 */
export function App({ bootstrap }: { bootstrap: ThreadBootstrap }) {
  const { hostOrigin, thread, site } = bootstrap;
  // The reader's language, before anything below asks for a word.
  useState(() => setLanguage(bootstrap.locale, bootstrap.messages, bootstrap.apiBase));
  const root = useRef<HTMLDivElement>(null);
  // Probed once per app: the iframe's localStorage, or the host page's through the loader.
  const [storage] = useState(() =>
    createReaderStorage((key, value) => postToHost(hostOrigin, { type: 'storageSet', key, value })),
  );
  const [state, setState] = useState(
    () => thread && initialState(thread, loadAuthor(storage, site)),
  );
  const dispatch = useCallback<Dispatch>(
    (name, data) => setState((s) => s && apply(s, name, data)),
    [],
  );
  // The API client reads the access token from auth, which calls the API.
  const [{ api, auth }] = useState(() => {
    let auth: Auth | undefined;
    const api = createApi(bootstrap.apiBase, () => auth?.token() ?? null);
    auth = createAuth({
      api,
      site,
      pageUrl: bootstrap.pageUrl,
      locale: bootstrap.locale,
      dispatch,
      navigate: (url) => postToHost(hostOrigin, { type: 'navigate', url }),
    });
    return { api, auth };
  });
  const [now, setNow] = useState(Date.now);
  const hasThread = state !== null;
  // Where the last live change happened (a y in the frame), for the next resize.
  const liveAt = useRef<number | null>(null);
  const [liveOpen, setLiveOpen] = useState(false);

  // The guest form shows first; a session from the refresh cookie (another
  // tab, a reload, the redirect fallback) replaces it when it answers.
  const known = thread !== null;
  useEffect(() => {
    if (!known) return;
    void auth.restore();
    return auth.dispose;
  }, [auth, known]);

  // Live updates: comments published, edited or withdrawn elsewhere appear
  // in place, marked new; the loader keeps the reader's place (resize grewAt).
  // They start after the first render, so their code is not part of it.
  const { apiBase, page, liveFrom } = bootstrap;
  useEffect(() => {
    if (!known) return;
    const topOf = (id: string) => {
      const el = document.getElementById(`comment-${id}`);
      return el ? el.getBoundingClientRect().top + window.scrollY : null;
    };
    let stop: (() => void) | undefined;
    let unmounted = false;
    void import('./live.ts').then(({ connectLive }) => {
      if (unmounted) return;
      stop = connectLive({
        apiBase,
        site,
        page,
        since: liveFrom,
        onStatus: setLiveOpen,
        onMessage(message) {
          if (message.type === 'comment') {
            liveAt.current = topOf(message.comment.id);
            dispatch('liveComment', { comment: message.comment, appeared: message.appeared });
          } else if (message.type === 'remove') {
            liveAt.current = topOf(message.id);
            dispatch('liveRemove', message.id);
          } else if (message.type === 'reset') {
            api.listComments(site, page).then(
              (list) => dispatch('threadLoaded', list),
              () => {},
            );
          }
        },
      });
    });
    return () => {
      unmounted = true;
      stop?.();
    };
  }, [known, apiBase, site, page, liveFrom, api, dispatch]);

  const live = state?.live;
  useLayoutEffect(() => {
    if (!live) return;
    // A new comment has a place only once rendered.
    if (liveAt.current === null) {
      const el = document.getElementById(`comment-${live.id}`);
      liveAt.current = el ? el.getBoundingClientRect().top + window.scrollY : null;
    }
    // The resize it causes is reported before the frame after next; a change
    // that moved nothing must not steer a later resize.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        liveAt.current = null;
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [live]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  // Listen before saying ready: the loader sends its storage and deep link after `ready`.
  useEffect(
    () =>
      listenToHost(hostOrigin, (m) => {
        if (m.type === 'storage') storage.fill(m.data);
        // The host switched theme (Parley.mount's setTheme); the CSS follows the attribute.
        else if (m.type === 'theme') {
          document.documentElement.dataset.theme = m.theme;
          applyLook({ ...bootstrap.look, background: m.background ?? null });
        } else if (m.type === 'loginReturn') void auth.finishRedirect(m);
        else dispatch('highlight', m.commentId);
      }),
    [hostOrigin, dispatch, storage, auth, bootstrap.look],
  );

  useEffect(() => applyLook(bootstrap.look), [bootstrap.look]);

  // Details the host page kept arrive after the first render.
  useEffect(
    () =>
      storage.subscribe(() => {
        const saved = loadAuthor(storage, site);
        if (saved) dispatch('restoreAuthor', saved);
      }),
    [storage, site, dispatch],
  );

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    // The root's own height: the document's scrollHeight never shrinks below
    // the iframe's current height, so the frame could only ever grow.
    const height = () => Math.ceil(el.getBoundingClientRect().height);
    let last = height();
    el.dataset.loaded = 'true';
    // No thread (unknown site, page not allowed): the loader finds out why and
    // tells the site owner, instead of showing a box that says little.
    if (!hasThread) return postToHost(hostOrigin, { type: 'unavailable' });
    postToHost(hostOrigin, { type: 'ready', height: last });
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const next = height();
      if (next === last) return;
      last = next;
      const grewAt = liveAt.current;
      liveAt.current = null;
      postToHost(hostOrigin, {
        type: 'resize',
        height: next,
        ...(grewAt === null ? {} : { grewAt }),
      });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hostOrigin, hasThread]);

  const highlighted = state?.highlighted;
  useEffect(() => {
    const el = highlighted && document.getElementById(`comment-${highlighted.id}`);
    if (!el) return;
    // Replay the highlight animation when the same comment is shown again.
    el.style.animation = 'none';
    void el.offsetWidth;
    el.style.animation = '';
    if (highlighted.focus) el.focus({ preventScroll: true });
    if (isFramed()) {
      const top = Math.round(el.getBoundingClientRect().top + window.scrollY);
      postToHost(hostOrigin, { type: 'scrollTo', top });
    } else {
      el.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    }
  }, [highlighted, hostOrigin]);

  return (
    <div
      ref={root}
      className="parley"
      data-testid="parley"
      data-live={liveOpen ? 'open' : 'connecting'}
    >
      {state ? (
        <ThreadContext.Provider value={{ bootstrap, api, auth, state, dispatch, storage, now }}>
          <Thread />
        </ThreadContext.Provider>
      ) : (
        <Unavailable />
      )}
    </div>
  );
}
