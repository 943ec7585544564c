import { type FormEvent, useId, useState } from 'react';
import type { CommentsOnDeletion } from '../../../contract/reader-data.schema.ts';
import { ApiError } from '../api.ts';
import { useDashboard } from '../context.ts';
import { errorMessage, sessionEnded } from '../messages.ts';

/**
 * Erasure on request (owners; issue 12): everything of one email or one
 * identity on this site, their comments removed or kept as "Deleted user".
 */
export function EraseAuthor() {
  const { api, state, report } = useDashboard();
  const [who, setWho] = useState('');
  const [comments, setComments] = useState<CommentsOnDeletion>('remove');
  const [status, setStatus] = useState<string | null>(null);
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
      setStatus(
        `Erased ${value}: ${result.affected} comment${result.affected === 1 ? '' : 's'} ${comments === 'remove' ? 'removed' : 'kept as “Deleted user”'}.`,
      );
      setWho('');
    } catch (e) {
      if (sessionEnded(e)) report(e);
      else if (e instanceof ApiError && e.code === 'author_unknown')
        setStatus('No reader with that identity has commented on this site.');
      else if (e instanceof ApiError && e.code === 'invalid_body')
        setStatus('Enter an email address or an identity id.');
      else setStatus(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="erase-author" onSubmit={erase} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Erase a reader’s data</h2>
      <p className="hint">
        Everything of one email address (guest comments, and a signed-in reader with that email) or
        one identity, on this site only.
      </p>
      <label htmlFor={`${id}-who`}>Email or identity id</label>
      <input
        id={`${id}-who`}
        required
        autoComplete="off"
        value={who}
        onInput={(e) => setWho(e.currentTarget.value)}
      />
      <label htmlFor={`${id}-comments`}>Their comments</label>
      <select
        id={`${id}-comments`}
        value={comments}
        onChange={(e) => setComments(e.currentTarget.value as CommentsOnDeletion)}
      >
        <option value="remove">Remove them</option>
        <option value="anonymise">Keep them as “Deleted user”</option>
      </select>
      <button type="submit" className="danger" disabled={busy}>
        Erase
      </button>
      <p role="status">{status}</p>
    </form>
  );
}
