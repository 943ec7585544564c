import { type FormEvent, useId, useState } from 'react';
import type { CommentsOnDeletion } from '../../../contract/reader-data.schema.ts';
import { ApiError } from '../api.ts';
import { useDashboard } from '../context.ts';
import { type Said, say, t } from '../i18n.ts';
import { errorSaid, sessionEnded } from '../messages.ts';

/**
 * Erasure on request (owners; issue 12): everything of one email or one
 * identity on this site, their comments removed or kept as "Deleted user".
 */
export function EraseAuthor() {
  const { api, state, report } = useDashboard();
  const [who, setWho] = useState('');
  const [comments, setComments] = useState<CommentsOnDeletion>('remove');
  const [status, setStatus] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function erase(event: FormEvent) {
    event.preventDefault();
    const site = state.site;
    const value = who.trim();
    if (!site || !value) return;
    setBusy(true);
    try {
      const target = value.includes('@') ? { email: value } : { identityId: value };
      const result = await api.eraseAuthor(site, { ...target, comments });
      setStatus({
        key: comments === 'remove' ? 'erase.removed' : 'erase.kept',
        params: { who: value, count: result.affected },
      });
      setWho('');
    } catch (e) {
      if (sessionEnded(e)) report(e);
      else if (e instanceof ApiError && e.code === 'author_unknown')
        setStatus({ key: 'erase.unknown' });
      else if (e instanceof ApiError && e.code === 'invalid_body')
        setStatus({ key: 'erase.invalid' });
      else setStatus(errorSaid(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="erase-author" onSubmit={erase} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('erase.heading')}</h2>
      <p className="hint">{t('erase.hint')}</p>
      <label htmlFor={`${id}-who`}>{t('erase.who')}</label>
      <input
        id={`${id}-who`}
        required
        autoComplete="off"
        value={who}
        onInput={(e) => setWho(e.currentTarget.value)}
      />
      <label htmlFor={`${id}-comments`}>{t('erase.comments')}</label>
      <select
        id={`${id}-comments`}
        value={comments}
        onChange={(e) => setComments(e.currentTarget.value as CommentsOnDeletion)}
      >
        <option value="remove">{t('erase.remove')}</option>
        <option value="anonymise">{t('erase.anonymise')}</option>
      </select>
      <button type="submit" className="danger" disabled={busy}>
        {t('erase.submit')}
      </button>
      <p role="status">{status ? say(status) : null}</p>
    </form>
  );
}
