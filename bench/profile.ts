/**
 * `npm run bench:profile [-- <checkout>] [--post | --counts]`: where the time
 * of the 1,000-comment thread's first-page read goes (or a guest POST's, or
 * the counts of 20 pages). Seeds the bench's store with the checkout's
 * own seed, runs the checkout's server under `--cpu-prof`, loads
 * `GET /api/v1/comments` (10 connections, BENCH_SECONDS, br) and prints the
 * functions with the most self time. `<checkout>` is another worktree (an
 * older commit, for a before/after); default this one. The profile stays in
 * the printed directory for Chrome DevTools.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { load, SECONDS } from './load.ts';
import { freePort } from './processes.ts';

const root = resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '.');
const dir = mkdtempSync(join(tmpdir(), 'parley-profile-'));
const sqlite = join(dir, 'bench.sqlite');
const port = await freePort();
const hostOrigin = 'http://localhost:9';

interface SeedModule {
  seed(path: string, hostOrigin: string): Promise<void>;
  SITE: string;
  BIG: string;
  otherPage(i: number): string;
}
const { seed, SITE, BIG, otherPage } = (await import(
  pathToFileURL(join(root, 'bench/seed.ts')).href
)) as SeedModule;
console.log(`Seeding (${root})…`);
await seed(sqlite, hostOrigin);

const spawnedAt = performance.now();
const child: ChildProcess = spawn(
  process.execPath,
  [
    '--disable-warning=ExperimentalWarning',
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    join(root, 'server/main.ts'),
  ],
  {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SQLITE_PATH: sqlite,
      LOG_LEVEL: 'silent',
      AUTH_SECRET: 'bench-secret-bench-secret-bench-secret',
      COMMENT_RATE_LIMIT: '100000',
      SITE_COMMENT_RATE_LIMIT: '100000',
    },
    stdio: 'inherit',
  },
);
const url = `http://127.0.0.1:${port}/api/v1/comments?site=${SITE}&page=${encodeURIComponent(BIG)}`;
for (let i = 0; ; i++) {
  try {
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.ok) break;
  } catch {}
  if (i > 600 || child.exitCode !== null) throw new Error('the server did not answer');
  await new Promise((r) => setTimeout(r, 100));
}
// `--post`: a guest POST instead (the whole pipeline, Akismet off);
// `--counts`: the counts of 20 pages, as the bench asks for them.
const posting = process.argv.includes('--post');
const counting = process.argv.includes('--counts');
const countsUrl = `http://127.0.0.1:${port}/api/v1/counts?site=${SITE}&${Array.from(
  { length: 20 },
  (_, i) => `page=${encodeURIComponent(otherPage(i))}`,
).join('&')}`;
let n = 0;
const postBody = () =>
  JSON.stringify({
    site: SITE,
    page: 'https://bench.example/posts',
    pageUrl: `${hostOrigin}/post`,
    pageTitle: 'Bench post',
    body: `Bench comment ${n++}: a line of **Markdown**.`,
    author: { name: `Poster ${n % 13}`, email: `p${n % 13}@example.com` },
  });
console.log(
  `Loading ${posting ? 'POST /api/v1/comments' : counting ? countsUrl : url} for ${SECONDS} s…`,
);
// Only the load counts, not start-up (module loading, migrations).
const loadFrom = (performance.now() - spawnedAt) * 1000;
const m = posting
  ? await load({
      url: `http://127.0.0.1:${port}/api/v1/comments`,
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: hostOrigin },
      requests: [{ setupRequest: (req) => ({ ...req, body: postBody() }) }],
    })
  : await load({ url: counting ? countsUrl : url, headers: { 'accept-encoding': 'br, gzip' } });
console.log(`  ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.bad} failed`);
await new Promise<void>((done) => {
  child.once('exit', () => done());
  child.kill('SIGTERM');
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error(`no profile written in ${dir}`);
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
const nameOf = new Map<number, string>();
for (const { id, callFrame: f } of profile.nodes) {
  const path = f.url.startsWith('file://')
    ? relative(root, f.url.slice('file://'.length))
        .replace(/^(\.\.\/)+/, '')
        .replace(/^.*?(?=node_modules\/)/, '')
    : f.url;
  const where = path ? ` ${path}:${f.lineNumber + 1}` : '';
  nameOf.set(id, `${f.functionName || '(anonymous)'}${where}`);
}
const self = new Map<string, number>();
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  at += delta;
  if (at - profile.startTime < loadFrom) return;
  const name = nameOf.get(id) ?? '?';
  self.set(name, (self.get(name) ?? 0) + delta);
});
const idle = self.get('(idle)') ?? 0;
const busy = [...self.values()].reduce((a, b) => a + b, 0) - idle;
console.log(
  `\nSelf time, ${(busy / 1e6).toFixed(1)} s busy of ${((busy + idle) / 1e6).toFixed(1)} s (main thread):`,
);
console.log('| function | self % of busy |\n|---|---|');
for (const [name, us] of [...self]
  .filter(([name]) => name !== '(idle)')
  .sort((a, b) => b[1] - a[1])
  .slice(0, 15)) {
  console.log(`| \`${name}\` | ${((us / busy) * 100).toFixed(1)}% |`);
}
console.log(`\nProfile: ${join(dir, file)}`);
