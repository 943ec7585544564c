/**
 * Load from autocannon (10 connections, a warm-up, then a timed run), and a
 * few small helpers for scenarios autocannon can't express.
 */
import autocannon from 'autocannon';

/** Seconds of measurement per scenario; BENCH_SECONDS shortens a trial run. */
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Math.min(2, SECONDS);

export interface Measured {
  rps: number;
  p50: number;
  p99: number;
  /** Responses that were not 2xx/304: a scenario with any is broken, not slow. */
  bad: number;
}

type Options = Pick<autocannon.Options, 'url' | 'headers' | 'method' | 'body' | 'requests'> & {
  connections?: number;
};

function run(options: Options, seconds: number): Promise<autocannon.Result> {
  return autocannon({ connections: 10, duration: seconds, ...options });
}

export async function load(options: Options): Promise<Measured> {
  await run(options, WARMUP_SECONDS);
  const r = await run(options, SECONDS);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bad: r.non2xx + r.errors + r.timeouts,
  };
}

export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}
