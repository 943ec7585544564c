/**
 * The OAuth 2.0 authorization-code server the sandbox providers share
 * (RFC 6749 §4.1). Each provider (wordpress.ts, facebook.ts) supplies its paths,
 * its error shapes, its token response and its profile endpoint; this module
 * keeps the protocol: the consent step, single-use codes that expire, exact
 * redirect URI matching at authorize and at token exchange, client
 * authentication, and access tokens bound to the user who consented.
 *
 * State lives in memory: a sandbox is for tests and the offline demo.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import {
  avatarPng,
  type ConsentBranding,
  renderConsentPage,
  renderErrorPage,
  type SandboxUser,
  sendProviderPage,
} from './consent-page.ts';

/** Codes live 60 s (RFC 6749 §4.1.2 recommends at most 10 minutes). */
export const CODE_LIFETIME_MS = 60_000;
/** How long a consent page stays answerable. */
const PENDING_LIFETIME_MS = 10 * 60_000;

export type TokenErrorKind =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unsupported_grant_type';

/** The one application registered at a sandbox provider. */
export interface OAuth2Client {
  id: string;
  secret: string;
  /** Compared exactly, as WordPress.com and Facebook (strict mode) do. */
  redirectUri: string;
}

export interface OAuth2ProviderSpec {
  branding: ConsentBranding;
  /** Path of the consent page (GET) and of its form (POST). */
  authorizePath: string;
  tokenPath: string;
  /** Methods the token endpoint answers: Facebook documents GET, node-oauth sends POST. */
  tokenMethods: readonly ('get' | 'post')[];
  /** WordPress.com insists on `grant_type=authorization_code`; Facebook ignores it. */
  requireGrantType: boolean;
  client: OAuth2Client;
  users: readonly SandboxUser[];
  /** Query parameters added to the callback when the user refuses, besides `state`. */
  deniedParams: Readonly<Record<string, string>>;
  /** The provider's error response at the token endpoint. */
  tokenError: (kind: TokenErrorKind, description: string) => { status: number; body: unknown };
  /** The provider's successful token response. */
  tokenResponse: (accessToken: string) => unknown;
  /** Provider-specific lines for the consent page, from the authorize query. */
  consentNotices?: (req: Request) => { testId: string; text: string }[];
}

export interface OAuth2Sandbox {
  /** Holds the authorize, token and avatar routes; the provider adds its profile route. */
  router: Router;
  /** The user a live access token was issued for. */
  userForAccessToken(token: string): SandboxUser | undefined;
  /** Absolute URL of a user's avatar, served by this router. */
  avatarUrl(req: Request, user: SandboxUser): string;
}

interface PendingAuthorization {
  state: string | undefined;
  expiresAt: number;
}

interface IssuedCode {
  userId: string;
  redirectUri: string;
  expiresAt: number;
  /** Set once redeemed; a replayed code revokes it (RFC 6749 §4.1.2). */
  accessToken?: string;
}

/** A random, URL-safe secret (codes, tokens, consent request ids). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Compares two secrets in constant time, whatever their lengths. */
export function secretsEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** One string parameter from a parsed query or form body; arrays and absence are undefined. */
export function stringParam(source: unknown, name: string): string | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  const value = (source as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** The bearer token of an `Authorization: Bearer …` header (RFC 6750 §2.1). */
export function bearerToken(req: Request): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  return match?.[1];
}

/** Client credentials from HTTP Basic (RFC 6749 §2.3.1, form-encoded parts) or the parameters. */
function clientCredentials(
  req: Request,
  params: Record<string, unknown>,
): { id?: string; secret?: string } {
  const basic = /^Basic\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return {};
    const formDecode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    try {
      return {
        id: formDecode(decoded.slice(0, colon)),
        secret: formDecode(decoded.slice(colon + 1)),
      };
    } catch {
      return {};
    }
  }
  return { id: stringParam(params, 'client_id'), secret: stringParam(params, 'client_secret') };
}

function dropExpired<T extends { expiresAt: number }>(map: Map<string, T>, now: number): void {
  for (const [key, value] of map) if (value.expiresAt <= now) map.delete(key);
}

