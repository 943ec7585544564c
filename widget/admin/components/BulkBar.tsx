import { useEffect, useRef } from 'react';
import type { ModerationAction } from '../../../contract/dashboard.ts';
import { useDashboard } from '../context.ts';

const BULK: [ModerationAction, string][] = [
  ['approve', 'Approve selected'],
  ['spam', 'Spam selected'],
  ['trash', 'Trash selected'],
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
  const actions: [ModerationAction, string][] = restorable
    ? [...BULK, ['restore', 'Restore selected']]
    : BULK;

  return (
    <fieldset className="bulk">
      <legend className="visually-hidden">Bulk actions</legend>
      <label>
        <input
          ref={box}
          type="checkbox"
          checked={all}
          disabled={items.length === 0}
          onChange={(event) => dispatch('selectAll', event.currentTarget.checked)}
        />{' '}
        Select all
      </label>
      <span className="count" aria-live="polite">
        {selected.length > 0 ? `${selected.length} selected` : ''}
      </span>
      {actions.map(([action, label]) => (
        <button
          key={action}
          type="button"
          disabled={selected.length === 0}
          onClick={() => moderate(selected, action)}
        >
          {label}
        </button>
      ))}
    </fieldset>
  );
}
