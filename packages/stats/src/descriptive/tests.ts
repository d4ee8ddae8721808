/**
 * Two-sample and contingency-table tests with R's defaults (stats package, R 4.2):
 * t.test (Welch), wilcox.test (exact or normal approximation with continuity and tie
 * correction), chisq.test (Yates's correction for 2×2) and fisher.test (two-sided).
 */
import { pchisq } from '../distributions/gamma';
import { pnorm } from '../distributions/normal';
import { lgamma } from '../distributions/special';
import { pt } from '../distributions/t';
import { pwilcox } from '../distributions/wilcoxon';
import { averageRanks, mean, variance } from './summary';

export interface TTestResult {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
}

/** Welch's two-sample t-test of x against y (R's t.test(x, y)); null when not computable. */
export function welchTTest(x: ArrayLike<number>, y: ArrayLike<number>): TTestResult | null {
  const nx = x.length;
  const ny = y.length;
  if (nx < 2 || ny < 2) return null;
  const vx = variance(x) / nx;
  const vy = variance(y) / ny;
  const stderr = Math.sqrt(vx + vy);
  if (!(stderr > 0)) return null;
  const df = (vx + vy) ** 2 / (vx ** 2 / (nx - 1) + vy ** 2 / (ny - 1));
  const statistic = (mean(x) - mean(y)) / stderr;
  return { statistic, df, p: 2 * pt(-Math.abs(statistic), df) };
}

export interface WilcoxonResult {
  /** W: the rank sum of x minus nx(nx + 1)/2. */
  readonly statistic: number;
  readonly p: number;
  /** The exact distribution was used (both samples under 50 values and no ties). */
  readonly exact: boolean;
}

/**
 * Wilcoxon rank-sum (Mann-Whitney U) test of x against y, two-sided, as R's wilcox.test(x, y):
 * exact when both samples have fewer than 50 values and there are no ties, else the normal
 * approximation with continuity correction and the tie-corrected variance.
 */
