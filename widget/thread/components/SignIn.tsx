import { PROVIDER_NAMES } from '../auth/providers.ts';
import { useThread } from '../context.ts';
import { t } from '../i18n.ts';
import { ProviderIcon } from './ProviderIcon.tsx';

/**
 * The provider buttons of the guest form (only providers the server has
 * credentials for), "Connecting to …" while a sign-in runs, and how the last
 * one ended. The guest fields stay usable throughout.
 * `beforeSignIn` runs first in the click (the form saves its draft there).
 */
export function SignIn({ beforeSignIn }: { beforeSignIn: () => void }) {
  const { bootstrap, state, auth } = useThread();
  const { signingIn, authMessage } = state;
  if (bootstrap.providers.length === 0) return null;
  return (
    <div className="sign-in">
      {signingIn ? (
        <p className="sign-in-status" role="status">
          <span>{t('signIn.connecting', { provider: PROVIDER_NAMES[signingIn.provider] })}</span>{' '}
          <button type="button" className="link-button" onClick={auth.cancel}>
            {t('signIn.cancel')}
          </button>
        </p>
      ) : (
        <div className="providers">
          {bootstrap.providers.map((provider) => {
            const label = t('signIn.logInWith', { provider: PROVIDER_NAMES[provider] });
            return (
              <button
                key={provider}
                type="button"
                className="provider"
                aria-label={label}
                title={label}
                onPointerEnter={auth.prefetch}
                onFocus={auth.prefetch}
                onClick={() => {
                  beforeSignIn();
                  auth.signIn(provider);
                }}
              >
                <ProviderIcon provider={provider} />
              </button>
            );
          })}
        </div>
      )}
      {authMessage && !signingIn && (
        <p className="auth-message" role="status">
          {authMessage}
        </p>
      )}
    </div>
  );
}
