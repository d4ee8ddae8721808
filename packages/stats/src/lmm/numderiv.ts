/**
 * Richardson-extrapolated finite differences with numDeriv's defaults (Gilbert & Varadhan's R
 * package numDeriv 2016.8-1, functions genD/hessian and jacobian), which lmerTest uses for the
 * Hessian of the deviance and the Jacobian of the covariance of β̂. Reproducing the same scheme
 * (same steps, same extrapolation) makes our Satterthwaite df differ from lmerTest's only by the
 * difference in the estimates, not by a different differentiation error.
 */

const ZERO_TOL = Math.sqrt(Number.EPSILON / 7e-7);

interface Options {
  readonly d: number;
  readonly eps: number;
  readonly r: number;
}

function initialSteps(x: ArrayLike<number>, { d, eps }: Options): Float64Array {
  return Float64Array.from(x, (xi) => Math.abs(d * xi) + (Math.abs(xi) < ZERO_TOL ? eps : 0));
}

/** In-place Richardson extrapolation of r approximations with step ratio 2 (error O(h^2r)). */
function extrapolate(approx: Float64Array[], r: number): Float64Array {
  for (let m = 1; m < r; m += 1) {
    const factor = 4 ** m;
    for (let k = 0; k < r - m; k += 1) {
      const coarse = approx[k] ?? new Float64Array(0);
      const fine = approx[k + 1] ?? new Float64Array(0);
      approx[k] = Float64Array.from(
        coarse,
        (value, index) => ((fine[index] ?? 0) * factor - value) / (factor - 1),
      );
    }
  }
  return approx[0] ?? new Float64Array(0);
}

function moved(x: ArrayLike<number>, deltas: readonly [number, number][]): Float64Array {
  const point = Float64Array.from(x);
  for (const [index, delta] of deltas) point[index] = (point[index] ?? 0) + delta;
  return point;
}

/** numDeriv::hessian(func, x) (method "Richardson", d = 0.1, eps = 1e-4, r = 4, v = 2). */
export function numDerivHessian(
  func: (x: Float64Array) => number,
  x: ArrayLike<number>,
): Float64Array {
  const options: Options = { d: 0.1, eps: 1e-4, r: 4 };
  const n = x.length;
  const f0 = func(Float64Array.from(x));
  const h0 = initialSteps(x, options);
  const diagonal = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const approx: Float64Array[] = [];
    let h = h0[i] ?? 0;
    for (let k = 0; k < options.r; k += 1) {
      const f1 = func(moved(x, [[i, h]]));
      const f2 = func(moved(x, [[i, -h]]));
      approx.push(Float64Array.of((f1 - 2 * f0 + f2) / (h * h)));
      h /= 2;
    }
    diagonal[i] = extrapolate(approx, options.r)[0] ?? NaN;
  }
  const hessian = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    hessian[i * n + i] = diagonal[i] ?? NaN;
    for (let j = 0; j < i; j += 1) {
      const approx: Float64Array[] = [];
      let hi = h0[i] ?? 0;
      let hj = h0[j] ?? 0;
      for (let k = 0; k < options.r; k += 1) {
        const f1 = func(
          moved(x, [
            [i, hi],
            [j, hj],
          ]),
        );
        const f2 = func(
          moved(x, [
            [i, -hi],
            [j, -hj],
          ]),
        );
        approx.push(
          Float64Array.of(
            (f1 - 2 * f0 + f2 - (diagonal[i] ?? 0) * hi * hi - (diagonal[j] ?? 0) * hj * hj) /
              (2 * hi * hj),
          ),
        );
        hi /= 2;
        hj /= 2;
      }
      const value = extrapolate(approx, options.r)[0] ?? NaN;
      hessian[i * n + j] = value;
      hessian[j * n + i] = value;
    }
  }
  return hessian;
}

/**
 * numDeriv::jacobian(func, x) (method "Richardson", d = 1e-4, eps = 1e-4, r = 4, v = 2): one
 * Float64Array of derivatives of all outputs per coordinate of x.
 */
export function numDerivJacobian(
  func: (x: Float64Array) => Float64Array,
  x: ArrayLike<number>,
): Float64Array[] {
  const options: Options = { d: 1e-4, eps: 1e-4, r: 4 };
  const h0 = initialSteps(x, options);
  const columns: Float64Array[] = [];
  for (let i = 0; i < x.length; i += 1) {
    const approx: Float64Array[] = [];
    let h = h0[i] ?? 0;
    for (let k = 0; k < options.r; k += 1) {
      const f1 = func(moved(x, [[i, h]]));
      const f2 = func(moved(x, [[i, -h]]));
      const step = (2 * (h0[i] ?? 0)) / 2 ** k;
      approx.push(Float64Array.from(f1, (value, index) => (value - (f2[index] ?? 0)) / step));
      h /= 2;
    }
    columns.push(extrapolate(approx, options.r));
  }
  return columns;
}
