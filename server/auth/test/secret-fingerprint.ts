/**
 * A process starting on the store the environment names, as main.ts does
 * (resolveConfig), that prints a SHA-256 of the secret it ends up with: the
 * concurrent-start test compares processes by it without printing the secret.
 */
import { createHash } from 'node:crypto';
import { resolveConfig } from '../../config.resolve.ts';
import { loadConfig } from '../../config.ts';

const { authSecret } = await resolveConfig(loadConfig(process.env));
process.stdout.write(createHash('sha256').update(authSecret).digest('hex'));
