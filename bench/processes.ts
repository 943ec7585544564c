/**
 * The bench's servers, each in a process of its own so the load generator
 * never shares their event loop and each one's peak memory is its own:
 * Parley as `npm start` runs it (its environment and node's flags read from
 * package.json), and the ceiling, a bare node:http server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { BENCH_AUTH_SECRET } from './seed.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Proc {
  url: string;
  pid: number;
  /** The process's peak resident memory so far (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

function peakRss(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function untilAnswers(url: string, child: ChildProcess, output: () => string) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output()}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`server did not answer ${url}: ${output()}`);
}

function start(args: string[], env: Record<string, string>, readyPath: string, port: number) {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output = (output + d).slice(-4000);
  });
  child.stderr?.on('data', (d) => {
    output = (output + d).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    ready: untilAnswers(`${url}${readyPath}`, child, () => output),
    proc: {
      url,
      pid: child.pid ?? 0,
      peakRssMb: () => peakRss(child),
      stop: () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
        }),
    } satisfies Proc,
  };
}

/**
 * What `npm start` runs: the variables it sets (`NAME=value` before `node`)
 * and node's arguments, read from package.json so the bench measures the
 * memory and speed of exactly what a deployment starts.
 */
export function startCommand(): { env: Record<string, string>; args: string[] } {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = (pkg.scripts.start ?? '').split(/\s+/).filter(Boolean);
  const node = words.indexOf('node');
  if (node < 0) throw new Error(`npm start does not run node: ${pkg.scripts.start}`);
  const env = Object.fromEntries(
    words.slice(0, node).map((word) => {
      const [name = '', ...value] = word.split('=');
      if (!/^[A-Z_][A-Z0-9_]*$/.test(name) || value.length === 0)
        throw new Error(`npm start: "${word}" before node is not a NAME=value`);
      return [name, value.join('=')];
    }),
  );
  return { env, args: words.slice(node + 1) };
}

/** Parley on its own port, on the seeded SQLite file, logging nothing, started as `npm start` starts it. */
export async function startParley(
  sqlitePath: string,
  port: number,
  extraEnv: Record<string, string> = {},
) {
  const command = startCommand();
  // BENCH_NODE_FLAGS (a trial of other flags) go after npm start's, before its entry file.
  const { ready, proc } = start(
    [
      ...command.args.slice(0, -1),
      ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
      ...command.args.slice(-1),
    ],
    {
      ...command.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SQLITE_PATH: sqlitePath,
      LOG_LEVEL: 'silent',
      AUTH_SECRET: BENCH_AUTH_SECRET,
      // One client posts everything: flood control would (rightly) stop it.
      COMMENT_RATE_LIMIT: '100000',
      SITE_COMMENT_RATE_LIMIT: '100000',
      ...extraEnv,
    },
    '/embed.js',
    port,
  );
  await ready;
  return proc;
}

/** A bare node:http server answering every request with one recorded response. */
export async function startCeiling(recordingPath: string) {
  const port = await freePort();
  const { ready, proc } = start(
    ['bench/ceiling-server.ts', recordingPath, String(port)],
    {},
    '/',
    port,
  );
  await ready;
  return proc;
}
