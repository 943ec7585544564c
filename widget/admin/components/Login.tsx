import { type FormEvent, useId, useState } from 'react';
import { useDashboard } from '../context.ts';
import { errorMessage } from '../messages.ts';

/** Email + password sign-in; a wrong pair or too many tries is said in a role=alert line. */
export function Login() {
  const { api, state, dispatch } = useDashboard();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
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
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <h1>Parley</h1>
      <form onSubmit={submit} aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Sign in to moderate</h2>
        {state.notice && !error ? <p role="status">{state.notice}</p> : null}
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="username"
          required
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <button type="submit" className="primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
