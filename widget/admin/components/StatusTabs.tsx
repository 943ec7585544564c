import type { KeyboardEvent } from 'react';
import type { QueueStatus } from '../../../contract/dashboard.schema.ts';
import { useDashboard } from '../context.ts';
import { type DashboardKey, formatNumber, t } from '../i18n.ts';

export const STATUSES: [QueueStatus, DashboardKey][] = [
  ['pending', 'status.pending'],
  ['spam', 'status.spam'],
  ['approved', 'status.approved'],
  ['trash', 'status.trash'],
  ['all', 'status.all'],
];

export const tabId = (status: QueueStatus) => `status-tab-${status}`;

/** Which comments to list: a tablist (arrow keys move between tabs, as ARIA's tabs pattern says). */
export function StatusTabs() {
  const { state, dispatch } = useDashboard();
  const active = state.filter.status;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const by = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (by === 0) return;
    const at = STATUSES.findIndex(([s]) => s === active);
    const next = STATUSES[(at + by + STATUSES.length) % STATUSES.length];
    if (!next) return;
    dispatch('showStatus', next[0]);
    document.getElementById(tabId(next[0]))?.focus();
  }

  return (
    <div role="tablist" aria-label={t('queue.statuses')} className="tabs" onKeyDown={onKeyDown}>
      {STATUSES.map(([status, label]) => (
        <button
          key={status}
          id={tabId(status)}
          type="button"
          role="tab"
          aria-selected={status === active}
          tabIndex={status === active ? 0 : -1}
          onClick={() => dispatch('showStatus', status)}
        >
          {t(label)}
          {status !== 'all' && state.counts ? (
            <>
              {' '}
              <span
                className="tab-count"
                data-testid={`count-${status}`}
                title={t('queue.count', { count: state.counts[status] })}
              >
                {formatNumber(state.counts[status])}
              </span>
            </>
          ) : null}
        </button>
      ))}
    </div>
  );
}
