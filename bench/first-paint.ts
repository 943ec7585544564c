/**
 * First comment visible in headless Chromium, on a host page of another
 * origin that embeds Parley exactly as the README says, beside the floor: the
 * same host page holding a bare cross-origin iframe with one line of text.
 * Each load is cold (a new browser context: no cache, no cookies).
 */
import { createServer, type Server } from 'node:http';
import { chromium } from '@playwright/test';
import { median } from './load.ts';

export interface PaintResult {
  /** Milliseconds from navigation to the first comment (or the floor's line) on screen. */
  parley: number;
  floor: number;
  requests: number;
  bytes: number;
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
    const time = async (path: string, frameSelector: string, visible: string) => {
      const context = await browser.newContext();
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
      await context.close();
      return { ms, requests, bytes };
    };
    const parley: number[] = [];
    const floor: number[] = [];
    let last = { requests: 0, bytes: 0 };
    // Interleaved, so the machine's noise falls on both alike.
    for (let i = 0; i < LOADS + 1; i++) {
      const p = await time('/post', 'iframe', 'article.comment');
      const f = await time('/floor', 'iframe', 'p.line');
      if (i === 0) continue; // the browser's own first start
      parley.push(p.ms);
      floor.push(f.ms);
      last = p;
    }
    return {
      parley: median(parley),
      floor: median(floor),
      requests: last.requests,
      bytes: last.bytes,
    };
  } finally {
    await browser.close();
  }
}
