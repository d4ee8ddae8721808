/** Latency percentiles (nearest-rank) and throughput of one run. */
export interface RunSummary {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly throughputPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export function summarise(latenciesMs: number[], errors: number, seconds: number): RunSummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    requests: latenciesMs.length,
    errors,
    seconds: round(seconds, 3),
    throughputPerSecond: round(latenciesMs.length / seconds, 1),
    p50Ms: round(percentile(sorted, 0.5)),
    p99Ms: round(percentile(sorted, 0.99)),
    maxMs: round(sorted.at(-1) ?? Number.NaN),
  };
}

/**
 * Runs `task` for each of `items` with `concurrency` workers, timing each call. A task that
 * throws or returns false counts as an error.
 */
export async function runConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<boolean>,
): Promise<RunSummary> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const index = next;
      next += 1;
      const item = items[index];
      if (item === undefined) return;
      const begin = performance.now();
      let ok: boolean;
      try {
        ok = await task(item);
      } catch {
        ok = false;
      }
      latencies.push(performance.now() - begin);
      if (!ok) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}
