import type { QueueStatus } from '../../../contract/dashboard.schema.ts';
import { useDashboard } from '../context.ts';
import { type DashboardKey, t } from '../i18n.ts';
import { QueueEntry } from './QueueEntry.tsx';

const EMPTY: Record<QueueStatus, DashboardKey> = {
  pending: 'queue.nonePending',
  spam: 'queue.noneSpam',
  approved: 'queue.noneApproved',
  trash: 'queue.noneTrash',
  all: 'queue.noneAll',
};

/** The listed comments, or what it means that there are none. */
export function QueueList() {
  const { state } = useDashboard();
  const { items, filter, loading } = state;
  if (items.length === 0) {
    if (loading) return <p className="empty">{t('loading')}</p>;
    const text = filter.q ? t('queue.noMatch', { q: filter.q }) : t(EMPTY[filter.status]);
    return <p className="empty">{text}</p>;
  }
  return (
    <ol className="items">
      {items.map((item) => (
        <li key={item.id}>
          <QueueEntry item={item} />
        </li>
      ))}
    </ol>
  );
}
