/**
 * The standard normal distribution: density, both tails of the distribution function to full
 * relative precision, and the quantile function. pnorm goes through erfc: a power series near 0
 * and the Laplace continued fraction (DLMF 7.9.2) in the tails, with exp(-x²/2) split so that
 * the square loses no digits; qnorm refines a starting value by Newton steps on log Φ.
 */
import { LN_SQRT_2PI } from './special';

const SQRT_PI = Math.sqrt(Math.PI);
/** Where erfc switches from the series to the continued fraction. */
const CF_FROM = 1;

/** Density of N(0, 1). */
export function dnorm(x: number): number {
  return Math.exp(-0.5 * x * x - LN_SQRT_2PI);
}

/** exp(-x²/2) with the square split as (xh + xl)² so that no bits of x are lost. */
function expHalfSquare(x: number): number {
  const xh = Math.trunc(x * 16) / 16;
  const xl = x - xh;
  return Math.exp(-0.5 * xh * xh) * Math.exp(-0.5 * xl * (x + xh));
}

/** erf(z) for 0 <= z <= 0.5 by its Maclaurin series. */
function erfSmall(z: number): number {
  const z2 = z * z;
  let term = z;
  let sum = z;
  for (let n = 1; n < 60; n += 1) {
    term *= -z2 / n;
    const next = sum + term / (2 * n + 1);
    if (next === sum) break;
    sum = next;
  }
  return (2 / SQRT_PI) * sum;
}

/**
 * erfc(x / √2) for x >= 0.5√2, i.e. twice the upper tail of N(0, 1) at x: a series with positive
 * terms for moderate x, Laplace's continued fraction beyond.
 */
function erfcHalfSqrt2(x: number): number {
  const z = x * Math.SQRT1_2;
  const gauss = expHalfSquare(x);
  if (z < CF_FROM) {
    // erf(z) = 2/√π e^{-z²} Σ 2^n z^{2n+1} / (1·3···(2n+1)).
    const twoZ2 = 2 * z * z;
    let term = z;
    let sum = z;
    for (let n = 1; n < 200; n += 1) {
      term *= twoZ2 / (2 * n + 1);
      const next = sum + term;
      if (next === sum) break;
      sum = next;
    }
    return 1 - (2 / SQRT_PI) * gauss * sum;
  }
  // √π e^{z²} erfc z = 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + ...)))), by the modified Lentz method.
  const tiny = 1e-300;
  let f = z;
  let c = z;
  let d = 0;
  for (let n = 1; n < 5000; n += 1) {
    const a = n / 2;
    d = z + a * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = z + a / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return gauss / (SQRT_PI * f);
}

/**
 * P(X <= x) (or P(X > x) with `lowerTail` false) for X ~ N(0, 1), each tail with full relative
 * precision.
 */
export function pnorm(x: number, lowerTail = true): number {
  if (Number.isNaN(x)) return NaN;
  const t = lowerTail ? x : -x;
  if (t === -Infinity) return 0;
  if (t === Infinity) return 1;
  const a = Math.abs(t);
  if (a <= 0.5 * Math.SQRT2) {
    const half = 0.5 * erfSmall(a * Math.SQRT1_2);
    return t < 0 ? 0.5 - half : 0.5 + half;
  }
  const tail = 0.5 * erfcHalfSqrt2(a);
  return t < 0 ? tail : 1 - tail;
}

/** log P(X <= x), with the tail computed directly where it is small. */
function logPnorm(x: number): number {
  return x < 0 ? Math.log(pnorm(x)) : Math.log1p(-pnorm(x, false));
}

/** Quantile of N(0, 1): the x with P(X <= x) = p. */
export function qnorm(p: number, lowerTail = true): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  const lower = lowerTail ? p : 1 - p;
  if (lower === 0) return -Infinity;
  if (lower === 1) return Infinity;
  if (lower === 0.5) return 0;
  // Solve on the lower half and reflect: q = min(p, 1 - p) is exact for p in [0.5, 1].
  const q = lower < 0.5 ? lower : 1 - lower;
  const sign = lower < 0.5 ? -1 : 1;
  // Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4) as the start.
  const t = Math.sqrt(-2 * Math.log(q));
  let x = -(
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) /
      (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t)
  );
  const logQ = Math.log(q);
  for (let i = 0; i < 50; i += 1) {
    // Newton on g(x) = log Φ(x) - log q, g'(x) = φ(x) / Φ(x).
    const logP = logPnorm(x);
    const ratio = Math.exp(-0.5 * x * x - LN_SQRT_2PI - logP);
    const step = (logP - logQ) / ratio;
    x -= step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return sign * Math.abs(x);
}
