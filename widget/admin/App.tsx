import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AdminApi } from './api.ts';
import { Login } from './components/Login.tsx';
import { Moderation } from './components/Moderation.tsx';
import { DashboardContext, type DashboardContextValue } from './context.ts';
import { errorMessage, sessionEnded } from './messages.ts';
import { apply, type Dispatch, initialState } from './state.ts';

/**
 * The site owner's dashboard. Asks who is signed in, then shows the login or
 * the moderation queue; marks itself `data-loaded` once it knows which.
 */
export function Dashboard({ api }: { api: AdminApi }) {
  const [state, setState] = useState(initialState);
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

  // Moderation is applied at once so the keyboard never waits on the network;
  // if the server refuses, the admin is told and the list is read again.
  const site = state.site;
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
        {!state.checked ? null : state.me ? <Moderation /> : <Login />}
      </div>
    </DashboardContext.Provider>
  );
}
