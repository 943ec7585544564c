/**
 * `npm run bench`: what Parley costs, as a ratio to the ceiling measured in the
 * same run (this machine is shared and noisy: absolute figures drift, ratios
 * hold). Prints a table and writes bench/results.json. Never a pass/fail
 * gate: the targets are printed beside the figures for a person to read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { firstPaint, startHost } from './first-paint.ts';
import { load, type Measured, quantile, SECONDS } from './load.ts';
import { freePort, startCeiling, startParley } from './processes.ts';
import { BIG, HUGE, otherPage, SITE, seed } from './seed.ts';
import { sseFanout } from './sse.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
const sqlite = join(dir, 'bench.sqlite');
const [parleyPort, hostPort] = [await freePort(), await freePort()];
const hostOrigin = `http://localhost:${hostPort}`;

console.log('Seeding 1,000 + 10,000 comments on two pages and 100,000 over 1,000 more…');
let t = performance.now();
await seed(sqlite, hostOrigin);
console.log(`  seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const parley = await startParley(sqlite, parleyPort);
const base = parley.url;
const host = await startHost(hostPort, base, SITE, BIG);
const BR = { 'accept-encoding': 'br, gzip' };
const q = encodeURIComponent;
const list = (page: string) => `/api/v1/comments?site=${SITE}&page=${q(page)}`;
const frame = (page: string) =>
  `/embed/thread?site=${SITE}&page=${q(page)}&url=${q(`${hostOrigin}/post`)}&origin=${q(hostOrigin)}`;

let n = 0;
const commentBody = (page: string) =>
  JSON.stringify({
    site: SITE,
    page,
    pageUrl: `${hostOrigin}/post`,
    pageTitle: 'Bench post',
    body: `Bench comment ${process.pid}-${n++}: a line of **Markdown**.`,
    author: { name: `Poster ${n % 13}`, email: `p${n % 13}@example.com` },
  });
async function post(page: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: hostOrigin },
    body: commentBody(page),
  });
  const body = (await res.json()) as { comment?: { id: string } };
  if (res.status !== 201 || !body.comment)
    throw new Error(`POST ${res.status}: ${JSON.stringify(body)}`);
  return body.comment.id;
}

/** A read right after a write: the cache (if any) has just been told to forget the page. */
async function cold(page: string, times = 30): Promise<Measured> {
  const took: number[] = [];
  for (let i = 0; i < times; i++) {
    await post(page);
    const start = performance.now();
    const res = await fetch(`${base}${list(page)}`, { headers: BR });
    await res.arrayBuffer();
    took.push(performance.now() - start);
  }
  took.sort((a, b) => a - b);
  return { rps: Number.NaN, p50: quantile(took, 0.5), p99: quantile(took, 0.99), bad: 0 };
}

// The ceiling: Parley's own bytes for the 1,000-comment thread's first page,
// exactly as sent (node:http, which, unlike fetch, leaves them compressed).
const recording = await new Promise<{
  status: number;
  headers: Record<string, string>;
  body: string;
}>((resolve, reject) => {
  get(`${base}${list(BIG)}`, { headers: BR }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => {
      const keep = ['content-type', 'content-encoding', 'cache-control', 'etag', 'vary'];
      resolve({
        status: res.statusCode ?? 0,
        headers: Object.fromEntries(
          keep.flatMap((h) =>
            typeof res.headers[h] === 'string' ? [[h, res.headers[h] as string]] : [],
          ),
        ),
        body: Buffer.concat(chunks).toString('base64'),
      });
    });
  }).on('error', reject);
});
writeFileSync(join(dir, 'recording.json'), JSON.stringify(recording));
const ceilingProc = await startCeiling(join(dir, 'recording.json'));

interface Row {
  name: string;
  m: Measured;
  /** Reads are compared with the ceiling; writes and the rest are not. */
  ratio: boolean;
  target: string;
  /** Parley's peak RSS once this scenario ended (MB): where memory grew. */
  peakRssMb: number;
}
const rows: Row[] = [];
const measure = async (name: string, target: string, ratio: boolean, m: Promise<Measured>) => {
  process.stdout.write(`  ${name}…\n`);
  rows.push({ name, m: await m, ratio, target, peakRssMb: parley.peakRssMb() });
};

