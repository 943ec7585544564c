/**
 * The request log a server writes, read from the real process as an operator
 * would (`npm start`): one short line per request, no headers, no secrets.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestLog } from './request-log.ts';

interface Started {
  child: ChildProcess;
  url: string;
  lines: string[];
  stderr: string[];
}

/** Starts `server/main.ts` (the source `npm start` runs built) on a free port; resolves once it listens. */
async function startServer(env: Record<string, string>): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-log-'));
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'server/main.ts'],
    {
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        HOST: '127.0.0.1',
        SQLITE_PATH: join(dir, 'log.sqlite'),
        ...env,
      },
    },
  );
  child.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const lines: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (l) =>
    stderr.push(l),
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`server exited (${code}): ${stderr.join('\n')}`)),
    );
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      lines.push(line);
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      if (entry.msg === 'Parley listening') resolve(`http://127.0.0.1:${entry.port}`);
    });
  });
  return { child, url, lines, stderr };
}

/** Waits for the log line whose message matches. */
async function lineFor(server: Started, message: RegExp): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const line = server.lines.find((l) => message.test(JSON.parse(l).msg));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no log line matching ${message}:\n${server.lines.join('\n')}`);
}

const stop = (server: Started | undefined) =>
  new Promise<void>((resolve) => {
    if (!server || server.child.exitCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });

describe('request logs', { timeout: 60_000 }, () => {
  let server: Started;
  // Starting a server took over 10 s once on the shared, loaded machine.
  beforeAll(async () => {
    server = await startServer({});
    // Spawning Node and migrating took over 10 s on a loaded shared machine.
  }, 60_000);
  afterAll(() => stop(server));

  it('write method, path, status and time, and nothing from the headers', async () => {
    const res = await fetch(`${server.url}/api/v1/comments?site=blog&page=secret-page`, {
      headers: {
        cookie: 'parley_ak_blog=author-key-secret',
        authorization: 'Bearer token-secret',
        'user-agent': 'Agent/1.0 (very long user agent string)',
      },
    });
    expect(res.status).toBe(404);
    const line = await lineFor(server, /^GET \/api\/v1\/comments 404 \d+ ms$/);
    const entry = JSON.parse(line);
    expect(entry.req).toEqual({ method: 'GET', path: '/api/v1/comments' });
    expect(entry.res).toEqual({ status: 404 });
    expect(typeof entry.responseTime).toBe('number');
    for (const secret of ['headers', 'secret', 'Agent/1.0', 'cookie', 'authorization', 'remote']) {
      expect(line).not.toContain(secret);
    }
    expect(line.length).toBeLessThan(250);
  });

  it('prints no warnings at start (no ExperimentalWarning for node:sqlite)', () => {
    expect(server.stderr).toEqual([]);
  });
});

describe('request logs at LOG_LEVEL=debug', { timeout: 60_000 }, () => {
  let server: Started;
  beforeAll(async () => {
    server = await startServer({ LOG_LEVEL: 'debug' });
  }, 60_000);
  afterAll(() => stop(server));

  it('describe the whole request for troubleshooting, secrets redacted', async () => {
    await fetch(`${server.url}/api/v1/comments?site=blog&page=p`, {
      headers: { cookie: 'parley_ak_blog=author-key-secret', 'user-agent': 'Agent/1.0' },
    });
    const line = await lineFor(server, /request completed/);
    expect(line).toContain('Agent/1.0');
    expect(line).not.toContain('author-key-secret');
  });
});

describe('request logs at LOG_LEVEL=silent', () => {
  it('hand requests the app’s logger, and log again once the level is raised', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'silent' }, { write: (line: string) => lines.push(line) });
    const middleware = requestLog(logger);
    const seen: IncomingMessage[] = [];
    const server = createServer((req, res) =>
      middleware(req, res, () => {
        seen.push(req);
        res.end('ok');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x?secret=1`;
    try {
      await (await fetch(url)).text();
      expect(seen[0]?.log).toBe(logger);
      expect(lines).toEqual([]);
      logger.level = 'info';
      await (await fetch(url)).text();
      await new Promise((resolve) => setImmediate(resolve));
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] as string)).toMatchObject({
        msg: expect.stringMatching(/^GET \/x 200 \d+ ms$/),
      });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
