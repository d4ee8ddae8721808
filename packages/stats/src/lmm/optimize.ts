/**
 * Minimisation of the profiled deviance over θ. The deviance of a nested random-intercept model
 * is smooth and even in each θ_ℓ (it depends on θ² only), so the bound θ >= 0 that lme4 hands to
 * BOBYQA can be dropped: minimise over all of R^k and report |θ|. A boundary optimum (a singular
 * fit, θ_ℓ = 0) is then an interior minimum of an even function, which Newton's method finds
 * exactly (the gradient there is 0 by symmetry).
 *
 * Newton steps with central-difference derivatives, a positive-definite fallback when the
 * Hessian is not, and a backtracking line search. Once the steps are small the gradient is
 * Richardson-extrapolated to O(h⁴), so that the optimum is not biased by the difference steps.
 * Evaluations are cheap (independent of the number of rows), so it converges far tighter than
 * lme4's BOBYQA tolerance (θ to about 1e-10 relative; statistics.md §3).
 */
import { symmetricEigen } from '../linalg/dense';

export interface MinimizeResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

function stepSize(value: number): number {
  return 1e-4 * Math.max(Math.abs(value), 0.05);
}

/** Minimises a smooth function of a few variables from `start`. */
export function minimizeNewton(
  f: (x: Float64Array) => number,
  start: ArrayLike<number>,
  maxIterations = 200,
): MinimizeResult {
  const k = start.length;
  let x = Float64Array.from(start);
  let evaluations = 0;
  const evaluate = (point: Float64Array): number => {
    evaluations += 1;
    const value = f(point);
    return Number.isNaN(value) ? Infinity : value;
  };
  const shifted = (base: Float64Array, i: number, di: number, j = -1, dj = 0): Float64Array => {
    const point = Float64Array.from(base);
    point[i] = (point[i] ?? 0) + di;
    if (j >= 0) point[j] = (point[j] ?? 0) + dj;
    return point;
  };
  let fx = evaluate(x);
  let converged = false;
  let iteration = 0;
  let smallSteps = 0;
  let precise = false;
  for (; iteration < maxIterations && !converged; iteration += 1) {
    const g = new Float64Array(k);
    const h = new Float64Array(k * k);
    const steps = Array.from(x, stepSize);
    const plus: number[] = [];
    const minus: number[] = [];
    for (let i = 0; i < k; i += 1) {
      const hi = steps[i] ?? 1e-4;
      const fp = evaluate(shifted(x, i, hi));
      const fm = evaluate(shifted(x, i, -hi));
      plus.push(fp);
      minus.push(fm);
      g[i] = (fp - fm) / (2 * hi);
      h[i * k + i] = (fp - 2 * fx + fm) / (hi * hi);
      if (precise) {
        const fp2 = evaluate(shifted(x, i, hi / 2));
        const fm2 = evaluate(shifted(x, i, -hi / 2));
        g[i] = (4 * ((fp2 - fm2) / hi) - (g[i] ?? 0)) / 3;
        const c2 = (fp2 - 2 * fx + fm2) / ((hi * hi) / 4);
        h[i * k + i] = (4 * c2 - (h[i * k + i] ?? 0)) / 3;
      }
    }
    for (let i = 0; i < k; i += 1) {
      for (let j = i + 1; j < k; j += 1) {
        const hi = steps[i] ?? 1e-4;
        const hj = steps[j] ?? 1e-4;
        const fpp = evaluate(shifted(x, i, hi, j, hj));
        const fmm = evaluate(shifted(x, i, -hi, j, -hj));
        // f(x + hi ei + hj ej) + f(x - ...) - 2 f = hi² Hii + hj² Hjj + 2 hi hj Hij + O(h⁴).
        const value =
          (fpp + fmm - 2 * fx - (h[i * k + i] ?? 0) * hi * hi - (h[j * k + j] ?? 0) * hj * hj) /
          (2 * hi * hj);
        h[i * k + j] = value;
        h[j * k + i] = value;
      }
    }
    if (!g.every(Number.isFinite) || !h.every(Number.isFinite)) break;
    // Newton direction with the Hessian made positive definite (eigenvalues floored).
    const { values, vectors } = symmetricEigen(h, k);
    const largest = Math.max(...Array.from(values, Math.abs), 1e-12);
    const direction = new Float64Array(k);
    for (let e = 0; e < k; e += 1) {
      const lambda = Math.max(Math.abs(values[e] ?? 0), 1e-8 * largest);
      let projection = 0;
      for (let i = 0; i < k; i += 1) projection += (vectors[i * k + e] ?? 0) * (g[i] ?? 0);
      for (let i = 0; i < k; i += 1)
        direction[i] = (direction[i] ?? 0) - ((vectors[i * k + e] ?? 0) * projection) / lambda;
    }
    // Limit the step to something sensible on the θ scale.
    const norm = Math.hypot(...direction);
    const limit = 2 * Math.max(1, Math.hypot(...x));
    if (norm > limit)
      for (let i = 0; i < k; i += 1) direction[i] = ((direction[i] ?? 0) * limit) / norm;
    let slope = 0;
    for (let i = 0; i < k; i += 1) slope += (g[i] ?? 0) * (direction[i] ?? 0);
    let t = 1;
    let accepted = false;
    let candidate = x;
    let fc = fx;
    for (let halving = 0; halving < 40; halving += 1) {
      candidate = Float64Array.from(x, (xi, i) => xi + t * (direction[i] ?? 0));
      fc = evaluate(candidate);
      if (fc <= fx + 1e-4 * t * Math.min(slope, 0)) {
        accepted = true;
        break;
      }
      t /= 2;
    }
    const stepLength = Math.max(
      ...Array.from(direction, (d, i) => Math.abs(t * d) / Math.max(1, Math.abs(x[i] ?? 0))),
    );
    if (!accepted) {
      if (!precise) {
        precise = true;
        continue;
      }
      // No decrease along the Newton direction: at the optimum up to rounding.
      converged =
        stepLength < 1e-6 ||
        Math.max(...Array.from(g, Math.abs)) < 1e-6 * Math.max(1, Math.abs(fx));
      break;
    }
    x = candidate;
    const decrease = fx - fc;
    fx = fc;
    if (!precise) {
      // Switch to the extrapolated gradient once Newton's steps have become small.
      if (stepLength < 1e-4) precise = true;
      continue;
    }
    if (stepLength < 1e-10 || (decrease <= 1e-15 * Math.abs(fx) && stepLength < 1e-7)) {
      smallSteps += 1;
      if (smallSteps >= 2 || stepLength < 1e-12) converged = true;
    } else {
      smallSteps = 0;
    }
  }
  return { x, value: fx, iterations: iteration, evaluations, converged };
}
