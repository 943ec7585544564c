import { exactTime, timeAgo } from '../../thread/time.ts';
import { useDashboard } from '../context.ts';
import type { CommentStatus, ModerationAction, QueueItem } from '../types.ts';

const STATUS_LABEL: Record<CommentStatus, string> = {
  pending: 'Pending',
  spam: 'Spam',
  approved: 'Approved',
  trash: 'Trash',
};

/** The buttons an item offers: not the one that leaves it as it is, and Restore out of spam or trash. */
function actionsFor(status: CommentStatus): [ModerationAction, string][] {
  const all: [ModerationAction, string, CommentStatus][] = [
    ['approve', 'Approve', 'approved'],
    ['spam', 'Spam', 'spam'],
    ['trash', 'Trash', 'trash'],
  ];
  const offered = all
    .filter(([, , to]) => to !== status)
    .map(([a, l]): [ModerationAction, string] => [a, l]);
  return status === 'spam' || status === 'trash' ? [...offered, ['restore', 'Restore']] : offered;
}

/** The element id of a queue item (for scrolling it into view). */
export function itemId(commentId: string): string {
  return `queue-item-${commentId}`;
}

/** Only web links become links (the page URL was checked against the site's origins, but still). */
function webUrl(url: string | null): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** One comment in the queue: who, where, in reply to what, why it was held, and what to do. */
export function QueueEntry({ item }: { item: QueueItem }) {
  const { state, dispatch, moderate } = useDashboard();
  const { id, author, page, parent, reasons } = item;
  const current = state.current === id;
  const selected = state.selected.includes(id);
  const pageUrl = webUrl(page.url);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: j/k are the keyboard's way to the current item.
    <article
      id={itemId(id)}
      data-testid="queue-item"
      data-current={current ? 'true' : undefined}
      aria-current={current ? 'true' : undefined}
      aria-label={`Comment by ${author.name}`}
      className={`item${selected ? ' selected' : ''}`}
      onClick={() => dispatch('setCurrent', id)}
    >
      <header className="meta">
        <input
          type="checkbox"
          aria-label="Select"
          checked={selected}
          onChange={() => dispatch('toggleSelect', id)}
        />
        <span className="author">{author.name}</span>
        {author.email ? <span className="email">{author.email}</span> : null}
        {author.ip ? <span className="ip">{author.ip}</span> : null}
        <span className="provider">{author.provider}</span>
        <time dateTime={item.createdAt} title={exactTime(item.createdAt)}>
          {timeAgo(item.createdAt, Date.now())}
        </time>
        {state.filter.status === 'all' ? (
          <span className={`status status-${item.status}`}>{STATUS_LABEL[item.status]}</span>
        ) : null}
      </header>
      <p className="page">
        On{' '}
        {pageUrl ? (
          <a href={pageUrl} target="_blank" rel="noopener noreferrer">
            {page.title || page.url}
          </a>
        ) : (
          page.title || page.url
        )}
      </p>
      {parent ? (
        <p className="parent">
          In reply to {parent.authorName}: {parent.excerpt}
        </p>
      ) : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered and sanitised by the server at write time */}
      <div className="body" dangerouslySetInnerHTML={{ __html: item.html }} />
      {reasons.length > 0 ? (
        <div className="reasons">
          <p id={`${itemId(id)}-reasons`}>Held because:</p>
          <ul aria-labelledby={`${itemId(id)}-reasons`}>
            {reasons.map((r) => (
              <li key={`${r.check}:${r.reason}`}>
                <span className="check">{r.check}</span>: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="actions">
        {actionsFor(item.status).map(([action, label]) => (
          <button key={action} type="button" onClick={() => moderate([id], action)}>
            {label}
          </button>
        ))}
      </div>
    </article>
  );
}
