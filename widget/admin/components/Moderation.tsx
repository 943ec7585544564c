import { useEffect, useRef } from 'react';
import { useDashboard } from '../context.ts';
import { shortcutFor } from '../keyboard.ts';
import type { State } from '../state.ts';
import { BulkBar } from './BulkBar.tsx';
import { itemId } from './QueueEntry.tsx';
import { QueueList } from './QueueList.tsx';
import { SearchBox } from './SearchBox.tsx';
import { Shortcuts } from './Shortcuts.tsx';
import { StatusTabs, tabId } from './StatusTabs.tsx';

/** The moderation queue of one site: filters, bulk bar, the list, and its keyboard. */
export function Moderation() {
  const { api, state, dispatch, moderate, report } = useDashboard();
  const { site, filter, generation, current } = state;

  // Only the latest request may fill the list (a slow answer for an old filter is dropped).
  const latest = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation means "read the list again"
  useEffect(() => {
    if (!site) return;
    const request = ++latest.current;
    dispatch('loading', null);
    api.listComments(site, filter).then(
      ({ comments }) => {
        if (request === latest.current) dispatch('loaded', comments);
      },
      (error: unknown) => {
        if (request === latest.current) report(error);
      },
    );
  }, [api, site, filter, generation, dispatch, report]);

  // The listener is added once and reads the state of the latest render.
  const now = useRef<State>(state);
  now.current = state;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const shortcut = shortcutFor(event);
      if (!shortcut) return;
      event.preventDefault();
      const { current: id } = now.current;
      if (shortcut.type === 'move') dispatch('move', shortcut.by);
      else if (id === null) return;
      else if (shortcut.type === 'select') dispatch('toggleSelect', id);
      else moderate([id], shortcut.action);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [dispatch, moderate]);

  useEffect(() => {
    if (current) document.getElementById(itemId(current))?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  return (
    <main className="queue">
      <div className="filters">
        <StatusTabs />
        <SearchBox />
      </div>
      <section role="tabpanel" aria-labelledby={tabId(filter.status)} aria-busy={state.loading}>
        {state.error ? (
          <p role="alert" className="error">
            {state.error}
          </p>
        ) : null}
        <p role="status" className="message">
          {state.message}
        </p>
        <BulkBar />
        <QueueList />
        <Shortcuts />
      </section>
    </main>
  );
}
