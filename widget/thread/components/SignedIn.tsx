import { PROVIDER_NAMES } from '../auth.ts';
import { useThread } from '../context.ts';
import { Later } from '../later.ts';
import type { Session } from '../state.ts';
import { Avatar } from './Avatar.tsx';

// Opened by few readers: off the first render.
const loadYourData = () => import('./YourData.tsx').then((m) => m.YourData);

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
          You are commenting using your {PROVIDER_NAMES[identity.provider]} account. (
          <button type="button" className="link-button" onClick={() => void auth.logOut()}>
            Log Out
          </button>{' '}
          /{' '}
          <button type="button" className="link-button" onClick={auth.change}>
            Change
          </button>
          )
        </p>
        <Later load={loadYourData} props={{}} />
      </div>
    </div>
  );
}
