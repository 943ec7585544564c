import { randomBytes } from 'node:crypto';

/** A random, URL-safe id (72 bits): unguessable and short enough for `#comment-<id>`. */
export function newId(): string {
  return randomBytes(9).toString('base64url');
}
