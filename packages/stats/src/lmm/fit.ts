/**
 * Fitting a linear mixed model with nested random intercepts by REML or ML, and the
 * lmerTest-style inference on its fixed effects: Satterthwaite's degrees of freedom, t, p and a
 * Wald confidence interval estimate ∓ qt(0.975, df)·SE (lmerTest's contest1D with
 * confint = TRUE, which is what summary() reports without the interval).
 */
import { qt, pt } from '../distributions/t';
import type { DataFrame } from '../frame/types';
import { quadraticForm, symmetricEigen } from '../linalg/dense';
import { buildDesign, type ModelDesign } from './design';
import { parseFormula, type ParsedFormula } from './formula';
import {
  covarianceOfBeta,
  devianceFrom,
  evaluateNested,
  evaluationCache,
  nestedModel,
  nestedStructure,
  profiledDeviance,
  startingTheta,
  unprofiledDeviance,
  type NestedModel,
  type NestedStructure,
} from './nested';
import { numDerivHessian, numDerivJacobian } from './numderiv';
import { minimizeNewton } from './optimize';

export interface LmmOptions {
  /** REML (the default, as lme4's) or maximum likelihood. */
  readonly reml?: boolean;
  /** Confidence level of the intervals (default 0.95). */
  readonly level?: number;
}

/** One row of the fixed-effects table (contracts.md §4). */
export interface FixedEffectRow {
  readonly term: string;
  readonly estimate: number;
  readonly se: number;
  /** Satterthwaite's denominator degrees of freedom. */
  readonly df: number;
  readonly t: number;
  readonly p: number;
  readonly ci: readonly [number, number];
}

/** A variance component: one per grouping factor, then `Residual`. */
export interface VarianceComponent {
  readonly group: string;
  readonly variance: number;
  readonly sd: number;
}

/** The numbers R prints for a fit, in the shape of `workup analyze lmm` (contracts.md §4). */
export interface LmmSummary {
  readonly formula: string;
  readonly method: 'REML' | 'ML';
  readonly fixed: readonly FixedEffectRow[];
  readonly random: readonly VarianceComponent[];
  readonly logLik: number;
  /** REML criterion (REML fits) or deviance (ML fits): -2 logLik. */
  readonly REMLcrit?: number;
  readonly deviance?: number;
  readonly AIC: number;
  readonly BIC: number;
  readonly nobs: number;
  /** Number of levels of each grouping factor, lme4's order. */
  readonly groups: Readonly<Record<string, number>>;
  /** A variance component estimated as 0 (lme4's isSingular, tolerance 1e-4 on θ). */
  readonly singular: boolean;
  /** What R would print as messages: dropped rows and columns, convergence. */
  readonly notes: readonly string[];
}

/** A fitted model: its summary and what contrasts and the bootstrap need. */
export interface LmmFit {
  readonly summary: LmmSummary;
  readonly reml: boolean;
  readonly level: number;
  readonly formula: ParsedFormula;
  readonly design: ModelDesign;
  readonly structure: NestedStructure;
  readonly model: NestedModel;
  /** θ in lme4's order (relative SDs, >= 0). */
  readonly theta: Float64Array;
  readonly sigma: number;
  readonly beta: Float64Array;
  /** Covariance of β̂, row-major p×p. */
  readonly vcov: Float64Array;
  /** Names of the coefficients (columns of X). */
  readonly coefficientNames: readonly string[];
  /** lmerTest's A = 2 H⁺ (covariance of the variance parameters (θ, σ)). */
  readonly varparCovariance: Float64Array;
  /** ∂vcov/∂(θ, σ), one p×p matrix per variance parameter. */
  readonly vcovJacobian: readonly Float64Array[];
  readonly optimizer: {
    readonly iterations: number;
    readonly evaluations: number;
    readonly converged: boolean;
  };
}

