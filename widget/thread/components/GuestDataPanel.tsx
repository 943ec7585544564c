import { useState } from 'react';
import { ApiError } from '../api.ts';
import { useThread } from '../context.ts';
import { t } from '../i18n.ts';

/**
 * The reader's words for a refused request, by code and field, never the
 * server's English message (issue 11). The limit is per hour: its wait is
 * said in minutes.
 */
function refusalText({ code, field, retryAfter }: ApiError, email: string): string {
  if (code === 'rate_limited')
    return t('data.tooMany', { count: Math.ceil((retryAfter ?? 60) / 60) });
  if (code === 'invalid_body' && field === 'email')
    return t(email.trim() ? 'field.email.invalid' : 'field.email.missing');
  if (code === 'email_unavailable') return t('data.noEmail');
  if (code === 'unknown_site') return t('error.unknownSite');
  return t('data.sendFailed');
}

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
      setStatus(err instanceof ApiError ? refusalText(err, email) : t('data.sendFailed'));
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
