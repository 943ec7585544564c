/**
 * A sandbox Facebook Login: the manual login flow of
 * https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow
 * and the Graph API `/me` node, enough for the real `passport-facebook`
 * strategy (graphAPIVersion 'v25.0') to sign a reader in with only its URLs
 * pointed here.
 *
 *   GET  /v25.0/dialog/oauth         consent page (POST: its form); honours auth_type
 *   GET  /v25.0/oauth/access_token   client_id, client_secret, redirect_uri, code (POST too:
 *                                    node-oauth, under passport, always POSTs)
 *   GET  /v25.0/me                   access_token (query or Bearer), fields, appsecret_proof
 *   GET  /avatars/:id.png
 */
import { createHmac } from 'node:crypto';
import type { Request, Router } from 'express';
import type { SandboxUser } from './consent-page.ts';
import {
  bearerToken,
  createOAuth2Sandbox,
  randomToken,
  secretsEqual,
  stringParam,
  type TokenErrorKind,
} from './oauth2.ts';

export const FACEBOOK_GRAPH_VERSION = 'v25.0';

export interface FacebookSandboxOptions {
  appId: string;
  appSecret: string;
  /** The one valid OAuth redirect URI of the app (strict mode: matched exactly). */
  redirectUri: string;
  /** Sample accounts on the consent page (ids are app-scoped user ids). */
  users?: readonly SandboxUser[];
}

export const FACEBOOK_SAMPLE_USERS: readonly SandboxUser[] = [
  {
    id: '100000000000001',
    name: 'Ada Lovelace',
    username: 'ada.lovelace',
    email: 'ada@example.com',
  },
  {
    id: '100000000000002',
    name: 'Grace Hopper',
    username: 'grace.hopper',
    email: 'grace@example.com',
  },
  {
    id: '100000000000003',
    name: 'Alan Turing',
    username: 'alan.turing',
    email: 'alan@example.com',
  },
  {
    // The e2e data-rights test deletes this one's account: nobody else signs in as her.
    id: '100000000000004',
    name: 'Rosalind Franklin',
    username: 'rosalind.franklin',
    email: 'rosalind@example.com',
  },
];

/** The Graph API's error body: `{ error: { message, type, code, fbtrace_id } }`. */
function graphError(message: string, code: number) {
  return { error: { message, type: 'OAuthException', code, fbtrace_id: randomToken(8) } };
}

const tokenError = (_kind: TokenErrorKind, description: string) => ({
  status: 400,
  body: graphError(description, 100),
});

/** What `/me?fields=` can return for a sandbox user; an undefined field is known but withheld. */
function userFields(user: SandboxUser, pictureUrl: string): Record<string, unknown> {
  const [first = user.name, ...rest] = user.name.split(' ');
  return {
    id: user.id,
    name: user.name,
    first_name: first,
    last_name: rest.join(' ') || undefined,
    middle_name: undefined,
    short_name: first,
    // Known fields we never return: each needs a permission the sandbox never grants.
    email: undefined,
    link: undefined,
    picture: { data: { url: pictureUrl, width: 50, height: 50, is_silhouette: false } },
  };
}

function reauthenticateNotice(req: Request) {
  return stringParam(req.query, 'auth_type') === 'reauthenticate'
    ? [
        {
          testId: 'reauthenticate',
          text: 'Parley Sandbox asked you to re-enter your password (auth_type=reauthenticate). Choose your account again to confirm it is you.',
        },
      ]
    : [];
}

/** The sandbox Facebook (www.facebook.com and graph.facebook.com in one router). */
export function facebookSandbox(options: FacebookSandboxOptions): Router {
  const version = `/${FACEBOOK_GRAPH_VERSION}`;
  const sandbox = createOAuth2Sandbox({
    branding: { provider: 'Facebook', accent: '#1877f2', denyLabel: 'Cancel' },
    authorizePath: `${version}/dialog/oauth`,
    tokenPath: `${version}/oauth/access_token`,
    tokenMethods: ['get', 'post'],
    requireGrantType: false,
    client: { id: options.appId, secret: options.appSecret, redirectUri: options.redirectUri },
    users: options.users ?? FACEBOOK_SAMPLE_USERS,
    deniedParams: {
      error: 'access_denied',
      error_code: '200',
      error_description: 'Permissions error',
      error_reason: 'user_denied',
    },
    tokenError,
    // 5183944 s ≈ 60 days: a long-lived token, as the manual flow returns.
    tokenResponse: (accessToken) => ({
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: 5183944,
    }),
    consentNotices: reauthenticateNotice,
  });

  sandbox.router.get(`${version}/me`, (req, res) => {
    const token = stringParam(req.query, 'access_token') ?? bearerToken(req);
    const user = token === undefined ? undefined : sandbox.userForAccessToken(token);
    if (token === undefined || !user) {
      res
        .status(400)
        .json(graphError('Invalid OAuth access token - Cannot parse access token', 190));
      return;
    }
    // https://developers.facebook.com/docs/graph-api/securing-requests/#appsecret_proof
    const proof = stringParam(req.query, 'appsecret_proof');
    if (proof !== undefined) {
      const expected = createHmac('sha256', options.appSecret).update(token).digest('hex');
      if (!secretsEqual(proof, expected)) {
        res
          .status(400)
          .json(graphError('Invalid appsecret_proof provided in the API argument', 100));
        return;
      }
    }
    const available = userFields(user, sandbox.avatarUrl(req, user));
    // `picture.type(large)` and `picture{url}` name the field `picture`.
    const requested = (stringParam(req.query, 'fields') ?? 'id,name')
      .split(',')
      .map((field) => field.trim().split(/[.{]/)[0] ?? '')
      .filter((field) => field !== '');
    const unknown = requested.find((field) => !(field in available));
    if (unknown !== undefined) {
      res
        .status(400)
        .json(
          graphError(
            `(#100) Tried accessing nonexisting field (${unknown}) on node type (User)`,
            100,
          ),
        );
      return;
    }
    const body: Record<string, unknown> = {};
    for (const field of requested) {
      if (available[field] !== undefined) body[field] = available[field];
    }
    res.json(body);
  });

  return sandbox.router;
}
