/**
 * Fetches one image for the avatar proxy, defensively: http(s) only, public
 * addresses only (checked on the address actually connected to, so a DNS
 * answer can't swap in a private one after the check), every redirect
 * checked the same way, a size cap while reading, one deadline for the whole
 * exchange, and only bytes that sniff as a raster image.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { AddressPolicy } from './address-policy.ts';
import { type ImageType, sniffImageType } from './image-sniff.ts';

export interface ImageFetchLimits {
  readonly policy: AddressPolicy;
  /** Larger answers are abandoned as soon as they pass this. */
  readonly maxBytes: number;
  /** For the whole exchange, redirects included. */
  readonly timeoutMs: number;
  readonly maxRedirects?: number;
}

export type ImageFetchFailure =
  | 'bad_url'
  | 'refused_address'
  | 'too_many_redirects'
  | 'http_status'
  | 'too_large'
  | 'not_an_image'
  | 'timeout'
  | 'network';

export type FetchedImage =
  | { readonly ok: true; readonly type: ImageType; readonly body: Buffer }
  | { readonly ok: false; readonly reason: ImageFetchFailure };

class Refused extends Error {
  readonly reason: ImageFetchFailure;
  constructor(reason: ImageFetchFailure) {
    super(reason);
    this.reason = reason;
  }
}

/** Fetches `url` within the limits; never throws. */
export async function fetchImage(url: string, limits: ImageFetchLimits): Promise<FetchedImage> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const maxRedirects = limits.maxRedirects ?? 3;
  try {
    let current = url;
    for (let hop = 0; ; hop++) {
      const response = await get(target(current), limits.policy, signal);
      const location = response.headers.location;
      if (response.statusCode && response.statusCode >= 300 && response.statusCode < 400) {
        response.destroy();
        if (!location) throw new Refused('http_status');
        if (hop >= maxRedirects) throw new Refused('too_many_redirects');
        current = new URL(location, current).href;
        continue;
      }
      if (response.statusCode !== 200) {
        response.destroy();
        throw new Refused('http_status');
      }
      const body = await readCapped(response, limits.maxBytes);
      const type = sniffImageType(body);
      if (!type) throw new Refused('not_an_image');
      return { ok: true, type, body };
    }
  } catch (err) {
    if (err instanceof Refused) return { ok: false, reason: err.reason };
    if (signal.aborted) return { ok: false, reason: 'timeout' };
    return { ok: false, reason: 'network' };
  }
}

function target(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Refused('bad_url');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new Refused('bad_url');
  }
  return url;
}

/**
 * One GET. An IP literal is checked here (Node connects to it without a
 * lookup); a name goes through `guardedLookup`, and the connection goes to
 * the very address that was checked.
 */
function get(url: URL, policy: AddressPolicy, signal: AbortSignal): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !policy.allows(host)) return Promise.reject(new Refused('refused_address'));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'GET',
      signal,
      agent: false,
      lookup: guardedLookup(policy),
      headers: {
        accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif',
        'user-agent': 'Parley avatar proxy',
      },
    });
    req.once('response', resolve);
    req.once('error', (err) => reject(err instanceof Refused ? err : (err.cause ?? err)));
    req.end();
  });
}

/** dns.lookup that fails when any address of the name is refused (no round-robin into a private one). */
function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as LookupAddress[];
      if (list.length === 0 || list.some((a) => !policy.allows(a.address))) {
        return callback(new Refused('refused_address') as NodeJS.ErrnoException, '', 0);
      }
      if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, list);
      const [first] = list as [LookupAddress];
      callback(null, first.address, first.family);
    });
  };
}

async function readCapped(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (declared > maxBytes) {
    response.destroy();
    throw new Refused('too_large');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      response.destroy();
      throw new Refused('too_large');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
