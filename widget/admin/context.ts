import { createContext, useContext } from 'react';
import type { ModerationAction } from '../../contract/dashboard.ts';
import type { Locale } from '../../contract/i18n/locales.ts';
import type { AdminApi } from './api.ts';
import type { Dispatch, State } from './state.ts';

export interface DashboardContextValue {
  api: AdminApi;
  state: State;
  dispatch: Dispatch;
  /** Moderates comments of the current site: applied at once, then sent. */
  moderate(ids: string[], action: ModerationAction): void;
  /** Puts the comments of the last approve/spam/trash back where they were. */
  undo(): void;
  /** Says what went wrong with a call (or signs out when the session ended). */
  report(error: unknown): void;
  /** The language the dashboard speaks (null only before it has loaded). */
  locale: Locale | null;
  /** Switches to another language and remembers the choice in this browser. */
  chooseLocale(next: Locale): void;
}

export const DashboardContext = createContext<DashboardContextValue | null>(null);

/** The dashboard's state and API, for components under <Dashboard>. */
export function useDashboard(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error('useDashboard() used outside <Dashboard>');
  return value;
}
