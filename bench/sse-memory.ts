/**
 * What an idle live-update stream costs Parley (issue 10, "Memory"): starts
 * the server of a checkout in a child process (node's flags as `npm start`'s,
 * plus --expose-gc), opens N idle streams to one page from many loopback
 * addresses, and reads the child's heap (after full collections) and RSS
 * before and after; then posts one comment and times its arrival at every
 * stream. `bare` runs a node:http server that holds such streams and nothing
 * else, the floor.
 *
 * Usage: node bench/sse-memory.ts [checkout dir | bare] [streams=5000] [port=0]
 */
import { type ChildProcess, fork } from 'node:child_process';
import { type ClientRequest, createServer, request } from 'node:http';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeHeapSnapshot } from 'node:v8';
import { quantile } from './load.ts';

interface Reading {
  heapUsed: number;
  external: number;
  rss: number;
  /** CPU time the server has used so far, in ms. */
  cpuMs: number;
}

const MB = 1024 * 1024;

// ---- the child: a server that reports its memory when asked ----
async function child(target: string): Promise<void> {
  let url: string;
  if (target === 'bare') {
    const held = new Set<unknown>();
    const server = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8' });
      res.write('retry: 2000\n\n');
      held.add(res);
      req.on('close', () => held.delete(res));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  } else {
    const { startTestServer } = (await import(
      resolve(target, 'server/test/test-server.ts')
    )) as typeof import('../server/test/test-server.ts');
    const server = await startTestServer('sqlite', { LIVE_MAX_PER_IP: '1000000' });
    await server.buildSite();
    url = server.url;
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  let snapshots = 0;
  process.on('message', (what) => {
    for (let i = 0; what === 'measure' && i < 4; i++) gc?.();
    // SSE_SNAPSHOTS=dir: a heap snapshot at each reading, to see what a stream holds.
    if (what === 'measure' && process.env.SSE_SNAPSHOTS) {
      writeHeapSnapshot(
        `${process.env.SSE_SNAPSHOTS}/sse-${process.pid}-${snapshots++}.heapsnapshot`,
      );
    }
    const m = process.memoryUsage();
    const cpu = process.cpuUsage();
    process.send?.({
      heapUsed: m.heapUsed,
      external: m.external,
      rss: m.rss,
      cpuMs: (cpu.user + cpu.system) / 1000,
    } satisfies Reading);
  });
  process.send?.({ url });
}

// ---- the parent: opens the streams, reads the child ----
const PER_ADDRESS = 4;
const addressOf = (i: number) => {
  const n = Math.floor(i / PER_ADDRESS);
  return `127.0.${1 + Math.floor(n / 250)}.${2 + (n % 250)}`;
};

function ask<T>(proc: ChildProcess, message?: string): Promise<T> {
  return new Promise((done) => {
    proc.once('message', (m) => done(m as T));
    if (message !== undefined) proc.send(message);
  });
}

async function parent(target: string, count: number): Promise<void> {
  const proc = fork(import.meta.filename, ['--child', target], {
    execArgv: [
      '--disable-warning=ExperimentalWarning',
      '--max-semi-space-size=8',
      '--max-old-space-size=512',
      '--expose-gc',
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { url } = await ask<{ url: string }>(proc);
  const base = new URL(url);
  const page = 'https://blog.example/sse-memory';
  const path = `/api/v1/events?site=blog&page=${encodeURIComponent(page)}`;
  // Warm up: one stream opened and closed, so code paths are compiled before the baseline.
  for (let i = 0; i < 50; i++) {
    const res = await fetch(`${url}${path}`);
    await res.body?.cancel();
  }
  const post = (body: string) =>
    fetch(`${url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site: 'blog',
        page,
        pageUrl: page,
        body,
        author: { name: 'Bench', email: 'bench@example.com' },
      }),
    });
  // And the POST path, so the probe below is timed warm, as in the bench.
  if (target !== 'bare') for (let i = 0; i < 5; i++) await (await post(`Warm-up ${i}`)).json();
  await new Promise((r) => setTimeout(r, 300));
  const before = await ask<Reading>(proc, 'measure');

  const requests: ClientRequest[] = [];
  // What arrived after the comment was posted, with when, per stream.
  const arrived: { at: number; text: string }[][] = [];
  let postedAt = Number.POSITIVE_INFINITY;
  const open = (i: number) =>
    new Promise<void>((opened) => {
      const req = request(
        {
          host: base.hostname,
          port: base.port,
          path,
          localAddress: target === 'bare' ? undefined : addressOf(i),
          headers: { accept: 'text/event-stream' },
          agent: false,
        },
        (res) => {
          opened();
          res.setEncoding('utf8');
          const chunks: { at: number; text: string }[] = [];
          arrived[i] = chunks;
          res.on('data', (text: string) => {
            const at = performance.now();
            if (at >= postedAt) chunks.push({ at, text });
          });
        },
      );
      req.on('error', () => opened());
      requests.push(req);
      req.end();
    });
  for (let i = 0; i < count; i += 100) {
    await Promise.all(Array.from({ length: Math.min(100, count - i) }, (_, k) => open(i + k)));
  }
  await new Promise((r) => setTimeout(r, 1000));
  const after = await ask<Reading>(proc, 'measure');
  const per = (key: keyof Reading) => ((after[key] - before[key]) / count / 1024).toFixed(2);
  console.log(
    `${target}: ${count} streams; heap ${(before.heapUsed / MB).toFixed(1)} → ${(after.heapUsed / MB).toFixed(1)} MB (${per('heapUsed')} KB each), ` +
      `external ${per('external')} KB each, RSS ${(before.rss / MB).toFixed(1)} → ${(after.rss / MB).toFixed(1)} MB (${per('rss')} KB each)`,
  );

  // Three probes, a second apart: on a shared machine one is noise.
  for (let probe = 1; target !== 'bare' && probe <= 3; probe++) {
    for (const chunks of arrived) chunks?.splice(0);
    const cpuBefore = await ask<Reading>(proc, 'cpu');
    postedAt = performance.now();
    const res = await post(`Fan-out probe ${probe}`);
    const id = ((await res.json()) as { comment: { id: string } }).comment.id;
    const heardAt = (chunks: { at: number; text: string }[] | undefined) =>
      chunks?.find((c) => c.text.includes(id))?.at;
    for (let waited = 0; waited < 5_000; waited += 50) {
      if (arrived.every((c) => heardAt(c) !== undefined)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const cpuAfter = await ask<Reading>(proc, 'cpu');
    const times = arrived
      .map(heardAt)
      .filter((t): t is number => t !== undefined)
      .map((t) => t - postedAt)
      .sort((a, b) => a - b);
    console.log(
      `  fan-out ${probe}: ${times.length}/${count} received, ${times.filter((t) => t <= 1000).length} within 1 s, ` +
        `p50 ${quantile(times, 0.5).toFixed(0)} ms, p99 ${quantile(times, 0.99).toFixed(0)} ms, max ${(times.at(-1) ?? Number.NaN).toFixed(0)} ms; ` +
        `server CPU for the post and its fan-out ${(cpuAfter.cpuMs - cpuBefore.cpuMs).toFixed(0)} ms`,
    );
    postedAt = Number.POSITIVE_INFINITY;
    await new Promise((r) => setTimeout(r, 1000));
  }
  for (const req of requests) req.destroy();
  proc.kill('SIGKILL');
}

const args = process.argv.slice(2);
if (args[0] === '--child') await child(args[1] ?? 'bare');
else await parent(args[0] === 'bare' ? 'bare' : resolve(args[0] ?? '.'), Number(args[1] ?? 5000));
