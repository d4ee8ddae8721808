/**
 * Student's t distribution: density, distribution function through the incomplete beta
 * function (for every df, as R 4.2's pt; no normal approximation for large df), and the quantile
 * function by safeguarded Newton steps.
 */
import { betaTails } from './beta';
import { pnorm, qnorm } from './normal';
import { lbeta, lgammaRatio } from './special';

/** Density of t(df) at x. */
export function dt(x: number, df: number): number {
  return Math.exp(logDt(x, df));
}

function logDt(x: number, df: number): number {
  return (
    lgammaRatio(df / 2, 0.5) -
    0.5 * Math.log(df * Math.PI) -
    ((df + 1) / 2) * Math.log1p((x * x) / df)
  );
}

/**
 * Above this many degrees of freedom the continued fraction for I_w(df/2, 1/2) loses digits
 * (w is then close to 1 and its first terms cancel), so the tail is integrated instead.
 */
const QUADRATURE_DF = 1000;

/**
 * P(T > t) for t >= 0 as ∫_t^∞ dt(s) ds by the exp-sinh rule s = t + exp(π/2 sinh u), halving
 * the step until successive trapezoid sums agree to 1e-13 (double-exponential convergence: the
 * density is analytic in a strip of half-width √df, and each halving squares the error).
 */
function upperTailByQuadrature(t: number, df: number): number {
  const logC = lgammaRatio(df / 2, 0.5) - 0.5 * Math.log(df * Math.PI);
  const halfPi = Math.PI / 2;
  const term = (u: number): number => {
    const e = Math.exp(halfPi * Math.sinh(u));
    const s = t + e;
    return Math.exp(logC - ((df + 1) / 2) * Math.log1p((s * s) / df)) * e * halfPi * Math.cosh(u);
  };
  const span = 6;
  let h = 0.5;
  let sum = 0;
  for (let u = -span; u <= span + 1e-12; u += h) sum += term(u);
  let integral = sum * h;
  for (let level = 0; level < 12; level += 1) {
    h /= 2;
    for (let u = -span + h; u < span; u += 2 * h) sum += term(u);
    const next = sum * h;
    // The error after a level is about the square of the change it made (double-exponential
    // convergence), so a change below 1e-13 leaves an error far below 1e-15.
    const done = Math.abs(next - integral) <= 1e-13 * next;
    integral = next;
    if (done && level >= 2) break;
  }
  return integral;
}

/** P(|T| > |x|) for T ~ t(df). */
function twoSidedTail(x: number, df: number): number {
  const x2 = x * x;
  if (x2 > 1e100 * df) {
    // Leading term of I_w(df/2, 1/2) for tiny w = df/(df + x²).
    return Math.exp(
      -0.5 * df * (2 * Math.log(Math.abs(x)) - Math.log(df)) -
        lbeta(0.5 * df, 0.5) -
        Math.log(0.5 * df),
    );
  }
  const w = df / (df + x2);
  const wc = x2 / (df + x2);
  return betaTails(w, df / 2, 0.5, wc)[0];
}

/** P(T <= x) (or P(T > x)) for T ~ t(df), df > 0 (fractional df allowed). */
export function pt(x: number, df: number, lowerTail = true): number {
  if (Number.isNaN(x) || Number.isNaN(df) || df <= 0) return NaN;
  if (!Number.isFinite(x)) return x < 0 === lowerTail ? 0 : 1;
  if (df === Infinity) return pnorm(x, lowerTail);
  const half =
    df > QUADRATURE_DF ? upperTailByQuadrature(Math.abs(x), df) : twoSidedTail(x, df) / 2;
  // half is the tail beyond |x|; the other side is 1 - half.
  return x > 0 === lowerTail ? 1 - half : half;
}

/** Quantile of t(df): the x with P(T <= x) = p. */
export function qt(p: number, df: number, lowerTail = true): number {
  if (Number.isNaN(p) || Number.isNaN(df) || p < 0 || p > 1 || df <= 0) return NaN;
  const lower = lowerTail ? p : 1 - p;
  if (lower === 0) return -Infinity;
  if (lower === 1) return Infinity;
  if (lower === 0.5) return 0;
  if (df === Infinity) return qnorm(lower);
  const q = lower < 0.5 ? lower : 1 - lower;
  const sign = lower < 0.5 ? -1 : 1;
  // Find x < 0 with P(T <= x) = q, working in u = log(-x) where the tail is close to linear.
  const logQ = Math.log(q);
  const f = (u: number): number => Math.log(pt(-Math.exp(u), df)) - logQ; // decreasing in u
  // Start from the normal quantile with the first Cornish-Fisher term (Abramowitz & Stegun
  // 26.7.5); the bracketing below copes with a poor start when df is small.
  const z = qnorm(q);
  const x0 = z + (z * z * z + z) / (4 * df);
  let u = x0 < 0 && Number.isFinite(x0) ? Math.log(-x0) : 0;
  // Bracket the root, then Newton steps kept inside the bracket.
  let lo = u;
  let hi = u;
  let flo = f(lo);
  let fhi = flo;
  for (let i = 0; flo < 0 && i < 200; i += 1) {
    lo -= 1;
    flo = f(lo);
  }
  for (let i = 0; fhi > 0 && i < 200; i += 1) {
    hi += 1;
    fhi = f(hi);
  }
  u = Math.min(Math.max(u, lo), hi);
  for (let i = 0; i < 200; i += 1) {
    const fu = f(u);
    if (fu === 0) break;
    if (fu > 0) lo = u;
    else hi = u;
    const x = -Math.exp(u);
    // d/du log P(T <= -e^u) = -dt(x) e^u / P(T <= x).
    const slope = -Math.exp(logDt(x, df) + u - Math.log(pt(x, df)));
    let next = u - fu / slope;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    const done = Math.abs(next - u) <= 1e-15 * Math.max(1, Math.abs(u));
    u = next;
    if (done || hi - lo <= 1e-15 * Math.max(1, Math.abs(u))) break;
  }
  return sign * Math.exp(u);
}
