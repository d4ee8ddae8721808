/** Summaries as R's base functions compute them: mean, sd, quantile (type 7), ranks. */

/** Arithmetic mean with R's second pass (mean += Σ(x - mean)/n), NaN for no values. */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += values[i] ?? 0;
  let m = sum / n;
  let correction = 0;
  for (let i = 0; i < n; i += 1) correction += (values[i] ?? 0) - m;
  m += correction / n;
  return m;
}

/** Sample variance (n - 1 denominator), two-pass; NaN for fewer than two values. */
export function variance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let squares = 0;
  for (let i = 0; i < n; i += 1) squares += ((values[i] ?? 0) - m) ** 2;
  return squares / (n - 1);
}

/** Sample standard deviation. */
export function sd(values: ArrayLike<number>): number {
  return Math.sqrt(variance(values));
}

/**
 * Quantile of already sorted values by R's default definition (type 7): the order statistic at
 * 1 + (n - 1) q, interpolated linearly as (1 - h) x_lo + h x_hi.
 */
export function quantile7(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const index = 1 + Math.max(n - 1, 0) * q;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const low = sorted[lo - 1] ?? NaN;
  const high = sorted[hi - 1] ?? NaN;
  const h = index - lo;
  if (index > lo && high !== low) return (1 - h) * low + h * high;
  return low;
}

/** Ranks with ties given their average rank (R's rank(ties.method = "average")). */
export function averageRanks(values: ArrayLike<number>): {
  ranks: Float64Array;
  tieSizes: number[];
} {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (values[a] ?? 0) - (values[b] ?? 0),
  );
  const ranks = new Float64Array(n);
  const tieSizes: number[] = [];
  let i = 0;
  while (i < n) {
    let j = i;
    const value = values[order[i] ?? 0];
    while (j + 1 < n && values[order[j + 1] ?? 0] === value) j += 1;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) ranks[order[k] ?? 0] = rank;
    tieSizes.push(j - i + 1);
    i = j + 1;
  }
  return { ranks, tieSizes };
}