export function wilcoxonTest(x: ArrayLike<number>, y: ArrayLike<number>): WilcoxonResult | null {
  const nx = x.length;
  const ny = y.length;
  if (nx < 1 || ny < 1) return null;
  const all = Float64Array.from({ length: nx + ny }, (_, i) =>
    i < nx ? (x[i] ?? 0) : (y[i - nx] ?? 0),
  );
  const { ranks, tieSizes } = averageRanks(all);
  let rankSum = 0;
  for (let i = 0; i < nx; i += 1) rankSum += ranks[i] ?? 0;
  const statistic = rankSum - (nx * (nx + 1)) / 2;
  const ties = tieSizes.some((size) => size > 1);
  if (nx < 50 && ny < 50 && !ties) {
    const p =
      statistic > (nx * ny) / 2
        ? pwilcox(statistic - 1, nx, ny, false)
        : pwilcox(statistic, nx, ny);
    return { statistic, p: Math.min(2 * p, 1), exact: true };
  }
  const n = nx + ny;
  let tieTerm = 0;
  for (const size of tieSizes) tieTerm += size ** 3 - size;
  const sigma = Math.sqrt(((nx * ny) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const centred = statistic - (nx * ny) / 2;
  const z = (centred - Math.sign(centred) * 0.5) / sigma;
  const p = 2 * Math.min(pnorm(z), pnorm(z, false));
  return { statistic, p: Math.min(p, 1), exact: false };
}

export interface ChiSquareResult {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  /** Yates's continuity correction was applied (2×2 tables). */
  readonly corrected: boolean;
}

/** Sums of a table given as rows of counts. */
function margins(table: readonly (readonly number[])[]): {
  rows: number[];
  cols: number[];
  total: number;
} {
  const rows = table.map((row) => row.reduce((a, b) => a + b, 0));
  const cols = (table[0] ?? []).map((_, j) => table.reduce((sum, row) => sum + (row[j] ?? 0), 0));
  return { rows, cols, total: rows.reduce((a, b) => a + b, 0) };
}

/** Pearson's chi-square test of independence (R's chisq.test(table), correct = TRUE). */
export function chiSquareTest(table: readonly (readonly number[])[]): ChiSquareResult | null {
  const { rows, cols, total } = margins(table);
  if (
    rows.length < 2 ||
    cols.length < 2 ||
    rows.some((r) => r === 0) ||
    cols.some((c) => c === 0)
  ) {
    return null;
  }
  const corrected = rows.length === 2 && cols.length === 2;
  let yates = 0;
  if (corrected) {
    yates = 0.5;
    table.forEach((row, i) => {
      row.forEach((x, j) => {
        yates = Math.min(yates, Math.abs(x - ((rows[i] ?? 0) * (cols[j] ?? 0)) / total));
      });
    });
  }
  let statistic = 0;
  table.forEach((row, i) => {
    row.forEach((x, j) => {
      const expected = ((rows[i] ?? 0) * (cols[j] ?? 0)) / total;
      statistic += (Math.abs(x - expected) - yates) ** 2 / expected;
    });
  });
  const df = (rows.length - 1) * (cols.length - 1);
  return { statistic, df, p: pchisq(statistic, df, false), corrected };
}

export interface FisherResult {
  readonly p: number;
}

/** Tables counted as "at least as extreme" have probability <= observed × (1 + 1e-7), as R. */
const RELATIVE_ERROR = 1 + 1e-7;

/** At most this many tables are enumerated for an r×c table; beyond, null is returned. */
const MAX_TABLES = 2e7;

function logFactorial(n: number): number {
  return lgamma(n + 1);
}

/**
 * Fisher's exact test, two-sided (R's fisher.test(table)): the probability, given the margins,
 * of the tables no more probable than the observed one. 2×2 tables sum the hypergeometric
 * distribution as R does; larger tables are enumerated (null when there are too many).
 */
export function fisherExactTest(table: readonly (readonly number[])[]): FisherResult | null {
  const { rows, cols, total } = margins(table);
  if (rows.length < 2 || cols.length < 2) return null;
  if (rows.length === 2 && cols.length === 2) return fisher2x2(table);
  const logFact = Float64Array.from({ length: total + 1 }, (_, i) => logFactorial(i));
  const constant =
    rows.reduce((sum, r) => sum + (logFact[r] ?? 0), 0) +
    cols.reduce((sum, c) => sum + (logFact[c] ?? 0), 0) -
    (logFact[total] ?? 0);
  let observed = constant;
  for (const row of table) for (const x of row) observed -= logFact[x] ?? 0;
  const threshold = observed + Math.log(RELATIVE_ERROR);
  // Enumerate column by column; the last column is fixed by the remaining row totals.
  const r = rows.length;
  const c = cols.length;
  const remaining = [...rows];
  let pValue = 0;
  let visited = 0;
  const column = new Array<number>(r).fill(0);
  const fillColumn = (j: number, logP: number): boolean => {
    if (j === c - 1) {
      let value = logP;
      for (let i = 0; i < r; i += 1) value -= logFact[remaining[i] ?? 0] ?? 0;
      visited += 1;
      if (value <= threshold) pValue += Math.exp(value);
      return visited <= MAX_TABLES;
    }
    const fillRow = (i: number, left: number, value: number): boolean => {
      if (i === r - 1) {
        if (left > (remaining[i] ?? 0)) return true;
        column[i] = left;
        remaining[i] = (remaining[i] ?? 0) - left;
        const ok = fillColumn(j + 1, value - (logFact[left] ?? 0));
        remaining[i] = (remaining[i] ?? 0) + left;
        return ok;
      }
      let capacityBelow = 0;
      for (let k = i + 1; k < r; k += 1) capacityBelow += remaining[k] ?? 0;
      const low = Math.max(0, left - capacityBelow);
      const high = Math.min(remaining[i] ?? 0, left);
      for (let x = low; x <= high; x += 1) {
        remaining[i] = (remaining[i] ?? 0) - x;
        const ok = fillRow(i + 1, left - x, value - (logFact[x] ?? 0));
        remaining[i] = (remaining[i] ?? 0) + x;
        if (!ok) return false;
      }
      return true;
    };
    return fillRow(0, cols[j] ?? 0, logP);
  };
  if (!fillColumn(0, constant)) return null;
  return { p: Math.min(1, pValue) };
}

function fisher2x2(table: readonly (readonly number[])[]): FisherResult {
  // R: m = column 1 total, n = column 2 total, k = row 1 total, x = table[1, 1].
  const x = table[0]?.[0] ?? 0;
  const m = (table[0]?.[0] ?? 0) + (table[1]?.[0] ?? 0);
  const n = (table[0]?.[1] ?? 0) + (table[1]?.[1] ?? 0);
  const k = (table[0]?.[0] ?? 0) + (table[0]?.[1] ?? 0);
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const logDensity: number[] = [];
  for (let s = lo; s <= hi; s += 1) {
    logDensity.push(
      logFactorial(m) -
        logFactorial(s) -
        logFactorial(m - s) +
        logFactorial(n) -
        logFactorial(k - s) -
        logFactorial(n - k + s) -
        (logFactorial(m + n) - logFactorial(k) - logFactorial(m + n - k)),
    );
  }
  const top = Math.max(...logDensity);
  const density = logDensity.map((value) => Math.exp(value - top));
  const sum = density.reduce((a, b) => a + b, 0);
  const observed = (density[x - lo] ?? 0) / sum;
  let p = 0;
  for (const d of density) if (d / sum <= observed * RELATIVE_ERROR) p += d / sum;
  return { p: Math.min(1, p) };
}
