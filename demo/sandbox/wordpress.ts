/**
 * A sandbox WordPress.com: the OAuth 2 server of
 * https://developer.wordpress.com/docs/oauth2/ and the `/rest/v1.1/me`
 * endpoint, enough for the real `passport-oauth2` strategy to sign a reader in
 * with only its URLs pointed here.
 *
 *   GET  /oauth2/authorize   consent page (POST: its form)
 *   POST /oauth2/token       form body: client_id, client_secret, redirect_uri, code, grant_type
 *   GET  /rest/v1.1/me       Authorization: Bearer <token>
 *   GET  /avatars/:id.png
 */
import type { Router } from 'express';
import type { SandboxUser } from './consent-page.ts';
import { bearerToken, createOAuth2Sandbox, type TokenErrorKind } from './oauth2.ts';

export interface WordPressSandboxOptions {
  clientId: string;
  clientSecret: string;
  /** The one redirect URI registered for the client, matched exactly. */
  redirectUri: string;
  /** Sample accounts on the consent page; `id` must be digits (WordPress.com user ids are numbers). */
  users?: readonly SandboxUser[];
}

export const WORDPRESS_SAMPLE_USERS: readonly SandboxUser[] = [
  { id: '1001', name: 'Ada Lovelace', username: 'adalovelace', email: 'ada@example.com' },
  { id: '1002', name: 'Grace Hopper', username: 'gracehopper', email: 'grace@example.com' },
  { id: '1003', name: 'Alan Turing', username: 'alanturing', email: 'alan@example.com' },
];

// WordPress.com answers token errors with 400 and RFC 6749 §5.2 JSON.
const tokenError = (kind: TokenErrorKind, description: string) => ({
  status: 400,
  body: { error: kind, error_description: description },
});

/** The sandbox WordPress.com, to mount at its own path or origin. */
export function wordpressSandbox(options: WordPressSandboxOptions): Router {
  const sandbox = createOAuth2Sandbox({
    branding: { provider: 'WordPress.com', accent: '#3858e9', denyLabel: 'Deny' },
    authorizePath: '/oauth2/authorize',
    tokenPath: '/oauth2/token',
    tokenMethods: ['post'],
    requireGrantType: true,
    client: {
      id: options.clientId,
      secret: options.clientSecret,
      redirectUri: options.redirectUri,
    },
    users: options.users ?? WORDPRESS_SAMPLE_USERS,
    deniedParams: {
      error: 'access_denied',
      error_description: 'You need to log in to WordPress.com',
    },
    tokenError,
    tokenResponse: (accessToken) => ({
      access_token: accessToken,
      token_type: 'bearer',
      blog_id: '0',
      blog_url: null,
      scope: 'auth',
    }),
  });

  sandbox.router.get('/rest/v1.1/me', (req, res) => {
    const token = bearerToken(req);
    const user = token === undefined ? undefined : sandbox.userForAccessToken(token);
    if (!user) {
      res.status(403).json({
        error: 'authorization_required',
        message: 'An active access token must be used to query information about the current user.',
      });
      return;
    }
    res.json({
      ID: Number(user.id),
      display_name: user.name,
      username: user.username,
      email: user.email,
      avatar_URL: sandbox.avatarUrl(req, user),
      profile_URL: `https://gravatar.com/${encodeURIComponent(user.username)}`,
    });
  });

  return sandbox.router;
}
