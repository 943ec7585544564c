import { useState } from 'react';
import type { CommentList } from '../../../contract/api.ts';
import { useThread } from '../context.ts';
import { t } from '../i18n.ts';

/**
 * A button that fetches more of the thread, says so while it does, and
 * offers to try again when it fails. `fetchMore` dispatches what arrived.
 */
function FetchButton({
  label,
  testId,
  fetchMore,
}: {
  label: string;
  testId: string;
  fetchMore: () => Promise<void>;
}) {
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  const run = () => {
    setState('loading');
    fetchMore().then(
      () => setState('idle'),
      () => setState('failed'),
    );
  };
  return (
    <p className="load-more">
      <button
        type="button"
        className="link-button"
        data-testid={testId}
        disabled={state === 'loading'}
        onClick={run}
      >
        {state === 'loading' ? 'Loading…' : label}
      </button>
      {state === 'failed' && (
        <span className="error" role="alert">
          {' '}
          {t('more.failed')}
        </span>
      )}
    </p>
  );
}

/** "Load more comments": the next page of top-level comments, when there is one. */
export function LoadMoreComments() {
  const { api, bootstrap, state, dispatch } = useThread();
  const cursor = state.nextCursor;
  if (!cursor) return null;
  return (
    <FetchButton
      label={t('more.comments')}
      testId="load-more"
      fetchMore={async () =>
        dispatch('appendPage', await api.listComments(bootstrap.site, bootstrap.page, { cursor }))
      }
    />
  );
}

/** "Show N more replies" under a top-level comment whose replies are not all shown. */
export function MoreReplies({ parent }: { parent: string }) {
  const { api, bootstrap, state, dispatch } = useThread();
  const more = state.moreReplies[parent];
  if (!more) return null;
  const label = t('more.replies', { count: more.count });
  return (
    <FetchButton
      label={label}
      testId="more-replies"
      fetchMore={async () => {
        const list: CommentList = await api.listComments(bootstrap.site, bootstrap.page, {
          cursor: more.cursor,
          parent,
        });
        dispatch('appendReplies', { parent, list });
      }}
    />
  );
}
