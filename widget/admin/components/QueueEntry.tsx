import { useState } from 'react';
import type { CommentStatus, ModerationAction, QueueItem } from '../../../contract/dashboard.ts';
import { useDashboard } from '../context.ts';
import { authorName, type DashboardKey, exactTime, t, timeAgo } from '../i18n.ts';
import { providerName } from '../messages.ts';
import { Author, CommentDetails } from './CommentDetails.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';

export const STATUS_LABEL: Record<CommentStatus, DashboardKey> = {
  pending: 'status.pending',
  spam: 'status.spam',
  approved: 'status.approved',
  trash: 'status.trash',
};

/** The buttons an item offers: not the one that leaves it as it is, and Restore out of spam or trash. */
function actionsFor(status: CommentStatus): [ModerationAction, DashboardKey][] {
  const all: [ModerationAction, DashboardKey, CommentStatus][] = [
    ['approve', 'item.approve', 'approved'],
    ['spam', 'item.spam', 'spam'],
    ['trash', 'item.trash', 'trash'],
  ];
  const offered = all
    .filter(([, , to]) => to !== status)
    .map(([a, l]): [ModerationAction, DashboardKey] => [a, l]);
  return status === 'spam' || status === 'trash'
    ? [...offered, ['restore', 'item.restore']]
    : offered;
}

/** The element id of a queue item (for scrolling it into view). */
export function itemId(commentId: string): string {
  return `queue-item-${commentId}`;
}

/** One comment in the queue: who, where, in reply to what, why it was held, and what to do. */
export function QueueEntry({ item }: { item: QueueItem }) {
  const { api, state, dispatch, moderate, report } = useDashboard();
  const { id, author } = item;
  const current = state.current === id;
  const selected = state.selected.includes(id);
  const [banning, setBanning] = useState(false);

  // Not applied ahead of the answer (unlike approve/spam/trash): the server says whom it banned.
  function ban() {
    const site = state.site;
    if (!site) return;
    setBanning(true);
    api.ban(site, id).then(
      ({ banned }) => dispatch('banned', { id, label: banned.label }),
      (error: unknown) => {
        setBanning(false);
        report(error);
      },
    );
  }

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: j/k are the keyboard's way to the current item.
    <article
      id={itemId(id)}
      data-testid="queue-item"
      data-current={current ? 'true' : undefined}
      aria-current={current ? 'true' : undefined}
      aria-label={t('item.label', { name: authorName(author) })}
      className={`item${selected ? ' selected' : ''}`}
      onClick={() => dispatch('setCurrent', id)}
    >
      <header className="meta">
        <input
          type="checkbox"
          aria-label={t('item.select')}
          checked={selected}
          onChange={() => dispatch('toggleSelect', id)}
        />
        <Author author={author} />
        {author.email ? <span className="email">{author.email}</span> : null}
        {author.ip ? <span className="ip">{author.ip}</span> : null}
        <span className="provider">{providerName(author.provider)}</span>
        <time dateTime={item.createdAt} title={exactTime(item.createdAt)}>
          {timeAgo(item.createdAt, Date.now())}
        </time>
        {state.filter.status === 'all' ? (
          <span className={`status status-${item.status}`}>{t(STATUS_LABEL[item.status])}</span>
        ) : null}
      </header>
      <CommentDetails item={item} idBase={itemId(id)} />
      <div className="actions">
        {actionsFor(item.status).map(([action, label]) => (
          <button key={action} type="button" onClick={() => moderate([id], action)}>
            {t(label)}
          </button>
        ))}
        {/* Nobody is behind it: nothing left to ban (the server would refuse). */}
        {author.deleted ? null : (
          <ConfirmButton
            label={t('item.ban')}
            question={t('item.banQuestion', { name: author.name })}
            confirm={t('item.banConfirm')}
            busy={banning}
            onConfirm={ban}
          />
        )}
      </div>
    </article>
  );
}
