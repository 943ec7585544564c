import { useEffect, useRef } from 'react';
import type { ModerationAction } from '../../../contract/dashboard.ts';
import { useDashboard } from '../context.ts';
import { type DashboardKey, t } from '../i18n.ts';

const BULK: [ModerationAction, DashboardKey][] = [
  ['approve', 'bulk.approve'],
  ['spam', 'bulk.spam'],
  ['trash', 'bulk.trash'],
];

/** Select all, and the bulk actions on what is selected. */
export function BulkBar() {
  const { state, dispatch, moderate } = useDashboard();
  const { items, selected } = state;
  const all = items.length > 0 && selected.length === items.length;
  const some = selected.length > 0 && !all;
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = some;
  }, [some]);

  const restorable = state.filter.status === 'spam' || state.filter.status === 'trash';
  const actions: [ModerationAction, DashboardKey][] = restorable
    ? [...BULK, ['restore', 'bulk.restore']]
    : BULK;

  return (
    <fieldset className="bulk">
      <legend className="visually-hidden">{t('bulk.legend')}</legend>
      <label>
        <input
          ref={box}
          type="checkbox"
          checked={all}
          disabled={items.length === 0}
          onChange={(event) => dispatch('selectAll', event.currentTarget.checked)}
        />{' '}
        {t('bulk.selectAll')}
      </label>
      <span className="count" aria-live="polite">
        {selected.length > 0 ? t('bulk.selected', { count: selected.length }) : ''}
      </span>
      {actions.map(([action, label]) => (
        <button
          key={action}
          type="button"
          disabled={selected.length === 0}
          onClick={() => moderate(selected, action)}
        >
          {t(label)}
        </button>
      ))}
    </fieldset>
  );
}
