import { useEffect, useRef } from 'react';
import { useDashboard } from '../context.ts';
import { say, t } from '../i18n.ts';
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
  const { api, state, dispatch, moderate, undo, report } = useDashboard();
  const { site, filter, generation, current } = state;

  // Only the latest request may fill the list (a slow answer for an old filter is dropped).
  const latest = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation means "read the list again"
  useEffect(() => {
    if (!site) return;
    const request = ++latest.current;
    dispatch('loading', null);
    api.listComments(site, filter).then(
      ({ comments, counts }) => {
        if (request !== latest.current) return;
        dispatch('loaded', comments);
        if (counts) dispatch('counted', counts);
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
      <h1 className="visually-hidden">{t('queue.heading')}</h1>
      <div className="filters">
        <StatusTabs />
        <SearchBox />
      </div>
      <section role="tabpanel" aria-labelledby={tabId(filter.status)} aria-busy={state.loading}>
        {state.error ? (
          <p role="alert" className="error">
            {say(state.error)}
          </p>
        ) : null}
        <div className="message-line">
          <p role="status" className="message">
            {state.message ? say(state.message) : null}
          </p>
          {state.undo ? (
            <button type="button" className="undo" onClick={undo}>
              {t('queue.undo')}
            </button>
          ) : null}
        </div>
        <BulkBar />
        <QueueList />
        <Shortcuts />
      </section>
    </main>
  );
}
