/**
 * First comment visible in headless Chromium, on a host page of another
 * origin that embeds Parley exactly as the README says, beside the floor: the
 * same host page holding a bare cross-origin iframe with one line of text.
 * Each load is cold (a new browser context: no cache, no cookies).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { load, median } from './load.ts';
import { freePort, startParley } from './processes.ts';
import { BIG, SITE, seed } from './seed.ts';

export interface PaintResult {
  /**
   * Milliseconds from the host page's navigation to the frame's first
   * contentful paint (Paint Timing, on the host's clock): Parley's first
   * comments, or the floor's line. A frame kept hidden paints nothing, so
   * this is when the reader first sees them.
   */
  parley: number;
  floor: number;
  /**
   * As measured before (until 2026-11-29 23:00): from `page.goto()` to
   * Playwright seeing the element visible. goto waits for the host's load
   * event, which waits for the frame's, so this also counts the app's
   * scripts running, even when the comments were on screen before.
   */
  parleyLoaded: number;
  floorLoaded: number;
  requests: number;
  bytes: number;
  /**
   * Where Parley's time went: for each step (the loader, the iframe page,
   * each of its requests, its first paint), the median of when it started and
   * ended, in ms from the host page's navigation.
   */
  phases: Phase[];
}

export interface Phase {
  name: string;
  start: number;
  end: number;
}

const LOADS = Number(process.env.BENCH_LOADS ?? 10);

function hostPage(parley: string, site: string, pageId: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post</title></head>
<body style="background:#fdf8ee"><h1>A post</h1><p>Text of the post.</p>
<div id="parley-thread" data-page-id="${pageId}"></div>
<script src="${parley}/embed.js" data-site="${site}" data-page-id="${pageId}" async></script>
</body></html>`;
}

function floorPage(frameOrigin: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post</title></head>
<body style="background:#fdf8ee"><h1>A post</h1><p>Text of the post.</p>
<iframe src="${frameOrigin}/floor-frame" title="floor"></iframe></body></html>`;
}

/** Serves the host pages on `localhost`, another origin than Parley's 127.0.0.1. */
export async function startHost(port: number, parley: string, site: string, pageId: string) {
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (req.url === '/floor') res.end(floorPage(`http://127.0.0.1:${port}`));
    else if (req.url === '/floor-frame')
      res.end('<!doctype html><p class="line">One line of text.</p>');
    else res.end(hostPage(parley, site, pageId));
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export async function firstPaint(hostOrigin: string): Promise<PaintResult> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    const time = async (
      path: string,
      frameSelector: string,
      visible: string,
      phases?: Map<string, Phase[]>,
    ) => {
      const context = await browser.newContext();
      // When the loader hears each of the frame's messages (paint, ready…).
      await context.addInitScript(() => {
        if (window !== window.top) return;
        const heard: [string, number][] = [];
        Object.assign(window, { parleyHeard: heard });
        addEventListener('message', (e: MessageEvent) => {
          const type = (e.data as { parley?: { type?: unknown } } | null)?.parley?.type;
          if (typeof type === 'string') heard.push([type, performance.now()]);
        });
      });
      const page = await context.newPage();
      let requests = 0;
      let bytes = 0;
      page.on('requestfinished', async (request) => {
        requests++;
        const sizes = await request.sizes().catch(() => null);
        bytes += sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0;
      });
      const started = Date.now();
      await page.goto(`${hostOrigin}${path}`);
      await page.frameLocator(frameSelector).locator(visible).first().waitFor({ state: 'visible' });
      const ms = Date.now() - started;
      const frame = page.frames().find((f) => f !== page.mainFrame());
      if (!frame) throw new Error('no frame');
      const fcp = () => {
        const [paint] = performance.getEntriesByName('first-contentful-paint');
        return paint ? performance.timeOrigin + paint.startTime : 0;
      };
      await frame.waitForFunction(fcp);
      const painted =
        (await frame.evaluate(fcp)) - (await page.evaluate(() => performance.timeOrigin));
      if (phases) {
        for (const phase of await timeline(page)) {
          phases.set(phase.name, [...(phases.get(phase.name) ?? []), phase]);
        }
      }
      await context.close();
      return { ms, painted, requests, bytes };
    };
    const parley: number[] = [];
    const floor: number[] = [];
    const parleyLoaded: number[] = [];
    const floorLoaded: number[] = [];
    const phases = new Map<string, Phase[]>();
    let last = { requests: 0, bytes: 0 };
    // Interleaved, so the machine's noise falls on both alike.
    for (let i = 0; i < LOADS + 1; i++) {
      const p = await time('/post', 'iframe', 'article.comment', i === 0 ? undefined : phases);
      const f = await time('/floor', 'iframe', 'p.line');
      if (i === 0) continue; // the browser's own first start
      parley.push(p.painted);
      floor.push(f.painted);
      parleyLoaded.push(p.ms);
      floorLoaded.push(f.ms);
      last = p;
    }
    return {
      parley: Math.round(median(parley)),
      floor: Math.round(median(floor)),
      parleyLoaded: median(parleyLoaded),
      floorLoaded: median(floorLoaded),
      requests: last.requests,
      bytes: last.bytes,
      phases: [...phases.entries()]
        .map(([name, all]) => ({
          name,
          start: median(all.map((p) => p.start)),
          end: median(all.map((p) => p.end)),
        }))
        .sort((a, b) => a.start - b.start),
    };
  } finally {
    await browser.close();
  }
}

