import { useDashboard } from '../context.ts';
import { errorMessage } from '../messages.ts';

/** Who is signed in, which site (a picker when there are several), the sections, Sign out. */
export function Header() {
  const { api, state, dispatch } = useDashboard();
  const sites = state.me?.sites ?? [];

  function signOut() {
    api.logout().then(
      () => dispatch('signedOut', 'You have signed out.'),
      (error: unknown) => dispatch('failed', errorMessage(error)),
    );
  }

  return (
    <header className="top">
      <p className="brand">Parley</p>
      {sites.length > 1 ? (
        <label className="site-picker">
          Site{' '}
          <select
            value={state.site ?? ''}
            onChange={(event) => dispatch('chooseSite', event.currentTarget.value)}
          >
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name || s.id}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p className="site-name">{sites[0]?.name || sites[0]?.id || 'No sites yet'}</p>
      )}
      <nav aria-label="Dashboard" className="sections">
        <ul>
          <li aria-current="page">Moderation</li>
          {/* Settings, Bans and Moderators join here once their endpoints exist (issue 5). */}
        </ul>
      </nav>
      <p className="who">{state.me?.email}</p>
      <button type="button" onClick={signOut}>
        Sign out
      </button>
    </header>
  );
}
