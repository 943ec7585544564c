import { randomSecret } from '../auth/crypto.ts';

/** A random, URL-safe id (72 bits): unguessable and short enough for `#comment-<id>`. */
export function newId(): string {
  return randomSecret(9);
}
