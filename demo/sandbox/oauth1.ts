/**
 * OAuth 1.0a (RFC 5849) signing and verification, HMAC-SHA1 only: the
 * provider side of the sandboxes, plus a small signer the tests use to craft
 * requests the `oauth` package would never send (stale timestamps, reused
 * nonces, wrong secrets).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

/** RFC 3986 percent-encoding as RFC 5849 §3.6 requires (unreserved chars only). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export type ParamPair = readonly [name: string, value: string];

/** RFC 5849 §3.4.1.3.2: encode each pair, sort by name then value, join. */
export function normaliseParameters(params: readonly ParamPair[]): string {
  return params
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? compare(av, bv) : compare(ak, bk)))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * RFC 5849 §3.4.1.2: scheme://host[:port]/path, no query. WHATWG URL already
 * lowercases scheme and host and drops default ports.
 */
export function baseStringUri(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** RFC 5849 §3.4.1: METHOD&base-uri&normalised-params. */
export function signatureBaseString(
  method: string,
  url: URL,
  params: readonly ParamPair[],
): string {
  return [
    method.toUpperCase(),
    percentEncode(baseStringUri(url)),
    percentEncode(normaliseParameters(params)),
  ].join('&');
}

/** RFC 5849 §3.4.2: HMAC-SHA1 keyed with consumerSecret&tokenSecret, base64. */
export function hmacSha1(baseString: string, consumerSecret: string, tokenSecret = ''): string {
  const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
  return createHmac('sha1', key).update(baseString).digest('base64');
}

/** Parses `Authorization: OAuth k="v", ...` (RFC 5849 §3.5.1); `realm` is dropped. */
export function parseAuthorizationHeader(header: string | undefined): Map<string, string> | null {
  if (!header || !/^OAuth\s/i.test(header)) return null;
  const params = new Map<string, string>();
  for (const part of header.slice(6).split(',')) {
    const match = /^\s*([^=\s]+)\s*=\s*"([^"]*)"\s*$/.exec(part);
    if (!match) {
      if (part.trim() === '') continue;
      return null;
    }
    const [, name = '', value = ''] = match;
    if (name === 'realm') continue;
    try {
      params.set(decodeURIComponent(name), decodeURIComponent(value));
    } catch {
      return null;
    }
  }
  return params;
}

function formPairs(raw: string): ParamPair[] {
  return [...new URLSearchParams(raw)];
}

/** What a verified request carried. */
export interface VerifiedOAuth1Request {
  consumerKey: string;
  /** `oauth_token`, when the request carried one. */
  token: string | undefined;
  /** Every oauth_* protocol parameter, from the header or the body/query. */
  oauth: Map<string, string>;
}

export type OAuth1Failure =
  | 'missing_credentials'
  | 'unsupported_signature_method'
  | 'unknown_consumer'
  | 'timestamp_out_of_bounds'
  | 'unknown_token'
  | 'bad_signature'
  | 'nonce_reused';

export interface OAuth1VerifierOptions {
  /** The consumer secret for a key, or undefined when the key is unknown. */
  consumerSecret(consumerKey: string): string | undefined;
  /** How far a timestamp may be from now, in seconds. Twitter allows 5 minutes. */
  maxClockSkewSeconds?: number;
  now?: () => number;
}

/**
 * Verifies a signed request (RFC 5849 §3.2). Protocol parameters are taken
 * from the Authorization header, else from the form body or query. The raw
 * form body must be in `req.body` as a string (see `express.text`), because
 * the signature covers the body's exact parameters. `tokenSecret` returns the
 * secret of `oauth_token` (undefined if unknown); a request without a token is
 * signed with an empty token secret.
 */
