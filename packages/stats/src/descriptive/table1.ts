/**
 * The baseline table of a trial ("Table 1"): per arm, mean (SD) and median (IQR) of each
 * continuous variable and n (%) of each level of each categorical one, with the two-sample tests
 * of R's stats package: Welch's t-test and the Wilcoxon-Mann-Whitney test (two groups only),
 * Pearson's chi-square test (Yates's correction for 2×2) and Fisher's exact test. Percentages
 * are of the group's non-missing values; missing values are counted separately.
 */
import { compareLevels } from '../frame/values';
import type { Column, DataFrame } from '../frame/types';
import { quantile7, mean, sd } from './summary';
import {
  chiSquareTest,
  fisherExactTest,
  welchTTest,
  wilcoxonTest,
  type ChiSquareResult,
  type FisherResult,
  type TTestResult,
  type WilcoxonResult,
} from './tests';

export interface Table1Options {
  /** The grouping column (e.g. arm). */
  readonly by: string;
  /** Columns to describe, in this order (default: every other column). */
  readonly variables?: readonly string[];
  /** Numeric columns to describe as categorical (e.g. a 0/1 code). */
  readonly categorical?: readonly string[];
}

export interface ContinuousSummary {
  readonly group: string;
  readonly n: number;
  readonly missing: number;
  readonly mean: number;
  readonly sd: number;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly min: number;
  readonly max: number;
}

export interface ContinuousRow {
  readonly variable: string;
  readonly type: 'continuous';
  readonly groups: readonly ContinuousSummary[];
  readonly overall: ContinuousSummary;
  readonly tests: { readonly welch: TTestResult | null; readonly wilcoxon: WilcoxonResult | null };
}

export interface CategoricalGroup {
  readonly group: string;
  readonly n: number;
  readonly missing: number;
  /** Count per level (same order as the row's `levels`). */
  readonly counts: readonly number[];
  /** Percentage of the group's non-missing values per level. */
  readonly percents: readonly number[];
}

export interface CategoricalRow {
  readonly variable: string;
  readonly type: 'categorical';
  readonly levels: readonly string[];
  readonly groups: readonly CategoricalGroup[];
  readonly overall: CategoricalGroup;
  readonly tests: { readonly chisq: ChiSquareResult | null; readonly fisher: FisherResult | null };
}

export type Table1Row = ContinuousRow | CategoricalRow;

export interface Table1 {
  readonly by: string;
  readonly groups: readonly { readonly group: string; readonly n: number }[];
  /** Rows without a value of `by`, left out. */
  readonly excluded: number;
  readonly rows: readonly Table1Row[];
}

/** Text label per row of a non-numeric column (null when missing). */
function labelsOf(column: Column, rowCount: number): (string | null)[] {
  return Array.from({ length: rowCount }, (_, row) => {
    if (column.kind === 'numeric') {
      const value = column.values[row] ?? NaN;
      return Number.isNaN(value) ? null : String(value);
    }
    const code = column.codes[row] ?? -1;
    if (code < 0) return null;
    return column.kind === 'logical'
      ? code === 1
        ? 'TRUE'
        : 'FALSE'
      : (column.levels[code] ?? null);
  });
}

function describe(group: string, values: number[], missing: number): ContinuousSummary {
  const sorted = Float64Array.from(values).sort();
  return {
    group,
    n: values.length,
    missing,
    mean: mean(values),
    sd: sd(values),
    median: quantile7(sorted, 0.5),
    q1: quantile7(sorted, 0.25),
    q3: quantile7(sorted, 0.75),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

function tally(
  group: string,
  labels: (string | null)[],
  levels: readonly string[],
): CategoricalGroup {
  const counts = levels.map(() => 0);
  let missing = 0;
  for (const label of labels) {
    if (label === null) missing += 1;
    else {
      const index = levels.indexOf(label);
      counts[index] = (counts[index] ?? 0) + 1;
    }
  }
  const n = labels.length - missing;
  return {
    group,
    n,
    missing,
    counts,
    percents: counts.map((count) => (n > 0 ? (100 * count) / n : NaN)),
  };
}

/** Builds the baseline table; throws Error naming an unknown column. */
export function baselineTable(data: DataFrame, options: Table1Options): Table1 {
  const byColumn = data.columns.get(options.by);
  if (byColumn === undefined) throw new Error(`no column "${options.by}" in the data`);
  const byLabels = labelsOf(byColumn, data.rowCount);
  const groups = [...new Set(byLabels.filter((label): label is string => label !== null))].sort(
    byColumn.kind === 'numeric' ? (a, b) => Number(a) - Number(b) : compareLevels,
  );
  const rowsOf = groups.map((group) =>
    byLabels.flatMap((label, row) => (label === group ? [row] : [])),
  );
  const names = options.variables ?? [...data.columns.keys()].filter((name) => name !== options.by);
  const categorical = new Set(options.categorical ?? []);
  const rows: Table1Row[] = names.map((name) => {
    const column = data.columns.get(name);
    if (column === undefined) throw new Error(`no column "${name}" in the data`);
    const used = rowsOf.flat();
    if (column.kind === 'numeric' && !categorical.has(name)) {
      const valuesOf = (rows: number[]): number[] =>
        rows.map((row) => column.values[row] ?? NaN).filter((value) => !Number.isNaN(value));
      const perGroup = rowsOf.map((rows, g) => {
        const values = valuesOf(rows);
        return describe(groups[g] ?? '', values, rows.length - values.length);
      });
      const all = valuesOf(used);
      const first = valuesOf(rowsOf[0] ?? []);
      const second = valuesOf(rowsOf[1] ?? []);
      const two = groups.length === 2;
      return {
        variable: name,
        type: 'continuous',
        groups: perGroup,
        overall: describe('overall', all, used.length - all.length),
        tests: {
          welch: two ? welchTTest(first, second) : null,
          wilcoxon: two ? wilcoxonTest(first, second) : null,
        },
      };
    }
    const labels = labelsOf(column, data.rowCount);
    const levels = [
      ...new Set(used.map((row) => labels[row] ?? null).filter((l): l is string => l !== null)),
    ].sort(column.kind === 'numeric' ? (a, b) => Number(a) - Number(b) : compareLevels);
    const perGroup = rowsOf.map((rows, g) =>
      tally(
        groups[g] ?? '',
        rows.map((row) => labels[row] ?? null),
        levels,
      ),
    );
    const table = perGroup.map((group) => [...group.counts]);
    return {
      variable: name,
      type: 'categorical',
      levels,
      groups: perGroup,
      overall: tally(
        'overall',
        used.map((row) => labels[row] ?? null),
        levels,
      ),
      tests: { chisq: chiSquareTest(table), fisher: fisherExactTest(table) },
    };
  });
  return {
    by: options.by,
    groups: groups.map((group, g) => ({ group, n: rowsOf[g]?.length ?? 0 })),
    excluded: byLabels.filter((label) => label === null).length,
    rows,
  };
}
