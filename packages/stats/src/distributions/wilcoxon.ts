/**
 * The exact null distribution of the Wilcoxon rank-sum (Mann-Whitney) statistic W, the number of
 * pairs (x_i, y_j) with x_i > y_j, for samples of sizes m and n without ties.
 */

/**
 * Counts of W = 0 .. m n: the number of ways to choose m ranks out of m + n with that statistic,
 * from c(w; m, n) = c(w - n; m - 1, n) + c(w; m, n - 1) (the largest rank belongs to the first
 * sample or not).
 */
export function wilcoxonCounts(m: number, n: number): Float64Array {
  // counts[j][w] for j = 0..m over columns n' = 0..n, updated in place as n' grows.
  let previous: Float64Array[] = [];
  for (let j = 0; j <= m; j += 1) {
    // n' = 0: W is always 0.
    const row = new Float64Array(j * n + 1);
    row[0] = 1;
    previous.push(row);
  }
  for (let k = 1; k <= n; k += 1) {
    const current: Float64Array[] = [];
    for (let j = 0; j <= m; j += 1) {
      const row = new Float64Array(j * n + 1);
      const withoutLargest = previous[j] ?? new Float64Array(0); // c(w; j, k - 1)
      const below = current[j - 1]; // c(w - k; j - 1, k)
      for (let w = 0; w <= j * k; w += 1) {
        let count = w < withoutLargest.length && w <= j * (k - 1) ? (withoutLargest[w] ?? 0) : 0;
        if (below !== undefined && w >= k && w - k <= (j - 1) * k) count += below[w - k] ?? 0;
        row[w] = count;
      }
      current.push(row);
    }
    previous = current;
  }
  return (previous[m] ?? new Float64Array(1)).subarray(0, m * n + 1);
}

/** P(W <= q) for the rank-sum statistic of samples of sizes m and n (R's pwilcox). */
export function pwilcox(q: number, m: number, n: number, lowerTail = true): number {
  const counts = wilcoxonCounts(m, n);
  const top = Math.floor(q + 1e-7);
  let total = 0;
  let tail = 0;
  for (let w = 0; w < counts.length; w += 1) {
    const c = counts[w] ?? 0;
    total += c;
    if (w <= top === lowerTail) tail += c;
  }
  return Math.min(1, tail / total);
}
