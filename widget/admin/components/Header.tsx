import { useDashboard } from '../context.ts';
import { t } from '../i18n.ts';
import { errorSaid } from '../messages.ts';
import { LanguagePicker } from './LanguagePicker.tsx';
import { ViewLink } from './ViewLink.tsx';

/** The role the signed-in admin has on the site being shown. */
export function useRole() {
  const { state } = useDashboard();
  return state.me?.sites.find((s) => s.id === state.site)?.role ?? null;
}

/** Who is signed in, which site (a picker when there are several), the sections, language, Sign out. */
export function Header() {
  const { api, state, dispatch } = useDashboard();
  const sites = state.me?.sites ?? [];
  const owner = useRole() === 'owner';
  const on = state.view.name;

  function signOut() {
    api.logout().then(
      () => dispatch('signedOut', { key: 'login.signedOut' }),
      (error: unknown) => dispatch('failed', errorSaid(error)),
    );
  }

  return (
    <header className="top">
      <p className="brand">Parley</p>
      {sites.length > 1 ? (
        <label className="site-picker">
          {t('header.site')}{' '}
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
        <p className="site-name">{sites[0]?.name || sites[0]?.id || t('header.noSites')}</p>
      )}
      <nav aria-label={t('header.nav')} className="sections">
        <ul>
          <li>
            <ViewLink view={{ name: 'queue' }} current={on === 'queue'}>
              {t('header.moderation')}
            </ViewLink>
          </li>
          <li>
            <ViewLink view={{ name: 'settings' }} current={on === 'settings'}>
              {t('header.settings')}
            </ViewLink>
          </li>
          {owner ? (
            <li>
              <ViewLink view={{ name: 'moderators' }} current={on === 'moderators'}>
                {t('header.moderators')}
              </ViewLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <p className="who">{state.me?.email}</p>
      <LanguagePicker />
      <button type="button" onClick={signOut}>
        {t('header.signOut')}
      </button>
    </header>
  );
}
