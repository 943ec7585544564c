/**
 * WordPress.com sign-in: plain OAuth 2 (https://developer.wordpress.com/docs/oauth2/)
 * with scope `auth`, and the profile from GET /rest/v1.1/me.
 */
import { Strategy as OAuth2Strategy } from 'passport-oauth2';
import type { Config } from '../../config.ts';
import type { ProviderProfile } from '../auth.types.ts';
import { ticketStateStore } from './handshake.ts';
import {
  acceptProfile,
  callbackUrl,
  isOAuth2Denial,
  type ProviderStrategy,
  stringField,
} from './provider.ts';

type WordPressConfig = NonNullable<Config['providers']['wordpress']>;

/** Maps GET /rest/v1.1/me onto our profile. */
export function wordpressProfile(me: Record<string, unknown>): ProviderProfile {
  const id = me.ID;
  if (typeof id !== 'number' && typeof id !== 'string') {
    throw new Error('WordPress.com /me answered without an ID');
  }
  const username = stringField(me, 'username');
  return {
    provider: 'wordpress',
    providerUserId: String(id),
    displayName: stringField(me, 'display_name') ?? username ?? 'WordPress.com user',
    username,
    avatarUrl: stringField(me, 'avatar_URL'),
    profileUrl: stringField(me, 'profile_URL'),
    email: stringField(me, 'email'),
  };
}

class WordPressStrategy extends OAuth2Strategy {
  readonly meUrl: string;

  constructor(settings: WordPressConfig, callbackURL: string) {
    super(
      {
        authorizationURL: `${settings.apiUrl}/oauth2/authorize`,
        tokenURL: `${settings.apiUrl}/oauth2/token`,
        clientID: settings.clientId,
        clientSecret: settings.clientSecret,
        callbackURL,
        scope: 'auth',
        state: true,
        store: ticketStateStore(),
      },
      (
        _accessToken: string,
        _refreshToken: string,
        profile: ProviderProfile,
        done: (err: Error | null, user?: ProviderProfile) => void,
      ) => acceptProfile(profile, done),
    );
    this.name = 'wordpress';
    this.meUrl = `${settings.apiUrl}/rest/v1.1/me`;
  }

  override userProfile(accessToken: string, done: (err?: unknown, profile?: unknown) => void) {
    fetch(this.meUrl, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    })
      .then(async (res) => {
        if (!res.ok) throw new Error(`WordPress.com /me answered ${res.status}`);
        done(null, wordpressProfile((await res.json()) as Record<string, unknown>));
      })
      .catch((err: unknown) => done(err));
  }
}

/** The WordPress.com strategy, every endpoint under `settings.apiUrl`. */
export function wordpressProvider(settings: WordPressConfig, config: Config): ProviderStrategy {
  return {
    id: 'wordpress',
    strategy: new WordPressStrategy(settings, callbackUrl(config, 'wordpress')),
    // WordPress.com has no account-chooser parameter; Change just signs in again.
    startOptions: () => ({}),
    isDenial: isOAuth2Denial,
  };
}
