import { useDashboard } from '../context.ts';
import { QueueEntry } from './QueueEntry.tsx';
import { STATUSES } from './StatusTabs.tsx';

/** The listed comments, or what it means that there are none. */
export function QueueList() {
  const { state } = useDashboard();
  const { items, filter, loading } = state;
  if (items.length === 0) {
    if (loading) return <p className="empty">Loading…</p>;
    const label = STATUSES.find(([s]) => s === filter.status)?.[1].toLowerCase() ?? '';
    const text = filter.q
      ? `No comments match “${filter.q}”.`
      : filter.status === 'pending'
        ? 'Nothing waiting for moderation.'
        : filter.status === 'all'
          ? 'No comments yet.'
          : `No ${label} comments.`;
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
