/**
 * Twitter/X sign-in: OAuth 1.0a through passport-twitter
 * (https://docs.x.com/resources/fundamentals/authentication/oauth-1-0a/obtaining-user-access-tokens).
 */
import { Strategy as TwitterStrategy } from 'passport-twitter';
import type { Config } from '../../config.ts';
import type { ProviderProfile } from '../auth.types.ts';
import { ticketRequestTokenStore } from './handshake.ts';
import { acceptProfile, callbackUrl, type ProviderStrategy, stringField } from './provider.ts';

type TwitterConfig = NonNullable<Config['providers']['twitter']>;

/** The signed-request client (the `oauth` package) passport-oauth1 keeps in `_oauth`. */
interface OAuth1Client {
  get(
    url: string,
    token: string,
    tokenSecret: string,
    cb: (err: { statusCode: number; data?: unknown } | null, body?: string | Buffer) => void,
  ): void;
}

/** Maps GET /2/users/me's `data` onto our profile. */
export function twitterProfile(data: Record<string, unknown>): ProviderProfile {
  const id = stringField(data, 'id');
  const username = stringField(data, 'username');
  if (!id || !username) throw new Error('X /2/users/me answered without id or username');
  return {
    provider: 'twitter',
    providerUserId: id,
    displayName: stringField(data, 'name') ?? username,
    username,
    avatarUrl: stringField(data, 'profile_image_url'),
    // v2's `url` is the website in the reader's bio, not their profile.
    profileUrl: `https://x.com/${encodeURIComponent(username)}`,
    // X hands out email addresses only to apps with elevated access.
    email: null,
  };
}

class ParleyTwitterStrategy extends TwitterStrategy {
  readonly meUrl: string;

  constructor(settings: TwitterConfig, callbackURL: string) {
    const options = {
      consumerKey: settings.consumerKey,
      consumerSecret: settings.consumerSecret,
      callbackURL,
      requestTokenURL: `${settings.apiUrl}/oauth/request_token`,
      accessTokenURL: `${settings.apiUrl}/oauth/access_token`,
      userAuthorizationURL: `${settings.apiUrl}/oauth/authenticate`,
      // passport-oauth1's option (missing from @types/passport-twitter): the
      // request token secret goes into the ticket, not a session.
      requestTokenStore: ticketRequestTokenStore(),
    };
    super(options, (_token, _tokenSecret, profile, done) =>
      acceptProfile(profile as unknown as ProviderProfile, done),
    );
    this.meUrl = `${settings.apiUrl}/2/users/me?user.fields=profile_image_url,name,username,url`;
  }

  /**
   * Replaces passport-twitter's profile call: it asks v1.1
   * account/verify_credentials.json, which X refuses to Free and Basic tier
   * apps (403, error code 453). GET /2/users/me signed with the user's token
   * works on every tier.
   */
  userProfile(
    token: string,
    tokenSecret: string,
    _params: unknown,
    done: (err: Error | null, profile?: ProviderProfile) => void,
  ): void {
    const oauth = (this as unknown as { _oauth: OAuth1Client })._oauth;
    oauth.get(this.meUrl, token, tokenSecret, (err, body) => {
      if (err) {
        done(new Error(`X /2/users/me answered ${err.statusCode}`));
        return;
      }
      try {
        const json = JSON.parse(String(body)) as { data?: Record<string, unknown> };
        done(null, twitterProfile(json.data ?? {}));
      } catch (parseError) {
        done(parseError as Error);
      }
    });
  }
}

/** The Twitter/X strategy, every endpoint under `settings.apiUrl`. */
export function twitterProvider(settings: TwitterConfig, config: Config): ProviderStrategy {
  return {
    id: 'twitter',
    strategy: new ParleyTwitterStrategy(settings, callbackUrl(config, 'twitter')),
    // https://docs.x.com/resources/fundamentals/authentication/api-reference#get-oauth-authenticate
    startOptions: (ticket) => (ticket.change ? { forceLogin: true } : {}),
    // On Cancel, X sends the reader back with `?denied=<request token>`.
    isDenial: (req) => typeof req.query.denied === 'string',
  };
}