/** Result of a contrast Lβ: estimate, SE, Satterthwaite df, t, p and CI. */
export interface ContrastRow {
  readonly estimate: number;
  readonly se: number;
  readonly df: number;
  readonly t: number;
  readonly p: number;
  readonly ci: readonly [number, number];
}

/** θ and σ at the optimum of the profiled criterion; exported for the bootstrap. */
export function optimizeTheta(
  model: NestedModel,
  reml: boolean,
  start?: ArrayLike<number>,
): {
  theta: Float64Array;
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
} {
  const k = model.k;
  const objective = (theta: Float64Array): number => profiledDeviance(model, theta, reml);
  const result = minimizeNewton(objective, start ?? new Float64Array(k).fill(1));
  const theta = Float64Array.from(result.x, Math.abs);
  let value = objective(theta);
  // A component that converged to (numerically) zero is put exactly on the boundary when that
  // does not increase the criterion, as lme4's bound-constrained optimiser reports it.
  for (let i = 0; i < k; i += 1) {
    if ((theta[i] ?? 0) < 1e-6) {
      const trial = Float64Array.from(theta);
      trial[i] = 0;
      const at = objective(trial);
      if (at <= value + 1e-10 * Math.max(1, Math.abs(value))) {
        theta.set(trial);
        value = at;
      }
    }
  }
  return {
    theta,
    value,
    iterations: result.iterations,
    evaluations: result.evaluations,
    converged: result.converged,
  };
}

/** Fits `formula` (lme4 syntax, nested random intercepts) to `data`. */
export function fitLmm(data: DataFrame, formulaText: string, options: LmmOptions = {}): LmmFit {
  const formula = parseFormula(formulaText);
  const design = buildDesign(data, formula);
  const structure = nestedStructure(design);
  const model = nestedModel(structure, null);
  return fitFromModel(formulaText, formula, design, structure, model, options);
}

