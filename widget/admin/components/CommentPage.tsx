import { useEffect, useState } from 'react';
import { type QueueItem, RESULT_OF } from '../../../contract/dashboard.ts';
import { ApiError } from '../api.ts';
import { useDashboard } from '../context.ts';
import { authorName, type DashboardKey, exactTime, type Said, say, t, timeAgo } from '../i18n.ts';
import { errorSaid, providerName, sessionEnded } from '../messages.ts';
import type { LinkAction } from '../route.ts';
import { Author, CommentDetails } from './CommentDetails.tsx';
import { STATUS_LABEL } from './QueueEntry.tsx';
import { ViewLink } from './ViewLink.tsx';

const ACTION_LABEL: Record<LinkAction, DashboardKey> = {
  approve: 'comment.approve',
  spam: 'comment.spam',
  trash: 'comment.trash',
};
const LINK_ACTIONS = Object.keys(ACTION_LABEL) as LinkAction[];

/** Whether a site said "not here" (not found, or not one this admin moderates), so the next one is tried. */
function notHere(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.code === 'forbidden');
}

/**
 * One comment, opened from a moderator's email link. The link's action is
 * only offered: loading this page (which mail scanners do) never acts; the
 * signed-in moderator must press the button. The comment's site is the
 * one in `?site=`, else the first of the admin's sites that has it.
 */
export function CommentPage({ id, action }: { id: string; action: LinkAction | null }) {
  const { api, state, dispatch, report } = useDashboard();
  const [item, setItem] = useState<QueueItem | null>(null);
  const [site, setSite] = useState<string | null>(null);
  const [error, setError] = useState<Said | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  function fail(e: unknown) {
    if (sessionEnded(e)) report(e);
    else setError(errorSaid(e));
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: looked up once per comment; choosing its site must not look again
  useEffect(() => {
    let live = true;
    const ids = state.me?.sites.map((s) => s.id) ?? [];
    const order = state.site ? [state.site, ...ids.filter((s) => s !== state.site)] : ids;
    (async () => {
      for (const candidate of order) {
        try {
          const found = await api.getComment(candidate, id);
          if (!live) return;
          setItem(found);
          setSite(candidate);
          dispatch('chooseSite', candidate);
          return;
        } catch (e) {
          if (!live) return;
          if (notHere(e)) continue;
          fail(e);
          return;
        }
      }
      if (live) setError({ key: 'comment.notFound' });
    })();
    return () => {
      live = false;
    };
  }, [api, id]);

  async function act(chosen: LinkAction) {
    if (!site) return;
    setBusy(true);
    setError(null);
    try {
      await api.moderate(site, [id], chosen);
      setItem((i) => i && { ...i, status: RESULT_OF[chosen] });
      setDone(true);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  const offered = action ? [action] : LINK_ACTIONS;
  return (
    <main className="page-body comment-page">
      <h1>{t('comment.heading')}</h1>
      {error ? (
        <p role="alert" className="error">
          {say(error)}
        </p>
      ) : null}
      {!item ? (
        error ? null : (
          <p className="empty">{t('loading')}</p>
        )
      ) : (
        <article
          className="item"
          aria-label={t('item.label', { name: authorName(item.author) })}
          data-testid="comment"
        >
          <header className="meta">
            <Author author={item.author} />
            {item.author.email ? <span className="email">{item.author.email}</span> : null}
            {item.author.ip ? <span className="ip">{item.author.ip}</span> : null}
            <span className="provider">{providerName(item.author.provider)}</span>
            <time dateTime={item.createdAt} title={exactTime(item.createdAt)}>
              {timeAgo(item.createdAt, Date.now())}
            </time>
            <span className={`status status-${item.status}`}>{t(STATUS_LABEL[item.status])}</span>
          </header>
          <CommentDetails item={item} idBase={`comment-${id}`} />
          {done ? null : (
            <div className="actions">
              {offered.map((a) => (
                <button
                  key={a}
                  type="button"
                  className={action ? 'primary' : undefined}
                  disabled={busy}
                  onClick={() => act(a)}
                >
                  {t(ACTION_LABEL[a])}
                </button>
              ))}
            </div>
          )}
        </article>
      )}
      <p role="status">{done ? t('comment.done') : null}</p>
      <p>
        <ViewLink view={{ name: 'queue' }}>{t('comment.back')}</ViewLink>
      </p>
    </main>
  );
}
