/**
 * `npm start` runs the server as JavaScript bundled by `npm run build`
 * (vite.server.config.ts), not the .ts sources: Node's type stripping would
 * keep about 25 MB of a running server's memory, and loading its ~800
 * modules one by one ~8 MB more (docs/performance.md). This builds the
 * server the same way into a scratch directory and starts it with type
 * stripping switched off, so a single import left pointing at a .ts file, or
 * a dependency that breaks when bundled, fails here.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
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

/** The files a built entry loads before it runs (its static imports, transitively), and the packages they import. */
function staticallyLoaded(entry: string): { source: string; packages: string[] } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  let source = '';
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    source += text;
    for (const [, spec = ''] of text.matchAll(
      /^import\s+(?:[^'"]*?\sfrom\s*)?["']([^"']+)["']/gm,
    )) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  visit(entry);
  return { source, packages: [...packages] };
}

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
    const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    await promisify(execFile)(
      process.execPath,
      [vite, 'build', '--config', 'vite.server.config.ts', '--outDir', out, '--logLevel', 'warn'],
      { cwd: root },
    );
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' });
    expect(files).toContain(join('server', 'main.js'));
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
    // Bundled: a handful of files, not one per module.
    expect(files.filter((f) => f.endsWith('.js')).length).toBeLessThan(30);
    // What only sign-in, imports and exports need is not loaded at start (memory, issue 10).
    const atStart = staticallyLoaded(join(out, 'server', 'main.js'));
    expect(atStart.packages).not.toContain('passport');
    expect(atStart.packages).not.toContain('passport-oauth2');
    expect(atStart.source).not.toContain('function importComments(');
    expect(atStart.source).not.toContain('function exportSite(');
    // ASCII only, so V8 holds the sources at one byte a character (vite.server.config.ts).
    expect(atStart.source).not.toMatch(/[^\p{ASCII}]/u);

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
