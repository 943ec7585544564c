import { PROVIDER_NAMES } from '../auth/providers.ts';
import { useThread } from '../context.ts';
import { loadAllWords, t } from '../i18n.ts';
import { Later } from '../later.ts';
import type { Session } from '../state.ts';
import { Avatar } from './Avatar.tsx';

// Opened by few readers: off the first render.
// Its words come with the rest of the reader's language.
const loadYourData = () =>
  Promise.all([import('./YourData.tsx'), loadAllWords()]).then(([m]) => m.YourData);

/** Who the reader is commenting as, in place of the guest fields, with Log Out and Change. */
export function SignedIn({ session }: { session: Session }) {
  const { auth } = useThread();
  const { identity } = session;
  return (
    <div className="signed-in" data-testid="signed-in">
      {/* Keyed: after Change, a new picture gets a fresh chance to load. */}
      <Avatar key={identity.avatarUrl} author={identity} />
      <div>
        <strong className="author">{identity.name}</strong>
        <p>
          {t('signIn.as', { provider: PROVIDER_NAMES[identity.provider] })} (
          <button type="button" className="link-button" onClick={() => void auth.logOut()}>
            {t('signIn.logOut')}
          </button>{' '}
          /{' '}
          <button type="button" className="link-button" onClick={auth.change}>
            {t('signIn.change')}
          </button>
          )
        </p>
        <Later load={loadYourData} props={{}} />
      </div>
    </div>
  );
}
