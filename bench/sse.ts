/**
 * Idle live-update subscribers: N connections to one page's event stream,
 * then one new comment, and how long each subscriber took to hear of it.
 * Connections come from many loopback addresses (127.0.x.y) so a per-address
 * connection limit, which a real crowd of readers never meets, doesn't refuse
 * the crowd the bench plays.
 */
import { type ClientRequest, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { quantile } from './load.ts';

export interface SseResult {
  subscribers: number;
  connected: number;
  received: number;
  within1s: number;
  p50: number;
  p99: number;
  max: number;
}

const PER_ADDRESS = 4;

function address(i: number): string {
  const n = Math.floor(i / PER_ADDRESS);
  return `127.0.${1 + Math.floor(n / 250)}.${2 + (n % 250)}`;
}

interface Subscriber {
  /** What arrived after the comment was posted, with when. */
  chunks: { at: number; text: string }[];
}

export async function sseFanout(
  base: string,
  path: string,
  count: number,
  post: () => Promise<string>,
): Promise<SseResult | null> {
  const probe = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(3000) }).catch(
    () => null,
  );
  if (!probe || probe.status === 404) return null; // no live updates in this build
  await probe.body?.cancel().catch(() => {});

  const url = new URL(path, base);
  const requests: ClientRequest[] = [];
  const subscribers: Subscriber[] = [];
  let postedAt = Number.POSITIVE_INFINITY;
  const open = (i: number) =>
    new Promise<void>((opened) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          localAddress: address(i),
          headers: { accept: 'text/event-stream' },
          agent: false,
        },
        (res) => {
          opened();
          if (res.statusCode !== 200) {
            res.resume();
            return;
          }
          const subscriber: Subscriber = { chunks: [] };
          subscribers.push(subscriber);
          res.setEncoding('utf8');
          res.on('data', (text: string) => {
            const at = performance.now();
            if (at >= postedAt) subscriber.chunks.push({ at, text });
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
  await new Promise((r) => setTimeout(r, 500));

  postedAt = performance.now();
  const id = await post();
  const heardAt = (s: Subscriber) => s.chunks.find((c) => c.text.includes(id))?.at;
  for (let waited = 0; waited < 5_000; waited += 100) {
    if (subscribers.every((s) => heardAt(s) !== undefined)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const req of requests) req.destroy();

  const times = subscribers
    .map(heardAt)
    .filter((t): t is number => t !== undefined)
    .map((t) => t - postedAt)
    .sort((a, b) => a - b);
  return {
    subscribers: count,
    connected: subscribers.length,
    received: times.length,
    within1s: times.filter((t) => t <= 1000).length,
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    max: times.at(-1) ?? Number.NaN,
  };
}
