/**
 * Server CPU time per request, A/B, interleaved (issue 10: a memory change
 * must not cost throughput; on this shared machine req/s is noise, the
 * server's own CPU per request much less so). Each variant is node flags
 * added to `npm start`'s (BENCH_NODE_FLAGS); each round starts every variant
 * on a copy of one seeded store and sends it a fixed number of warm reads,
 * iframe pages and guest POSTs (10 connections), reading utime+stime from
 * /proc/<pid>/stat around each.
 *
 * Usage: node bench/cpu-ab.ts <seeded sqlite> <rounds> '<flags A>' '<flags B>' …
 * (the seeded store: BENCH_SEED_CACHE of a bench run, whose host origin is
 * http://localhost:21500).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, startParley } from './processes.ts';
import { BIG, SITE } from './seed.ts';

const [seeded = '', rounds = '2', ...variants] = process.argv.slice(2);
const hostOrigin = 'http://localhost:21500';
const q = encodeURIComponent;
const TICK_US = 1e6 / 100; // USER_HZ

function cpuUs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * TICK_US;
}

let n = 0;
const scenarios = [
  { name: 'warm read', amount: 10_000, path: `/api/v1/comments?site=${SITE}&page=${q(BIG)}` },
  {
    name: 'iframe page',
    amount: 2_000,
    path: `/embed/thread?site=${SITE}&page=${q(BIG)}&url=${q(`${hostOrigin}/post`)}&origin=${q(hostOrigin)}`,
  },
  { name: 'guest POST', amount: 1_000, path: '/api/v1/comments', post: true },
];

type Row = Record<string, number[]>;
const results: Record<string, Row> = {};
function add(row: Row, key: string, value: number): void {
  const values = row[key] ?? [];
  values.push(value);
  row[key] = values;
}
for (let round = 0; round < Number(rounds); round++) {
  for (const flags of variants) {
    const dir = mkdtempSync(join(tmpdir(), 'parley-cpu-'));
    copyFileSync(seeded, join(dir, 'bench.sqlite'));
    process.env.BENCH_NODE_FLAGS = flags;
    const port = await freePort();
    const parley = await startParley(join(dir, 'bench.sqlite'), port);
    const { pid } = parley;
    const row: Row = results[flags || '(npm start)'] ?? {};
    results[flags || '(npm start)'] = row;
    for (const s of scenarios) {
      const options = {
        url: `${parley.url}${s.path}`,
        connections: 10,
        headers: s.post
          ? { 'content-type': 'application/json', origin: hostOrigin }
          : { 'accept-encoding': 'br, gzip' },
        method: s.post ? ('POST' as const) : ('GET' as const),
        requests: s.post
          ? [
              {
                setupRequest: (req: object) => ({
                  ...req,
                  body: JSON.stringify({
                    site: SITE,
                    page: 'https://bench.example/posts',
                    pageUrl: `${hostOrigin}/post`,
                    body: `CPU bench ${n++}`,
                    author: { name: 'Poster', email: 'p@example.com' },
                  }),
                }),
              },
            ]
          : undefined,
      };
      await autocannon({ ...options, amount: Math.floor(s.amount / 5) }); // warm-up
      const before = cpuUs(pid);
      const r = await autocannon({ ...options, amount: s.amount });
      const per = (cpuUs(pid) - before) / s.amount;
      if (r.non2xx + r.errors > 0)
        console.log(`  ${s.name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
      add(row, s.name, Math.round(per));
    }
    add(row, 'VmHWM MB', parley.peakRssMb());
    await parley.stop();
    rmSync(dir, { recursive: true, force: true });
    console.log(`round ${round + 1} ${flags || '(npm start)'}: ${JSON.stringify(row)}`);
  }
}
console.log('µs of server CPU per request, each round:');
for (const [flags, row] of Object.entries(results)) console.log(`${flags}: ${JSON.stringify(row)}`);
