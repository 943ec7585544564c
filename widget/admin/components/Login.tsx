import { type FormEvent, useId, useState } from 'react';
import { useDashboard } from '../context.ts';
import { type Said, say, t } from '../i18n.ts';
import { errorSaid } from '../messages.ts';
import { LanguagePicker } from './LanguagePicker.tsx';

/** Email + password sign-in; a wrong pair or too many tries is said in a role=alert line. */
export function Login() {
  const { api, state, dispatch } = useDashboard();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.login(email, password);
      dispatch('signedIn', await api.me());
    } catch (e) {
      setError(errorSaid(e));
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <div className="login-top">
        <h1>Parley</h1>
        <LanguagePicker />
      </div>
      <form onSubmit={submit} aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('login.heading')}</h2>
        {state.notice && !error ? <p role="status">{say(state.notice)}</p> : null}
        {error ? (
          <p role="alert" className="error">
            {say(error)}
          </p>
        ) : null}
        <label htmlFor={`${id}-email`}>{t('login.email')}</label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="username"
          required
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <label htmlFor={`${id}-password`}>{t('login.password')}</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
