import { useState } from 'react';
import { ApiError } from '../api.ts';
import { useThread } from '../context.ts';

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
      setStatus(
        `If ${email.trim()} is your address, a link is on its way to it. It works once, within ${expiresInMinutes} minutes, for this site only.`,
      );
    } catch (err) {
      setStatus(
        // The server's own words: the rate limit's wait, a bad address, no email here.
        err instanceof ApiError && (err.status < 500 || err.code === 'email_unavailable')
          ? err.message
          : 'Your request could not be sent. Please try again.',
      );
    }
  }

  return (
    <fieldset className="your-data" data-testid="guest-data">
      <legend>Your data on this site</legend>
      <p>
        Download or delete the comments you wrote here with your email address. We’ll email you a
        link to prove it’s yours. Other sites are not affected.
      </p>
      <label htmlFor="guest-data-email">Your email</label>{' '}
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
        Email me a link
      </button>
      {status && <p role="status">{status}</p>}
    </fieldset>
  );
}
