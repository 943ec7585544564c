import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AdminApi } from './api.ts';
import { CommentPage } from './components/CommentPage.tsx';
import { Header } from './components/Header.tsx';
import { Login } from './components/Login.tsx';
import { Members } from './components/Members.tsx';
import { Moderation } from './components/Moderation.tsx';
import { Settings } from './components/Settings.tsx';
import { DashboardContext, type DashboardContextValue } from './context.ts';
import { errorMessage, sessionEnded } from './messages.ts';
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
 * The site owner's dashboard. Asks who is signed in, then shows the login or
 * the page its URL names; marks itself `data-loaded` once it knows which.
 */
export function Dashboard({ api }: { api: AdminApi }) {
  const [state, setState] = useState(fromLocation);
  const dispatch = useCallback<Dispatch>((name, data) => setState((s) => apply(s, name, data)), []);

  const report = useCallback(
    (error: unknown) => {
      if (sessionEnded(error))
        dispatch('signedOut', 'Your session has ended. Please sign in again.');
      else dispatch('failed', errorMessage(error));
    },
    [dispatch],
  );

  useEffect(() => {
    api.me().then(
      (me) => dispatch('signedIn', me),
      (error: unknown) => dispatch('signedOut', sessionEnded(error) ? null : errorMessage(error)),
    );
  }, [api, dispatch]);

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
  const moderate = useCallback(
    (ids: string[], action: Parameters<DashboardContextValue['moderate']>[1]) => {
      if (!site || ids.length === 0) return;
      dispatch('moderated', { ids, action });
      api.moderate(site, ids, action).catch((error: unknown) => {
        if (sessionEnded(error)) report(error);
        else dispatch('moderationFailed', errorMessage(error));
      });
    },
    [api, site, dispatch, report],
  );

  const value = useMemo(
    () => ({ api, state, dispatch, moderate, report }),
    [api, state, dispatch, moderate, report],
  );

  return (
    <DashboardContext.Provider value={value}>
      <div className="admin" data-testid="admin" data-loaded={state.checked ? 'true' : undefined}>
        {!state.checked ? null : state.me ? (
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
