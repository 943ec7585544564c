import { useState } from 'react';
import type { CommentsOnDeletion } from '../../../contract/reader-data.schema.ts';
import { useThread } from '../context.ts';
import { t } from '../i18n.ts';

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
      setStatus(t('data.downloadFailed'));
    }
  }

  async function remove(comments: CommentsOnDeletion) {
    try {
      await api.deleteAccount(bootstrap.site, comments);
    } catch {
      setStatus(t('data.deleteFailed'));
      return;
    }
    await auth.logOut();
    dispatch('signedOut', t('data.deleted'));
    dispatch('threadLoaded', await api.listComments(bootstrap.site, bootstrap.page));
  }

  return (
    <div className="your-data" data-testid="your-data">
      <button type="button" className="link-button" onClick={() => void download()}>
        {t('data.download')}
      </button>{' '}
      ·{' '}
      <button type="button" className="link-button" onClick={() => setConfirming(true)}>
        {t('data.delete')}
      </button>
      {confirming && (
        <fieldset>
          <legend>{t('data.deleteTitle')}</legend>
          <p>{t('data.deleteExplain')}</p>
          {/* Only what the site's policy allows (its readerDeletion setting). */}
          {deletion !== 'remove' && (
            <button type="button" onClick={() => void remove('anonymise')}>
              {t('data.deleteKeep')}
            </button>
          )}{' '}
          {deletion !== 'anonymise' && (
            <button type="button" className="danger" onClick={() => void remove('remove')}>
              {t('data.deleteRemove')}
            </button>
          )}{' '}
          <button type="button" className="link-button" onClick={() => setConfirming(false)}>
            {t('edit.cancel')}
          </button>
        </fieldset>
      )}
      {status && <p role="alert">{status}</p>}
    </div>
  );
}
