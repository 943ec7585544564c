import { useState } from 'react';
import { ApiError } from '../api.ts';
import { useThread } from '../context.ts';
import { t } from '../i18n.ts';

/**
 * The open panel of a guest's data rights on this site (issue 12): they give their email and
 * Parley mails a link that proves they own it; the link opens Parley's own
 * page with the download and delete choices. The answer says nothing of
 * whether the address has comments here. Not a <form>: it sits inside the
 * comment form, and forms don't nest.
 */
export function GuestDataPanel() {
  const { api, bootstrap, state } = useThread();
  const [email, setEmail] = useState(state.author.email);
  const [status, setStatus] = useState('');

  async function ask() {
    setStatus('');
    try {
      const { expiresInMinutes } = await api.requestGuestData(bootstrap.site, email.trim());
      setStatus(t('data.sent', { email: email.trim(), count: expiresInMinutes }));
    } catch (err) {
      setStatus(
        // The server's own words: the rate limit's wait, a bad address, no email here.
        err instanceof ApiError && (err.status < 500 || err.code === 'email_unavailable')
          ? err.message
          : t('data.sendFailed'),
      );
    }
  }

  return (
    <fieldset className="your-data" data-testid="guest-data">
      <legend>{t('data.open')}</legend>
      <p>{t('data.explain')}</p>
      <label htmlFor="guest-data-email">{t('data.email')}</label>{' '}
      <input
        id="guest-data-email"
        type="email"
        autoComplete="email"
        value={email}
        onInput={(event) => setEmail(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void ask();
          }
        }}
      />{' '}
      <button type="button" onClick={() => void ask()}>
        {t('data.send')}
      </button>
      {status && <p role="status">{status}</p>}
    </fieldset>
  );
}
