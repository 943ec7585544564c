import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ACTION_TO, type CommentStatus, type ModerationAction } from '../../contract/dashboard.ts';
import type { Locale } from '../../contract/i18n/locales.ts';
import type { AdminApi } from './api.ts';
import { CommentPage } from './components/CommentPage.tsx';
import { Header } from './components/Header.tsx';
import { Login } from './components/Login.tsx';
import { Members } from './components/Members.tsx';
import { Moderation } from './components/Moderation.tsx';
import { Settings } from './components/Settings.tsx';
import { DashboardContext } from './context.ts';
import { loadLanguage, preferredLocale, rememberLocale } from './i18n.ts';
import { errorSaid, sessionEnded } from './messages.ts';
import { parseRoute, routeUrl, sameView, type View } from './route.ts';
import { apply, type Dispatch, initialState, type State } from './state.ts';

/** The state a page load starts from: the view and site its URL names. */
function fromLocation(): State {
  const { view, site } = parseRoute(window.location.pathname, window.location.search);
  return { ...initialState, view, site };
}

/** The page for the current view (the header and its nav are shared). */
function Page({ view }: { view: View }) {
  switch (view.name) {
    case 'settings':
      return <Settings />;
    case 'moderators':
      return <Members />;
    case 'comment':
      return <CommentPage key={view.id} id={view.id} action={view.action} />;
    default:
      return <Moderation />;
  }
}

/**
 * The site owner's dashboard. Asks who is signed in and loads the owner's
 * language, then shows the login or the page its URL names; marks itself
 * `data-loaded` once it can.
 */
export function Dashboard({ api }: { api: AdminApi }) {
  const [state, setState] = useState(fromLocation);
  const dispatch = useCallback<Dispatch>((name, data) => setState((s) => apply(s, name, data)), []);

  const report = useCallback(
    (error: unknown) => {
      if (sessionEnded(error)) dispatch('signedOut', { key: 'login.sessionEnded' });
      else dispatch('failed', errorSaid(error));
    },
    [dispatch],
  );

  useEffect(() => {
    api.me().then(
      (me) => dispatch('signedIn', me),
      (error: unknown) => dispatch('signedOut', sessionEnded(error) ? null : errorSaid(error)),
    );
  }, [api, dispatch]);

  // The owner's language loads beside the first /me; nothing shows before
  // both are in, so no English flashes before French. null: still loading.
  const [locale, setLocale] = useState<Locale | null>(null);
  useEffect(() => {
    let live = true;
    loadLanguage(preferredLocale()).then(
      (loaded) => live && setLocale(loaded),
      // A chunk that can't load (offline, a deploy replaced it): English, if that loads.
      () => loadLanguage('en').then((loaded) => live && setLocale(loaded)),
    );
    return () => {
      live = false;
    };
  }, []);
  const chooseLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    loadLanguage(next).then(setLocale, () => {});
  }, []);

  const site = state.site;
  // The URL follows the view and site once signed in: a new page is a history
  // entry, the same page on another site (or the first sync) replaces it.
  const { me, view } = state;
  const synced = useRef<View | null>(null);
  useEffect(() => {
    if (!me) return;
    const url = routeUrl(view, site);
    const previous = synced.current;
    synced.current = view;
    if (url === window.location.pathname + window.location.search) return;
    if (previous && !sameView(previous, view)) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, [me, view, site]);

  useEffect(() => {
    function onPopState() {
      const route = parseRoute(window.location.pathname, window.location.search);
      synced.current = route.view;
      dispatch('navigate', route);
    }
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [dispatch]);

  // Moderation is applied at once so the keyboard never waits on the network;
  // if the server refuses, the admin is told and the list is read again.
  // An Undo must reach the server after the action it undoes, never overtake it.
  const last = useRef<Promise<unknown>>(Promise.resolve());
  const send = useCallback(
    (site: string, ids: string[], action: ModerationAction) => {
      const sent = api.moderate(site, ids, action).catch((error: unknown) => {
        if (sessionEnded(error)) report(error);
        else dispatch('moderationFailed', errorSaid(error));
        throw error;
      });
      last.current = sent.catch(() => {});
      return sent;
    },
    [api, dispatch, report],
  );
  const moderate = useCallback(
    (ids: string[], action: ModerationAction) => {
      if (!site || ids.length === 0) return;
      dispatch('moderated', { ids, action });
      send(site, ids, action).catch(() => {});
    },
    [site, dispatch, send],
  );

  // Each comment goes back to the status it had, then the list is read again.
  const undoList = state.undo;
  const undo = useCallback(() => {
    if (!site || !undoList) return;
    dispatch('undoing', null);
    const byStatus = new Map<CommentStatus, string[]>();
    for (const { id, status } of undoList)
      byStatus.set(status, [...(byStatus.get(status) ?? []), id]);
    last.current
      .then(() =>
        Promise.all([...byStatus].map(([status, ids]) => send(site, ids, ACTION_TO[status]))),
      )
      .then(
        () => dispatch('undone', null),
        () => {},
      );
  }, [site, undoList, dispatch, send]);

  const value = useMemo(
    () => ({ api, state, dispatch, moderate, undo, report, locale, chooseLocale }),
    [api, state, dispatch, moderate, undo, report, locale, chooseLocale],
  );
  const ready = state.checked && locale !== null;

  return (
    <DashboardContext.Provider value={value}>
      <div className="admin" data-testid="admin" data-loaded={ready ? 'true' : undefined}>
        {!ready ? null : state.me ? (
          <>
            <Header />
            <Page view={state.view} />
          </>
        ) : (
          <Login />
        )}
      </div>
    </DashboardContext.Provider>
  );
}