/** Builds the shared authorization-code server for one provider. */
export function createOAuth2Sandbox(spec: OAuth2ProviderSpec): OAuth2Sandbox {
  const { client, branding } = spec;
  const pending = new Map<string, PendingAuthorization>();
  const codes = new Map<string, IssuedCode>();
  const tokens = new Map<string, { userId: string }>();
  const usersById = new Map(spec.users.map((u) => [u.id, u]));
  const router = express.Router();

  const avatarUrl = (req: Request, user: SandboxUser) =>
    `${req.protocol}://${req.get('host')}${req.baseUrl}/avatars/${encodeURIComponent(user.id)}.png`;

  const errorPage = (res: Response, status: number, message: string) =>
    sendProviderPage(res, status, renderErrorPage(branding, message));

  const redirectToClient = (res: Response, params: Record<string, string | undefined>) => {
    const target = new URL(client.redirectUri);
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined) target.searchParams.append(name, value);
    }
    res.set('Cache-Control', 'no-store').redirect(302, target.href);
  };

  // The consent page. An unknown client or a redirect URI other than the
  // registered one gets an error page, never a redirect (RFC 6749 §4.1.2.1).
  router.get(spec.authorizePath, (req, res) => {
    const clientId = stringParam(req.query, 'client_id');
    const redirectUri = stringParam(req.query, 'redirect_uri');
    if (clientId === undefined || !secretsEqual(clientId, client.id)) {
      errorPage(res, 400, 'Invalid client_id: no application is registered with this id.');
      return;
    }
    // Both providers require redirect_uri; RFC 6749 §3.1.2.3 would allow it absent.
    if (redirectUri !== client.redirectUri) {
      errorPage(res, 400, 'Invalid redirect_uri: it does not match the registered redirect URI.');
      return;
    }
    const state = stringParam(req.query, 'state');
    if (stringParam(req.query, 'response_type') !== 'code') {
      redirectToClient(res, {
        error: 'unsupported_response_type',
        error_description: 'Only response_type=code is supported.',
        state,
      });
      return;
    }
    const now = Date.now();
    dropExpired(pending, now);
    const requestId = randomToken();
    pending.set(requestId, { state, expiresAt: now + PENDING_LIFETIME_MS });
    const html = renderConsentPage({
      branding,
      action: `${req.baseUrl}${spec.authorizePath}`,
      requestId,
      users: spec.users,
      notices: spec.consentNotices?.(req) ?? [],
      avatarUrl: (user) => avatarUrl(req, user),
    });
    sendProviderPage(res, 200, html);
  });

  // The consent form's answer. The hidden `request` field ties it to a consent
  // page this server rendered, so a forged POST can't mint a code.
  router.post(spec.authorizePath, express.urlencoded({ extended: false }), (req, res) => {
    const requestId = stringParam(req.body, 'request');
    const authorization = requestId === undefined ? undefined : pending.get(requestId);
    if (requestId === undefined || !authorization || authorization.expiresAt <= Date.now()) {
      errorPage(res, 400, 'This sign-in request has expired or was never made. Start again.');
      return;
    }
    pending.delete(requestId);
    const decision = stringParam(req.body, 'decision');
    if (decision === 'deny') {
      redirectToClient(res, { ...spec.deniedParams, state: authorization.state });
      return;
    }
    const user = decision === undefined ? undefined : usersById.get(decision);
    if (!user) {
      errorPage(res, 400, 'Choose one of the accounts on the sign-in page.');
      return;
    }
    const now = Date.now();
    dropExpired(codes, now);
    const code = randomToken();
    codes.set(code, {
      userId: user.id,
      redirectUri: client.redirectUri,
      expiresAt: now + CODE_LIFETIME_MS,
    });
    redirectToClient(res, { code, state: authorization.state });
  });

  const exchangeCode = (req: Request, res: Response) => {
    // GET (Facebook) carries the parameters in the query, POST in the form body.
    const params: Record<string, unknown> = req.method === 'GET' ? req.query : (req.body ?? {});
    const fail = (kind: TokenErrorKind, description: string) => {
      const { status, body } = spec.tokenError(kind, description);
      res.status(status).set('Cache-Control', 'no-store').json(body);
    };
    if (spec.requireGrantType && stringParam(params, 'grant_type') !== 'authorization_code') {
      fail('unsupported_grant_type', 'grant_type must be authorization_code.');
      return;
    }
    const credentials = clientCredentials(req, params);
    if (
      credentials.id === undefined ||
      credentials.secret === undefined ||
      !secretsEqual(credentials.id, client.id) ||
      !secretsEqual(credentials.secret, client.secret)
    ) {
      fail('invalid_client', 'Client authentication failed: unknown client_id or wrong secret.');
      return;
    }
    const code = stringParam(params, 'code');
    const issued = code === undefined ? undefined : codes.get(code);
    if (code === undefined || !issued) {
      fail('invalid_grant', 'The authorization code is invalid.');
      return;
    }
    if (issued.accessToken !== undefined) {
      // A replayed code may mean it was stolen: revoke what it bought.
      tokens.delete(issued.accessToken);
      codes.delete(code);
      fail('invalid_grant', 'The authorization code has already been used.');
      return;
    }
    if (issued.expiresAt <= Date.now()) {
      codes.delete(code);
      fail('invalid_grant', 'The authorization code has expired.');
      return;
    }
    if (stringParam(params, 'redirect_uri') !== issued.redirectUri) {
      fail('invalid_grant', 'redirect_uri does not match the one the code was issued for.');
      return;
    }
    const accessToken = randomToken();
    issued.accessToken = accessToken;
    tokens.set(accessToken, { userId: issued.userId });
    res
      .set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' })
      .json(spec.tokenResponse(accessToken));
  };

  for (const method of spec.tokenMethods) {
    if (method === 'get') router.get(spec.tokenPath, exchangeCode);
    else router.post(spec.tokenPath, express.urlencoded({ extended: false }), exchangeCode);
  }

  router.get('/avatars/:file', (req, res) => {
    const id = req.params.file.replace(/\.png$/, '');
    const user = usersById.get(id);
    if (!user || !req.params.file.endsWith('.png')) {
      res.status(404).type('text').send('No such avatar');
      return;
    }
    res.type('image/png').set('Cache-Control', 'public, max-age=86400');
    res.send(avatarPng(user, branding.accent));
  });

  return {
    router,
    userForAccessToken(token) {
      const entry = tokens.get(token);
      return entry ? usersById.get(entry.userId) : undefined;
    },
    avatarUrl,
  };
}
