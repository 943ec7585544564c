/**
 * A newcomer's first command is `npm ci` (or `npm install`) with whatever
 * Node their system has; the project then brings its own Node 24. Before it
 * does, npm must not bury them in warnings they can do nothing about (one
 * EBADENGINE per package wanting Node 22+, an install-script notice for the
 * Node it installs).
 */
import { execFile } from 'node:child_process';
import { delimiter, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

describe('npm ci on a fresh machine', { timeout: 120_000 }, () => {
  it('prints no warnings, whichever Node the system has', async () => {
    // The system's npm and Node, as before the first install: none of the
    // project's own binaries (node_modules/.bin puts Node 24 first).
    const PATH = (process.env.PATH ?? '')
      .split(delimiter)
      .filter((dir) => !dir.includes('node_modules'))
      .join(delimiter);
    const { stdout, stderr } = await promisify(execFile)(
      'npm',
      ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'],
      { cwd: ROOT, env: { ...process.env, PATH } },
    );
    expect(`${stdout}${stderr}`).not.toMatch(/npm warn|EBADENGINE/i);
  });
});
