/**
 * Cluster bootstrap of a contrast: resample the top-level clusters (e.g. units) with
 * replacement, within strata when given (e.g. arm, so that every replicate keeps both arms),
 * refit the model to each replicate and take the percentile interval of the replicate
 * estimates. A cluster drawn twice counts as two clusters (its copies are independent random
 * effects). Replicates reuse the full data's sufficient statistics weighted by each cluster's
 * multiplicity, so a refit never touches the rows again beyond one weighted pass.
 */
import { quantile7 } from '../descriptive/summary';
import type { Rng } from '../random';
import type { LmmFit } from './fit';
import { optimizeTheta } from './fit';
import { ModelDataError } from './design';
import { evaluateNested, nestedModel } from './nested';

export interface BootstrapOptions {
  /** Number of replicates B. */
  readonly replicates: number;
  /** Uniform [0, 1) draws, seeded by the caller (createRng(seed)). */
  readonly rng: Rng;
  /**
   * A column that is constant within each top-level cluster; clusters are resampled within
   * its values. Absent: one stratum.
   */
  readonly strata?: { readonly column: string; readonly codeOfRow: (row: number) => string };
  /** Called after each replicate with the number done. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface BootstrapResult {
  readonly replicates: number;
  /** Replicates whose refit failed (e.g. a coefficient not estimable in the resample). */
  readonly failed: number;
  /** Standard deviation of the replicate estimates (the bootstrap standard error). */
  readonly se: number;
  /** Mean of the replicate estimates minus the estimate. */
  readonly bias: number;
  /** Percentile interval: quantiles (type 7) of the replicate estimates. */
  readonly ci: readonly [number, number];
  /** Which clusters were resampled: the top-level grouping factor and the strata column. */
  readonly clusters: string;
  readonly strata: string | null;
  readonly estimates: Float64Array;
}

/** Resamples clusters B times and returns the bootstrap distribution of L β̂. */
export function bootstrapContrast(
  fit: LmmFit,
  weights: ArrayLike<number>,
  options: BootstrapOptions,
): BootstrapResult {
  const { structure, design } = fit;
  const k = structure.k;
  const tops = structure.levelCounts[k - 1] ?? 0;
  const topOfRow = structure.codes[k - 1] ?? new Int32Array(0);
  // Strata of the clusters.
  const strataOfTop: string[] = new Array<string>(tops).fill('');
  if (options.strata !== undefined) {
    const seen = new Array<string | undefined>(tops);
    for (let i = 0; i < design.n; i += 1) {
      const top = topOfRow[i] ?? 0;
      const value = options.strata.codeOfRow(design.rows[i] ?? 0);
      const known = seen[top];
      if (known === undefined) seen[top] = value;
      else if (known !== value) {
        throw new ModelDataError(
          `bootstrap strata: ${options.strata.column} is not constant within ${design.groupings[k - 1]?.label ?? 'a cluster'}`,
        );
      }
    }
    seen.forEach((value, top) => (strataOfTop[top] = value ?? ''));
  }
  const members = new Map<string, number[]>();
  strataOfTop.forEach((stratum, top) => {
    const list = members.get(stratum) ?? [];
    list.push(top);
    members.set(stratum, list);
  });
  const p = fit.model.p;
  const estimate = Array.from(
    { length: p },
    (_, i) => (weights[i] ?? 0) * (fit.beta[i] ?? 0),
  ).reduce((a, b) => a + b, 0);
  const estimates: number[] = [];
  let failed = 0;
  const multiplicity = new Float64Array(tops);
  for (let r = 0; r < options.replicates; r += 1) {
    multiplicity.fill(0);
    for (const list of members.values()) {
      for (const _ of list) {
        const top = list[Math.min(list.length - 1, Math.floor(options.rng() * list.length))] ?? 0;
        multiplicity[top] = (multiplicity[top] ?? 0) + 1;
      }
    }
    const model = nestedModel(structure, multiplicity);
    const evaluationAtStart = evaluateNested(model, fit.theta);
    if (evaluationAtStart === null || model.n <= p) {
      failed += 1;
    } else {
      const { theta } = optimizeTheta(model, fit.reml, fit.theta);
      const evaluation = evaluateNested(model, theta);
      if (evaluation === null) {
        failed += 1;
      } else {
        let value = 0;
        for (let i = 0; i < p; i += 1) value += (weights[i] ?? 0) * (evaluation.beta[i] ?? 0);
        estimates.push(value);
      }
    }
    options.onProgress?.(r + 1, options.replicates);
  }
  const values = Float64Array.from(estimates);
  const count = values.length;
  let mean = 0;
  for (const value of values) mean += value;
  mean /= Math.max(count, 1);
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  const alpha = (1 - fit.level) / 2;
  const sorted = Float64Array.from(values).sort();
  return {
    replicates: options.replicates,
    failed,
    se: count > 1 ? Math.sqrt(squares / (count - 1)) : NaN,
    bias: count > 0 ? mean - estimate : NaN,
    ci: count > 0 ? [quantile7(sorted, alpha), quantile7(sorted, 1 - alpha)] : [NaN, NaN],
    clusters: design.groupings[k - 1]?.label ?? '',
    strata: options.strata?.column ?? null,
    estimates: values,
  };
}