/** The part of fitLmm after the data are reduced (shared with bootstrap refits). */
export function fitFromModel(
  formulaText: string,
  formula: ParsedFormula,
  design: ModelDesign,
  structure: NestedStructure,
  model: NestedModel,
  options: LmmOptions,
): LmmFit {
  const reml = options.reml ?? true;
  const level = options.level ?? 0.95;
  const { n, p } = model;
  const optimum = optimizeTheta(model, reml, startingTheta(structure));
  const { theta } = optimum;
  const evaluation = evaluateNested(model, theta);
  if (evaluation === null) throw new Error('the fixed-effects cross-product became singular');
  const criterion = devianceFrom(evaluation, n, p, reml);
  const sigma = Math.sqrt(evaluation.r2 / (reml ? n - p : n));
  const cache = evaluationCache(model);
  const vcov = covarianceOfBeta(model, cache, theta, sigma);

  // lmerTest: Hessian of the unprofiled deviance in (θ, σ) and the Jacobian of vcov.
  const k = model.k;
  const varpar = Float64Array.of(...theta, sigma);
  const deviance = (vp: Float64Array): number =>
    unprofiledDeviance(model, cache, vp.subarray(0, k), vp[k] ?? NaN, reml);
  const hessian = numDerivHessian(deviance, varpar);
  const { values, vectors } = symmetricEigen(hessian, k + 1);
  const varparCovariance = new Float64Array((k + 1) * (k + 1));
  for (let e = 0; e <= k; e += 1) {
    const lambda = values[e] ?? 0;
    if (!(lambda > 1e-8)) continue;
    for (let i = 0; i <= k; i += 1) {
      for (let j = 0; j <= k; j += 1) {
        varparCovariance[i * (k + 1) + j] =
          (varparCovariance[i * (k + 1) + j] ?? 0) +
          (2 * (vectors[i * (k + 1) + e] ?? 0) * (vectors[j * (k + 1) + e] ?? 0)) / lambda;
      }
    }
  }
  const vcovJacobian = numDerivJacobian(
    (vp) => covarianceOfBeta(model, cache, vp.subarray(0, k), vp[k] ?? NaN),
    varpar,
  );

  const coefficientNames = design.columns.map((column) => column.name);
  const partial: Omit<LmmFit, 'summary'> = {
    reml,
    level,
    formula,
    design,
    structure,
    model,
    theta,
    sigma,
    beta: evaluation.beta,
    vcov,
    coefficientNames,
    varparCovariance,
    vcovJacobian,
    optimizer: {
      iterations: optimum.iterations,
      evaluations: optimum.evaluations,
      converged: optimum.converged,
    },
  };
  const fixed = coefficientNames.map((term, index) => {
    const weights = new Float64Array(p);
    weights[index] = 1;
    return { term, ...contrastOf(partial, weights) };
  });
  const random: VarianceComponent[] = design.groupings.map((grouping, index) => {
    const sd = sigma * (theta[index] ?? 0);
    return { group: grouping.label, variance: sd * sd, sd };
  });
  random.push({ group: 'Residual', variance: sigma * sigma, sd: sigma });
  const logLik = -criterion / 2;
  const parameters = p + k + 1;
  const groups: Record<string, number> = {};
  for (const grouping of design.groupings) groups[grouping.label] = grouping.levelCount;
  const notes: string[] = [];
  if (design.droppedRows > 0) {
    notes.push(`${design.droppedRows} rows with a missing value in a used column were dropped`);
  }
  if (design.droppedColumns.length > 0) {
    const count = design.droppedColumns.length;
    notes.push(
      `fixed-effect model matrix is rank deficient so dropping ${count} ${count === 1 ? 'column / coefficient' : 'columns / coefficients'}: ${design.droppedColumns.join(', ')}`,
    );
  }
  const singular = Array.from(theta).some((value) => value < 1e-4);
  if (singular) notes.push('boundary (singular) fit: a variance component is estimated as zero');
  if (!optimum.converged) notes.push('the optimiser stopped before converging tightly');
  const summary: LmmSummary = {
    formula: formulaText,
    method: reml ? 'REML' : 'ML',
    fixed,
    random,
    logLik,
    ...(reml ? { REMLcrit: criterion } : { deviance: criterion }),
    AIC: -2 * logLik + 2 * parameters,
    BIC: -2 * logLik + parameters * Math.log(n),
    nobs: n,
    groups,
    singular,
    notes,
  };
  return { ...partial, summary };
}

type ContrastInputs = Pick<
  LmmFit,
  'beta' | 'vcov' | 'vcovJacobian' | 'varparCovariance' | 'level' | 'model'
>;

/**
 * Lβ with its SE, Satterthwaite df (lmerTest's contest1D: df = 2 (L V Lᵀ)² / (gᵀ A g) with
 * g_i = L (∂V/∂ψ_i) Lᵀ), t, two-sided p and Wald CI on those df.
 */
export function contrastOf(fit: ContrastInputs, weights: ArrayLike<number>): ContrastRow {
  const p = fit.model.p;
  const k1 = fit.model.k + 1;
  let estimate = 0;
  for (let i = 0; i < p; i += 1) estimate += (weights[i] ?? 0) * (fit.beta[i] ?? 0);
  const variance = quadraticForm(weights, fit.vcov, p);
  const gradient = Float64Array.from(fit.vcovJacobian, (jacobian) =>
    quadraticForm(weights, jacobian, p),
  );
  const denominator = quadraticForm(gradient, fit.varparCovariance, k1);
  const df = (2 * variance * variance) / denominator;
  const se = Math.sqrt(variance);
  const t = estimate / se;
  const pValue = 2 * pt(Math.abs(t), df, false);
  const quantile = qt((1 + fit.level) / 2, df);
  return {
    estimate,
    se,
    df,
    t,
    p: pValue,
    ci: [estimate - quantile * se, estimate + quantile * se],
  };
}
