import { createContext, useContext } from 'react';
import type { ThreadBootstrap } from '../../contract/api.ts';
import type { Api } from './api.ts';
import type { Auth } from './auth.ts';
import type { Dispatch, State } from './state.ts';
import type { ReaderStorage } from './storage.ts';

export interface ThreadContextValue {
  bootstrap: ThreadBootstrap;
  api: Api;
  /** Sign-in, the session and its token (auth.ts). */
  auth: Auth;
  state: State;
  dispatch: Dispatch;
  /** Drafts and saved details (the iframe's localStorage, or the host page's). */
  storage: ReaderStorage;
  /** Re-read every minute so relative times stay true. */
  now: number;
}

export const ThreadContext = createContext<ThreadContextValue | null>(null);

/** The thread's bootstrap, state and API, for components under <App>. */
export function useThread(): ThreadContextValue {
  const value = useContext(ThreadContext);
  if (!value) throw new Error('useThread() used outside <App>');
  return value;
}