/**
 * The steps of one load, from the Resource and Paint Timing entries of the
 * host page and of Parley's frame, on the host page's clock. Read once the
 * first comment is visible: what comes later (live updates, the session
 * check) shows as started but not ended, or not at all.
 */
async function timeline(page: Page): Promise<Phase[]> {
  type Entry = { name: string; type: string; start: number; end: number };
  const read = () => ({
    origin: performance.timeOrigin,
    entries: performance.getEntries().flatMap((e): Entry[] => {
      if (e instanceof PerformanceResourceTiming)
        return [{ name: e.name, type: e.initiatorType, start: e.startTime, end: e.responseEnd }];
      if (e.entryType === 'paint' || e.entryType === 'navigation')
        return [
          { name: e.name, type: e.entryType, start: e.startTime, end: e.startTime + e.duration },
        ];
      return [];
    }),
  });
  const host = await page.evaluate(read);
  const heard = await page.evaluate(
    () => (window as { parleyHeard?: [string, number][] }).parleyHeard ?? [],
  );
  const frame = page.frames().find((f) => f.url().includes('/embed/thread'));
  const inner = frame ? await frame.evaluate(read) : { origin: host.origin, entries: [] };
  const shift = inner.origin - host.origin;
  const short = (url: string) => {
    const u = new URL(url);
    return u.pathname.replace(/-[\w-]{8}\.(js|css)$/, '.$1');
  };
  const phases: Phase[] = [];
  for (const e of host.entries) {
    if (e.type === 'navigation' || e.type === 'paint') continue;
    phases.push({ name: `host: ${short(e.name)}`, start: e.start, end: e.end });
  }
  for (const [type, at] of heard) {
    if (!phases.some((p) => p.name === `host: the frame says ${type}`))
      phases.push({ name: `host: the frame says ${type}`, start: at, end: at });
  }
  for (const e of inner.entries) {
    const name =
      e.type === 'navigation'
        ? 'frame: the iframe page (navigation)'
        : e.type === 'paint'
          ? `frame: ${e.name}`
          : `frame: ${short(e.name)}`;
    phases.push({ name, start: e.start + shift, end: e.end + shift });
  }
  return phases;
}

// `node bench/first-paint.ts`: this scenario alone, on the bench's store, then
// the iframe page under load (autocannon) with Parley's memory around it.
if (import.meta.main) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-paint-'));
  const [parleyPort, hostPort] = [await freePort(), await freePort()];
  const hostOrigin = `http://localhost:${hostPort}`;
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await seed(join(dir, 'bench.sqlite'), hostOrigin);
  const parley = await startParley(join(dir, 'bench.sqlite'), parleyPort);
  const host = await startHost(hostPort, parley.url, SITE, BIG);
  try {
    const paint = await firstPaint(host.origin);
    console.log(
      `first comment painted: Parley ${paint.parley} ms (${paint.requests} requests, ${(paint.bytes / 1024).toFixed(1)} KB), floor ${paint.floor} ms: floor + ${paint.parley - paint.floor} ms`,
    );
    console.log(
      `  as measured before (goto, then Playwright sees it): Parley ${paint.parleyLoaded} ms, floor ${paint.floorLoaded} ms: floor + ${paint.parleyLoaded - paint.floorLoaded} ms`,
    );
    console.log("median start → end (ms from the host page's navigation):");
    for (const p of paint.phases) {
      console.log(
        `  ${String(Math.round(p.start)).padStart(5)} → ${String(Math.round(p.end)).padStart(5)}  ${p.name}`,
      );
    }
    if (process.env.BENCH_SECONDS !== '0') {
      const q = encodeURIComponent;
      const url = `${parley.url}/embed/thread?site=${SITE}&page=${q(BIG)}&url=${q(`${hostOrigin}/post`)}&origin=${q(hostOrigin)}`;
      const before = parley.peakRssMb();
      const m = await load({ url, headers: { 'accept-encoding': 'br, gzip' } });
      console.log(
        `iframe page under load: ${Math.round(m.rps)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms${m.bad ? ` (${m.bad} failed)` : ''}; Parley's peak RSS ${before} MB before, ${parley.peakRssMb()} MB after`,
      );
    }
    console.log(
      `load average at end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await Promise.all([parley.stop(), host.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
