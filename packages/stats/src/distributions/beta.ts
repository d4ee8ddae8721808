/**
 * The regularised incomplete beta function I_x(a, b), both tails, by the continued fraction of
 * DLMF 8.17.22 evaluated on the side where it converges (x below the mean (a + 1)/(a + b + 2))
 * with the modified Lentz method. The factor x^a (1 - x)^b / B(a, b) uses Loader's saddle-point
 * form when a and b are both large, so that it keeps its relative precision.
 */
import { LN_SQRT_2PI, bd0, lbeta, stirlerr } from './special';

const TINY = 1e-300;

/** x^a y^b / B(a, b) with y = 1 - x given separately (to keep its precision). */
export function betaFront(x: number, y: number, a: number, b: number): number {
  if (a >= 10 && b >= 10) {
    const n = a + b;
    return (
      Math.sqrt((a * b) / n) *
      Math.exp(
        stirlerr(n) - stirlerr(a) - stirlerr(b) - bd0(a, n * x) - bd0(b, n * y) - LN_SQRT_2PI,
      )
    );
  }
  const logX = x < 0.5 ? Math.log(x) : Math.log1p(-y);
  const logY = y < 0.5 ? Math.log(y) : Math.log1p(-x);
  return Math.exp(a * logX + b * logY - lbeta(a, b));
}

/** The continued fraction 1/(1 + d1/(1 + d2/(1 + ...))) of I_x(a, b) = front / a · cf. */
export function betaFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 100000; m += 1) {
    const m2 = 2 * m;
    // Even step d_2m = m (b - m) x / ((a + 2m - 1)(a + 2m)).
    let an = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + an * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // Odd step d_2m+1 = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
    an = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + an * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

/**
 * Both tails [I_x(a, b), 1 - I_x(a, b)] of the beta distribution, with y = 1 - x passed in when
 * the caller knows it more precisely than 1 - x.
 */
export function betaTails(x: number, a: number, b: number, y = 1 - x): [number, number] {
  if (Number.isNaN(x) || Number.isNaN(a) || Number.isNaN(b) || a <= 0 || b <= 0) {
    return [NaN, NaN];
  }
  if (x <= 0) return [0, 1];
  if (y <= 0) return [1, 0];
  const front = betaFront(x, y, a, b);
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (front * betaFraction(x, a, b)) / a;
    return [lower, 1 - lower];
  }
  const upper = (front * betaFraction(y, b, a)) / b;
  return [1 - upper, upper];
}

/** P(X <= x) (or P(X > x)) for X ~ Beta(a, b). */
export function pbeta(x: number, a: number, b: number, lowerTail = true): number {
  const [lower, upper] = betaTails(x, a, b);
  return lowerTail ? lower : upper;
}