console.log(`Measuring (${SECONDS} s per scenario, 10 connections)…`);
await measure(
  'ceiling: bare node:http, same bytes',
  '',
  false,
  load({ url: ceilingProc.url, headers: BR }),
);
await measure('first page, 1,000-comment thread, cold', '', false, cold(BIG));
await measure(
  'first page, 1,000-comment thread, warm',
  '≥ 50% of ceiling, p99 < 10 ms',
  true,
  load({ url: `${base}${list(BIG)}`, headers: BR }),
);
await measure('first page, 10,000-comment thread, cold', '', false, cold(HUGE));
await measure(
  'first page, 10,000-comment thread, warm',
  'within 10% of the 1,000 one',
  true,
  load({ url: `${base}${list(HUGE)}`, headers: BR }),
);
await measure(
  '10-comment page on a 100,000-comment site',
  '',
  true,
  load({ url: `${base}${list(otherPage(7))}`, headers: BR }),
);
await measure(
  'iframe page, 1,000-comment thread',
  '',
  true,
  load({ url: `${base}${frame(BIG)}`, headers: BR }),
);
const counts = `/api/v1/counts?site=${SITE}&${Array.from({ length: 20 }, (_, i) => `page=${q(otherPage(i))}`).join('&')}`;
const countsProbe = await fetch(`${base}${counts}`);
await countsProbe.arrayBuffer();
if (countsProbe.status === 200) {
  await measure(
    'counts for 20 pages',
    '≥ 25% of ceiling',
    true,
    load({ url: `${base}${counts}`, headers: BR }),
  );
}
await measure(
  'guest POST (whole pipeline, Akismet off)',
  'median < 5 ms',
  false,
  load({
    url: `${base}/api/v1/comments`,
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: hostOrigin },
    requests: [
      { setupRequest: (req) => ({ ...req, body: commentBody('https://bench.example/posts') }) },
    ],
  }),
);
// The warm read while 20 comments a second arrive on the same page.
const poster = setInterval(() => void post(BIG).catch(() => {}), 50);
await measure(
  'warm read, 1,000-comment thread, 20 posts/s arriving',
  '',
  true,
  load({ url: `${base}${list(BIG)}`, headers: BR }),
);
clearInterval(poster);

console.log('  5,000 idle live-update subscribers…');
const rssBeforeSse = parley.peakRssMb();
const sse = await sseFanout(
  base,
  `/api/v1/events?site=${SITE}&page=${q(otherPage(3))}`,
  5_000,
  () => post(otherPage(3)),
);
console.log('  first comment visible in Chromium (cold loads)…');
const rssAfterSse = parley.peakRssMb();
const paint = await firstPaint(hostOrigin);

const peakRss = parley.peakRssMb();
await Promise.all([parley.stop(), ceilingProc.stop(), host.close()]);
rmSync(dir, { recursive: true, force: true });

// The table.
const ceiling = rows[0]?.m.rps ?? Number.NaN;
const fmt = (v: number, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
const lines = [
  '| scenario | req/s | p50 ms | p99 ms | of ceiling | target |',
  '|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.name}${r.m.bad ? ` (${r.m.bad} failed)` : ''} | ${fmt(r.m.rps)} | ${fmt(r.m.p50, 1)} | ${fmt(r.m.p99, 1)} | ${r.ratio ? `${fmt((r.m.rps / ceiling) * 100)}%` : ''} | ${r.target} |`,
  ),
  sse
    ? `| ${sse.subscribers.toLocaleString('en-US')} idle SSE subscribers, one new comment (${sse.connected} connected, ${sse.received} received, ${sse.within1s} within 1 s) | | ${fmt(sse.p50)} | ${fmt(sse.p99)} | | all within 1 s |`
    : '| idle SSE subscribers | no /api/v1/events in this build | | | | |',
  `| first comment visible, Chromium, cross-origin host (median of ${process.env.BENCH_LOADS ?? 10} cold loads; ${paint.requests} requests, ${fmt(paint.bytes / 1024, 1)} KB) | | ${fmt(paint.parley)} | | | ≤ floor + 150 ms |`,
  `| floor: bare cross-origin iframe with one line of text | | ${fmt(paint.floor)} | | | |`,
  `| Parley's peak RSS through the whole bench | | | | | < 150 MB: ${peakRss} MB |`,
];
console.log(`\n${lines.join('\n')}\n`);
t = Date.now();
writeFileSync(
  'bench/results.json',
  `${JSON.stringify(
    {
      date: new Date(t).toISOString(),
      node: process.version,
      seconds: SECONDS,
      ceilingRps: ceiling,
      scenarios: rows.map((r) => ({
        name: r.name,
        ...r.m,
        ofCeiling: r.ratio ? r.m.rps / ceiling : null,
        target: r.target,
        peakRssMbAfter: r.peakRssMb,
      })),
      sse,
      firstPaint: paint,
      peakRssMb: peakRss,
      peakRssMbBeforeSse: rssBeforeSse,
      peakRssMbAfterSse: rssAfterSse,
    },
    null,
    2,
  )}\n`,
);
console.log('Wrote bench/results.json');
