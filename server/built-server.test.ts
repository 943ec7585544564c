/**
 * `npm start` runs the server as JavaScript built by `npm run build`
 * (tsconfig.build.json), not the .ts sources: Node's type stripping would
 * keep about 25 MB of a running server's memory (docs/performance.md). This
 * builds the server the same way into a scratch directory and starts it with
 * type stripping switched off, so a single import left pointing at a .ts
 * file fails here instead of quietly bringing the stripper back.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
// Inside the checkout, so the built files find node_modules as dist/node's do.
mkdirSync(join(root, 'dist'), { recursive: true });
const out = mkdtempSync(join(root, 'dist', 'built-server-test-'));
const data = mkdtempSync(join(tmpdir(), 'parley-built-'));
let server: ChildProcess | undefined;

afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(out, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function untilAnswers(url: string, child: ChildProcess, output: () => string) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the built server exited:\n${output()}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('the server as npm run build builds it', () => {
  it('is plain JavaScript that starts without type stripping and serves', async () => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    await promisify(execFile)(process.execPath, [
      tsc,
      '-p',
      join(root, 'tsconfig.build.json'),
      '--outDir',
      out,
    ]);
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' });
    expect(files).toContain(join('server', 'main.js'));
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);

    const port = await freePort();
    let output = '';
    server = spawn(
      process.execPath,
      [
        '--disable-warning=ExperimentalWarning',
        '--no-experimental-strip-types',
        join(out, 'server', 'main.js'),
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          SQLITE_PATH: join(data, 'parley.sqlite'),
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    server.stdout?.on('data', (d) => (output += d));
    server.stderr?.on('data', (d) => (output += d));
    const base = `http://127.0.0.1:${port}`;

    const health = await untilAnswers(`${base}/healthz`, server, () => output);
    expect(health.status).toBe(200);
    // Through the store (migrated on start) and the one error shape.
    const unknown = await fetch(`${base}/api/v1/comments?site=nope&page=x`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'unknown_site' } });
  }, 120_000);
});
