/**
 * What a comment's or reader's picture is made from, decided without I/O.
 * The public key is an HMAC under the server's secret, so a URL seen in a
 * thread can't be checked against a guessed email (an unkeyed hash of the
 * email, as Gravatar's, can: issue 12).
 */
import { createHmac, hash } from 'node:crypto';

export type AvatarKind = 'picture' | 'guest';

export interface AvatarSource {
  /** 32 hex characters; the public URL is /avatars/<key>. */
  readonly key: string;
  /** 'picture': a provider's image, proxied. 'guest': generated, or Gravatar when the site turns it on. */
  readonly kind: AvatarKind;
  /** The site whose Gravatar setting decides (guests only). */
  readonly siteId: string | null;
  /** The upstream image (provider picture, or the guest's Gravatar); never shown to anyone. */
  readonly sourceUrl: string | null;
  /** Drawn on the generated picture. */
  readonly initials: string;
}

export const AVATAR_KEY = /^[0-9a-f]{32}$/;

/** The key of a row with no picture at all (a deleted author): presented as none. */
export const NO_AVATAR = '-';

function keyOf(secret: string, ...parts: string[]): string {
  return createHmac('sha256', secret)
    .update(`avatar\0${parts.join('\0')}`)
    .digest('hex')
    .slice(0, 32);
}

/** Up to two letters: first and last word of the name ("?" for none). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = (word: string | undefined) => Array.from(word ?? '')[0] ?? '';
  const letters = first(words[0]) + (words.length > 1 ? first(words[words.length - 1]) : '');
  return letters.toUpperCase() || '?';
}

/**
 * A guest's picture on one site: keyed by site and email, so the same guest
 * gets unrelated keys on two sites. Gravatar's URL is kept server-side for
 * the sites that turn Gravatar on (`d=404`: no picture there, ours instead).
 */
export function guestAvatar(
  secret: string,
  siteId: string,
  email: string,
  name: string,
): AvatarSource {
  const normalised = email.trim().toLowerCase();
  const emailHash = hash('sha256', normalised, 'hex');
  return {
    key: keyOf(secret, 'guest', siteId, normalised),
    kind: 'guest',
    siteId,
    sourceUrl: `https://www.gravatar.com/avatar/${emailHash}?s=80&d=404`,
    initials: initialsOf(name),
  };
}

/** A signed-in reader's provider picture, fetched by Parley; or generated when they have none. */
export function identityAvatar(
  secret: string,
  identity: {
    provider: string;
    providerUserId: string;
    avatarUrl: string | null;
    displayName: string;
  },
): AvatarSource {
  if (identity.avatarUrl) {
    return {
      key: keyOf(secret, 'picture', identity.avatarUrl),
      kind: 'picture',
      siteId: null,
      sourceUrl: identity.avatarUrl,
      initials: initialsOf(identity.displayName),
    };
  }
  return {
    key: keyOf(secret, 'identity', identity.provider, identity.providerUserId),
    kind: 'guest',
    siteId: null,
    sourceUrl: null,
    initials: initialsOf(identity.displayName),
  };
}

/** The path the API shows; '' when a row has no picture (the widget shows initials). */
export function avatarPath(key: string | null): string {
  return key && AVATAR_KEY.test(key) ? `/avatars/${key}` : '';
}
