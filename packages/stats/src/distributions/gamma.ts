/**
 * The regularised incomplete gamma function and the chi-square distribution: the power series
 * for P(a, x) when x < a + 1 and Legendre's continued fraction for Q(a, x) otherwise (DLMF 8.11,
 * 8.9.2), with the factor x^a e^-x / Γ(a) from Loader's saddle-point form for large a.
 */
import { LN_SQRT_2PI, bd0, lgamma, stirlerr } from './special';

const TINY = 1e-300;

/** x^a e^{-x} / Γ(a + 1), the Poisson probability of a at mean x. */
function poissonTerm(a: number, x: number): number {
  if (a >= 10) return Math.exp(-stirlerr(a) - bd0(a, x) - LN_SQRT_2PI) / Math.sqrt(a);
  return Math.exp(a * Math.log(x) - x - lgamma(a + 1));
}

/** Both tails [P(a, x), Q(a, x)] of the gamma distribution with shape a and scale 1. */
export function gammaTails(x: number, a: number): [number, number] {
  if (Number.isNaN(x) || Number.isNaN(a) || a <= 0) return [NaN, NaN];
  if (x <= 0) return [0, 1];
  if (x === Infinity) return [1, 0];
  const front = poissonTerm(a, x);
  if (x < a + 1) {
    // P = x^a e^-x / Γ(a + 1) · Σ x^n / ((a + 1) ··· (a + n)).
    let term = 1;
    let sum = 1;
    for (let n = 1; n < 100000; n += 1) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    const lower = front * sum;
    return [lower, 1 - lower];
  }
  // Q = x^a e^-x / Γ(a) · 1/(x + 1 - a - 1(1 - a)/(x + 3 - a - 2(2 - a)/(x + 5 - a - ...))).
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < 100000; n += 1) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const upper = front * a * h;
  return [1 - upper, upper];
}

/** P(X <= x) (or P(X > x)) for X ~ Gamma(shape, scale 1). */
export function pgamma(x: number, shape: number, lowerTail = true): number {
  const [lower, upper] = gammaTails(x, shape);
  return lowerTail ? lower : upper;
}

/** P(X <= x) (or P(X > x)) for X ~ χ²(df). */
export function pchisq(x: number, df: number, lowerTail = true): number {
  return pgamma(x / 2, df / 2, lowerTail);
}
