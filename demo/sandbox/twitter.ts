/**
 * A sandbox Twitter/X: the OAuth 1.0a provider of
 * https://developer.x.com/en/docs/authentication/oauth-1-0a and the profile
 * endpoints, enough for the real `passport-twitter` strategy to sign a reader
 * in with only its URLs pointed here. Signatures (HMAC-SHA1), nonces and
 * timestamps are checked as Twitter does.
 *
 *   POST /oauth/request_token                 signed, oauth_callback in the header
 *   GET  /oauth/authenticate, /oauth/authorize  consent page (POST: its form)
 *   POST /oauth/access_token                  signed with the request token, oauth_verifier
 *   GET  /1.1/account/verify_credentials.json 403 code 453, as X answers low-tier apps
 *   GET  /2/users/me?user.fields=...          signed with the access token
 *   GET  /avatars/:id.png
 *
 * State lives in memory: a sandbox is for tests and the offline demo.
 */
import { randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import {
  avatarPng,
  type ConsentBranding,
  renderConsentPage,
  renderErrorPage,
  type SandboxUser,
  sendProviderPage,
} from './consent-page.ts';
import { createOAuth1Verifier, type OAuth1Failure } from './oauth1.ts';

export interface TwitterSandboxOptions {
  consumerKey: string;
  consumerSecret: string;
  /** Sample accounts on the consent page; ids are digit strings, as Twitter's are. */
  users?: readonly SandboxUser[];
}

export const TWITTER_SAMPLE_USERS: readonly SandboxUser[] = [
  { id: '1001', name: 'Ada Lovelace', username: 'ada' },
  { id: '1002', name: 'Grace Hopper', username: 'grace' },
  { id: '1003', name: 'Alan Turing', username: 'alan' },
];

/** Request tokens (and so the consent page) live 10 minutes. */
export const REQUEST_TOKEN_LIFETIME_MS = 10 * 60_000;

const branding: ConsentBranding = { provider: 'Twitter', accent: '#1d9bf0', denyLabel: 'Cancel' };

// X returns this for GET 1.1/account/verify_credentials.json to Free/Basic-tier apps.
const LIMITED_V1_ERROR = {
  errors: [
    {
      message:
        'You currently have access to a subset of X API V2 endpoints and limited v1.1 endpoints (e.g. media post, oauth) only. If you need access to this endpoint, you may need a different access level. You can learn more here: https://developer.x.com/en/portal/product',
      code: 453,
    },
  ],
};

// Twitter's answers to a request it can't authenticate (v1.1 error codes).
const authErrors: Record<OAuth1Failure, { code: number; message: string }> = {
  missing_credentials: { code: 215, message: 'Bad Authentication data.' },
  unsupported_signature_method: { code: 32, message: 'Could not authenticate you.' },
  unknown_consumer: { code: 32, message: 'Could not authenticate you.' },
  timestamp_out_of_bounds: { code: 135, message: 'Timestamp out of bounds.' },
  unknown_token: { code: 89, message: 'Invalid or expired token.' },
  bad_signature: { code: 32, message: 'Could not authenticate you.' },
  nonce_reused: { code: 32, message: 'Could not authenticate you.' },
};

interface RequestToken {
  secret: string;
  callback: string;
  /** The consent page's hidden `request` value: only a page we rendered can answer. */
  consentId: string;
  expiresAt: number;
  /** Set once the reader chose an account. */
  verifier?: string;
  userId?: string;
}

interface AccessToken {
  secret: string;
  userId: string;
}

const randomToken = (bytes = 24) => randomBytes(bytes).toString('base64url');

function stringParam(source: unknown, name: string): string | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  const value = (source as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The sandbox Twitter, to mount under a prefix (`app.use('/twitter', ...)`).
 * Point passport-twitter's `requestTokenURL`, `accessTokenURL`,
 * `userAuthorizationURL` and `userProfileURL` at it.
 */
export function twitterSandbox(options: TwitterSandboxOptions): Router {
  const users = options.users ?? TWITTER_SAMPLE_USERS;
  const usersById = new Map(users.map((u) => [u.id, u]));
  const requestTokens = new Map<string, RequestToken>();
  const consents = new Map<string, string>(); // consent id → request token
  const accessTokens = new Map<string, AccessToken>();
  const verify = createOAuth1Verifier({
    consumerSecret: (key) => (key === options.consumerKey ? options.consumerSecret : undefined),
  });
  const router = express.Router();
  // The signature covers the form body's exact parameters, so keep it raw.
  const rawForm = express.text({ type: 'application/x-www-form-urlencoded' });

  const liveRequestToken = (token: string): RequestToken | undefined => {
    const now = Date.now();
    for (const [t, entry] of requestTokens) {
      if (entry.expiresAt <= now) {
        requestTokens.delete(t);
        consents.delete(entry.consentId);
      }
    }
    return requestTokens.get(token);
  };

  const dropRequestToken = (token: string) => {
    const entry = requestTokens.get(token);
    if (entry) consents.delete(entry.consentId);
    requestTokens.delete(token);
  };

  const authFailure = (res: Response, failure: OAuth1Failure) => {
    res
      .status(401)
      .set('Cache-Control', 'no-store')
      .json({ errors: [authErrors[failure]] });
  };

  const formEncoded = (res: Response, params: Record<string, string>) => {
    res
      .set('Cache-Control', 'no-store')
      .type('application/x-www-form-urlencoded')
      .send(new URLSearchParams(params).toString());
  };

  const avatarUrl = (req: Request, user: SandboxUser) =>
    `${req.protocol}://${req.get('host')}${req.baseUrl}/avatars/${encodeURIComponent(user.id)}.png`;

  const errorPage = (res: Response, status: number, message: string) =>
    sendProviderPage(res, status, renderErrorPage(branding, message));

  // Step 1: the consumer asks for a request token, naming its callback.
  router.post('/oauth/request_token', rawForm, (req, res) => {
    const result = verify(req, () => undefined);
    if (!result.ok) return authFailure(res, result.failure);
    const callback = result.request.oauth.get('oauth_callback');
    if (!callback || (callback !== 'oob' && !URL.canParse(callback))) {
      // Twitter: 417 "Desktop applications only support the oauth_callback value 'oob'".
      res.status(400).json({ errors: [{ code: 32, message: 'Invalid oauth_callback.' }] });
      return;
    }
    const token = randomToken();
    const secret = randomToken(32);
    liveRequestToken(token); // sweeps expired entries
    const consentId = randomToken();
    requestTokens.set(token, {
      secret,
      callback,
      consentId,
      expiresAt: Date.now() + REQUEST_TOKEN_LIFETIME_MS,
    });
    consents.set(consentId, token);
    formEncoded(res, {
      oauth_token: token,
      oauth_token_secret: secret,
      oauth_callback_confirmed: 'true',
    });
  });

  // Step 2: the reader's browser lands on the account chooser. Twitter's
  // /authenticate skips it for a reader who already approved the app; the
  // sandbox always shows it, so `force_login` changes nothing but is shown.
  const showConsent = (req: Request, res: Response) => {
    const token = stringParam(req.query, 'oauth_token');
    const entry = token === undefined ? undefined : liveRequestToken(token);
    if (!entry) {
      errorPage(res, 400, 'This sign-in request has expired or was never made. Start again.');
      return;
    }
    const notices = [];
    const forceLogin = stringParam(req.query, 'force_login');
    if (forceLogin !== undefined) {
      notices.push({ testId: 'force-login', text: `force_login=${forceLogin}` });
    }
    const screenName = stringParam(req.query, 'screen_name');
    if (screenName !== undefined) {
      notices.push({ testId: 'screen-name', text: `screen_name=${screenName}` });
    }
    const html = renderConsentPage({
      branding,
      action: `${req.baseUrl}${req.path}`,
      requestId: entry.consentId,
      users,
      notices,
      avatarUrl: (user) => avatarUrl(req, user),
    });
    sendProviderPage(res, 200, html);
  };

  // The chooser's answer: back to the consumer's callback with a verifier, or
  // `?denied=<request token>` as Twitter sends.
  const answerConsent = (req: Request, res: Response) => {
    const consentId = stringParam(req.body, 'request');
    const token = consentId === undefined ? undefined : consents.get(consentId);
    const entry = token === undefined ? undefined : liveRequestToken(token);
    if (token === undefined || !entry || entry.verifier !== undefined) {
      errorPage(res, 400, 'This sign-in request has expired or was never made. Start again.');
      return;
    }
    const decision = stringParam(req.body, 'decision');
    const user = decision === undefined ? undefined : usersById.get(decision);
    if (decision !== 'deny' && !user) {
      errorPage(res, 400, 'Choose one of the accounts on the sign-in page.');
      return;
    }
    consents.delete(entry.consentId);
    let params: Record<string, string>;
    if (!user) {
      dropRequestToken(token);
      params = { denied: token };
    } else {
      entry.verifier = randomToken();
      entry.userId = user.id;
      params = { oauth_token: token, oauth_verifier: entry.verifier };
    }
    if (entry.callback === 'oob') {
      errorPage(res, 200, user ? `Your PIN: ${entry.verifier}` : 'Sign-in was cancelled.');
      return;
    }
    const target = new URL(entry.callback);
    for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
    res.set('Cache-Control', 'no-store').redirect(302, target.href);
  };

  for (const path of ['/oauth/authenticate', '/oauth/authorize']) {
    router.get(path, showConsent);
    router.post(path, express.urlencoded({ extended: false }), answerConsent);
  }

  // Step 3: the consumer trades the authorised request token for an access
  // token. A request token is good for one exchange, right verifier or not.
  router.post('/oauth/access_token', rawForm, (req, res) => {
    const result = verify(req, (token) => liveRequestToken(token)?.secret);
    if (!result.ok) return authFailure(res, result.failure);
    const token = result.request.token;
    const entry = token === undefined ? undefined : requestTokens.get(token);
    if (token === undefined || !entry) return authFailure(res, 'unknown_token');
    dropRequestToken(token);
    const verifier = result.request.oauth.get('oauth_verifier');
    const user = entry.userId === undefined ? undefined : usersById.get(entry.userId);
    if (!user || entry.verifier === undefined || verifier !== entry.verifier) {
      res
        .status(401)
        .set('Cache-Control', 'no-store')
        .json({
          errors: [{ code: 32, message: 'Invalid oauth_verifier parameter.' }],
        });
      return;
    }
    const accessToken = `${user.id}-${randomToken()}`; // Twitter's tokens start with the user id
    const secret = randomToken(32);
    accessTokens.set(accessToken, { secret, userId: user.id });
    formEncoded(res, {
      oauth_token: accessToken,
      oauth_token_secret: secret,
      user_id: user.id,
      screen_name: user.username,
    });
  });

  // Requests made with an access token (user context).
  const authenticatedUser = (req: Request, res: Response): SandboxUser | undefined => {
    const result = verify(req, (token) => accessTokens.get(token)?.secret);
    if (!result.ok) {
      authFailure(res, result.failure);
      return undefined;
    }
    const entry = result.request.token ? accessTokens.get(result.request.token) : undefined;
    const user = entry ? usersById.get(entry.userId) : undefined;
    if (!user) authFailure(res, 'unknown_token');
    return user;
  };

  router.get('/1.1/account/verify_credentials.json', (req, res) => {
    if (!authenticatedUser(req, res)) return;
    res.status(403).json(LIMITED_V1_ERROR);
  });

  // v2 always returns id, name and username; other fields only when asked for.
  router.get('/2/users/me', (req, res) => {
    const user = authenticatedUser(req, res);
    if (!user) return;
    const fields = new Set((stringParam(req.query, 'user.fields') ?? '').split(','));
    const data: Record<string, string> = { id: user.id, name: user.name, username: user.username };
    if (fields.has('profile_image_url')) data.profile_image_url = avatarUrl(req, user);
    if (fields.has('url')) data.url = `https://x.com/${user.username}`;
    if (fields.has('description')) data.description = `${user.name} (sandbox account)`;
    res.json({ data });
  });

  router.get('/avatars/:file', (req, res) => {
    const file = req.params.file;
    const user = file.endsWith('.png') ? usersById.get(file.slice(0, -4)) : undefined;
    if (!user) {
      res.status(404).type('text').send('No such avatar');
      return;
    }
    res.type('image/png').set('Cache-Control', 'public, max-age=86400');
    res.send(avatarPng(user, branding.accent));
  });

  return router;
}
