/**
 * Facebook Login through passport-facebook, pinned to Graph API v25.0
 * (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow).
 */
import type { Profile } from 'passport';
import { Strategy as FacebookStrategy } from 'passport-facebook';
import type { Config } from '../../config.ts';
import type { ProviderProfile } from '../auth.types.ts';
import { ticketStateStore } from './handshake.ts';
import { acceptProfile, callbackUrl, isOAuth2Denial, type ProviderStrategy } from './provider.ts';

export const FACEBOOK_GRAPH_VERSION = 'v25.0';

type FacebookConfig = NonNullable<Config['providers']['facebook']>;

/** Maps passport-facebook's profile onto ours. */
export function facebookProfile(profile: Profile): ProviderProfile {
  const fullName = [profile.name?.givenName, profile.name?.familyName].filter(Boolean).join(' ');
  return {
    provider: 'facebook',
    // An app-scoped user id: the same one a data deletion request names.
    providerUserId: profile.id,
    displayName: profile.displayName || fullName || 'Facebook user',
    // Facebook no longer hands usernames, profile links or (without the email
    // permission, which we don't ask for) email addresses to apps.
    username: null,
    avatarUrl: profile.photos?.[0]?.value ?? null,
    profileUrl: null,
    email: null,
  };
}

/** The Facebook strategy: dialog on `wwwUrl`, token and /me on `graphUrl`. */
export function facebookProvider(settings: FacebookConfig, config: Config): ProviderStrategy {
  const graph = `${settings.graphUrl}/${FACEBOOK_GRAPH_VERSION}`;
  const strategy = new FacebookStrategy(
    {
      clientID: settings.appId,
      clientSecret: settings.appSecret,
      callbackURL: callbackUrl(config, 'facebook'),
      graphAPIVersion: FACEBOOK_GRAPH_VERSION,
      authorizationURL: `${settings.wwwUrl}/${FACEBOOK_GRAPH_VERSION}/dialog/oauth`,
      tokenURL: `${graph}/oauth/access_token`,
      profileURL: `${graph}/me`,
      // 'displayName' asks for `name` (the full name); 'name' only brings its
      // parts, so without 'displayName' passport-facebook yields none.
      profileFields: ['id', 'displayName', 'name', 'picture'],
      // appsecret_proof on every Graph call, as "Require App Secret" demands.
      enableProof: true,
      state: true,
      store: ticketStateStore(),
    },
    (_accessToken: string, _refreshToken: string, profile: Profile, done) =>
      acceptProfile(facebookProfile(profile), done),
  );
  return {
    id: 'facebook',
    strategy,
    // https://developers.facebook.com/docs/facebook-login/reauthentication/
    startOptions: (ticket) => (ticket.change ? { authType: 'reauthenticate' } : {}),
    isDenial: isOAuth2Denial,
  };
}