export function createOAuth1Verifier(options: OAuth1VerifierOptions) {
  const skew = options.maxClockSkewSeconds ?? 300;
  const now = options.now ?? Date.now;
  // nonce → when it can be forgotten (after it would fail the timestamp check anyway).
  const seenNonces = new Map<string, number>();

  function rememberNonce(key: string, timestamp: number): boolean {
    const nowMs = now();
    for (const [k, expires] of seenNonces) if (expires < nowMs) seenNonces.delete(k);
    if (seenNonces.has(key)) return false;
    seenNonces.set(key, (timestamp + skew) * 1000 + 1000);
    return true;
  }

  return function verifyOAuth1Request(
    req: Request,
    tokenSecret: (token: string) => string | undefined,
  ): { ok: true; request: VerifiedOAuth1Request } | { ok: false; failure: OAuth1Failure } {
    const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
    const query = formPairs(url.search);
    const isForm = req.is('application/x-www-form-urlencoded') && typeof req.body === 'string';
    const body = isForm ? formPairs(req.body as string) : [];
    const header = parseAuthorizationHeader(req.get('authorization'));

    const headerPairs: ParamPair[] = header ? [...header] : [];
    const all = [...headerPairs, ...query, ...body];
    const oauth = new Map(all.filter(([k]) => k.startsWith('oauth_')));
    const signature = oauth.get('oauth_signature');
    const consumerKey = oauth.get('oauth_consumer_key');
    const nonce = oauth.get('oauth_nonce');
    const timestamp = Number(oauth.get('oauth_timestamp'));
    if (!signature || !consumerKey || !nonce || !Number.isInteger(timestamp)) {
      return { ok: false, failure: 'missing_credentials' };
    }
    if (oauth.get('oauth_signature_method') !== 'HMAC-SHA1') {
      return { ok: false, failure: 'unsupported_signature_method' };
    }
    const consumerSecret = options.consumerSecret(consumerKey);
    if (consumerSecret === undefined) return { ok: false, failure: 'unknown_consumer' };
    if (Math.abs(now() / 1000 - timestamp) > skew) {
      return { ok: false, failure: 'timestamp_out_of_bounds' };
    }
    const token = oauth.get('oauth_token');
    const secret = token ? tokenSecret(token) : '';
    if (secret === undefined) return { ok: false, failure: 'unknown_token' };

    const signed = all.filter(([k]) => k !== 'oauth_signature');
    const expected = hmacSha1(signatureBaseString(req.method, url, signed), consumerSecret, secret);
    const a = Buffer.from(expected);
    const b = Buffer.from(signature);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      return { ok: false, failure: 'bad_signature' };
    }
    // Recorded only once the signature holds, so nobody can burn others' nonces.
    if (!rememberNonce(`${consumerKey}\n${token ?? ''}\n${nonce}\n${timestamp}`, timestamp)) {
      return { ok: false, failure: 'nonce_reused' };
    }
    return { ok: true, request: { consumerKey, token, oauth } };
  };
}

export interface SignOptions {
  method: string;
  url: string;
  consumerKey: string;
  consumerSecret: string;
  token?: string;
  tokenSecret?: string;
  /** Extra oauth_* parameters for the header, e.g. oauth_callback, oauth_verifier. */
  oauth?: Record<string, string>;
  /** Form body parameters (covered by the signature). */
  form?: Record<string, string>;
  nonce?: string;
  /** Seconds since the epoch. */
  timestamp?: number;
}

/** Builds a signed `Authorization: OAuth ...` header value (HMAC-SHA1). */
export function signOAuth1(options: SignOptions): string {
  const protocol: Record<string, string> = {
    oauth_consumer_key: options.consumerKey,
    oauth_nonce: options.nonce ?? randomBytes(16).toString('hex'),
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
    oauth_version: '1.0',
    ...(options.token ? { oauth_token: options.token } : {}),
    ...options.oauth,
  };
  const url = new URL(options.url);
  const params: ParamPair[] = [
    ...Object.entries(protocol),
    ...url.searchParams,
    ...Object.entries(options.form ?? {}),
  ];
  const signature = hmacSha1(
    signatureBaseString(options.method, url, params),
    options.consumerSecret,
    options.tokenSecret ?? '',
  );
  return `OAuth ${Object.entries({ ...protocol, oauth_signature: signature })
    .map(([k, v]) => `${percentEncode(k)}="${percentEncode(v)}"`)
    .join(', ')}`;
}
