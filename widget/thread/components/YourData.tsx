import { useState } from 'react';
import type { CommentsOnDeletion } from '../../../contract/reader-data.schema.ts';
import { useThread } from '../context.ts';

/**
 * A signed-in reader's data rights on this site (issue 12): download what
 * Parley holds about them, or delete their account here, their comments
 * kept as "Deleted user" or removed, their choice.
 */
export function YourData() {
  const { api, auth, bootstrap, dispatch } = useThread();
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const { deletion } = bootstrap.privacy;

  async function download() {
    try {
      const data = await api.myData(bootstrap.site);
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = `parley-${bootstrap.site}-my-data.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setStatus('Your data could not be downloaded. Please try again.');
    }
  }

  async function remove(comments: CommentsOnDeletion) {
    try {
      await api.deleteAccount(bootstrap.site, comments);
    } catch {
      setStatus('Your account could not be deleted. Please try again.');
      return;
    }
    await auth.logOut();
    dispatch('signedOut', 'Your account on this site was deleted.');
    dispatch('threadLoaded', await api.listComments(bootstrap.site, bootstrap.page));
  }

  return (
    <div className="your-data" data-testid="your-data">
      <button type="button" className="link-button" onClick={() => void download()}>
        Download my data
      </button>{' '}
      ·{' '}
      <button type="button" className="link-button" onClick={() => setConfirming(true)}>
        Delete my account
      </button>
      {confirming && (
        <fieldset>
          <legend>Delete my account on this site</legend>
          <p>
            Delete your account on this site? Your name, picture and sessions here go. Other sites
            are not affected.
          </p>
          {/* Only what the site's policy allows (its readerDeletion setting). */}
          {deletion !== 'remove' && (
            <button type="button" onClick={() => void remove('anonymise')}>
              Delete, keep my comments as “Deleted user”
            </button>
          )}{' '}
          {deletion !== 'anonymise' && (
            <button type="button" className="danger" onClick={() => void remove('remove')}>
              Delete, and remove my comments
            </button>
          )}{' '}
          <button type="button" className="link-button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </fieldset>
      )}
      {status && <p role="alert">{status}</p>}
    </div>
  );
}
