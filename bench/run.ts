/**
 * `npm run bench`: the server's performance budgets, measured against the real
 * app on a real SQLite file over real HTTP on loopback. Bounded: a fixed number
 * of requests per scenario. Exits non-zero when a budget is missed. The client
 * shares the machine's cores with the server, so the figures are conservative.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { saveSite } from '../server/sites/site.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
const parley = createApp(
  loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SQLITE_PATH: join(dir, 'b.sqlite'),
    // One client posts everything: flood control would (rightly) stop it.
    COMMENT_RATE_LIMIT: '100000',
    SITE_COMMENT_RATE_LIMIT: '1000000',
  }),
);
const { port } = await parley.start();
const base = `http://127.0.0.1:${port}`;
await saveSite(parley.db, {
  id: 'bench',
  name: 'Bench',
  origins: ['https://bench.example'],
  // Publish at once so the thread grows; the pipeline's checks still all run.
  settings: { moderation: { mode: 'none', minFormSeconds: 0 } },
});

const PAGE = 'https://bench.example/post';
function comment(i: number, parentId: string | null) {
  return JSON.stringify({
    site: 'bench',
    page: PAGE,
    pageUrl: PAGE,
    pageTitle: 'Bench',
    parentId,
    body: `Comment ${i}: some **Markdown**, a link https://example.com/${i} and \`code\`.\n\nSecond paragraph.`,
    author: {
      name: `Reader ${i % 17}`,
      email: `r${i % 17}@example.com`,
      website: 'reader.example',
    },
  });
}
const post = (body: string) =>
  fetch(`${base}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });

interface Result {
  name: string;
  n: number;
  p50: number;
  p95: number;
  rps: number;
  budgetP95: number;
}

async function measure(
  name: string,
  n: number,
  concurrency: number,
  budgetP95: number,
  once: (i: number) => Promise<void>,
): Promise<Result> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        await once(i);
        times.push(performance.now() - t);
      }
    }),
  );
  const elapsed = performance.now() - started;
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { name, n, p50: q(0.5), p95: q(0.95), rps: (n / elapsed) * 1000, budgetP95: budgetP95 };
}

async function ok(res: Response, status = 200) {
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

const ids: string[] = [];
const results: Result[] = [];
results.push(
  await measure('POST a comment (200, 1 at a time)', 200, 1, 15, async (i) => {
    const res = await post(
      comment(i, i % 3 === 0 || ids.length === 0 ? null : (ids[i - 1] ?? null)),
    );
    const body = (await res.json()) as { comment: { id: string } };
    ids.push(body.comment.id);
  }),
);
const listUrl = `${base}/api/v1/comments?site=bench&page=${encodeURIComponent(PAGE)}`;
results.push(
  await measure('GET a 200-comment thread, gzipped (x1000, 8 at once)', 1000, 8, 60, async () =>
    ok(await fetch(listUrl)),
  ),
);
const frameUrl = `${base}/embed/thread?site=bench&page=${encodeURIComponent(PAGE)}&url=${encodeURIComponent(PAGE)}&origin=${encodeURIComponent('https://bench.example')}`;
results.push(
  await measure(
    'GET the iframe page, thread inlined, gzipped (x1000, 8 at once)',
    1000,
    8,
    60,
    async () => ok(await fetch(frameUrl)),
  ),
);
results.push(
  await measure('GET embed.js (x2000, 8 at once)', 2000, 8, 10, async () =>
    ok(await fetch(`${base}/embed.js`, { headers: { 'accept-encoding': 'br' } })),
  ),
);

await parley.stop();
rmSync(dir, { recursive: true, force: true });

let failed = false;
for (const r of results) {
  const over = r.p95 > r.budgetP95;
  failed ||= over;
  console.log(
    `${over ? 'OVER ' : 'ok   '} ${r.name.padEnd(62)} p50 ${r.p50.toFixed(2).padStart(6)} ms  p95 ${r.p95.toFixed(2).padStart(6)} ms (budget ${r.budgetP95} ms)  ${r.rps.toFixed(0).padStart(5)} req/s`,
  );
}
process.exit(failed ? 1 : 0);
