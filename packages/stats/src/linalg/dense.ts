/**
 * Small dense linear algebra on p×p matrices stored row-major in Float64Arrays: Cholesky
 * factorisation, solves, inverse and the symmetric eigen-decomposition (cyclic Jacobi). The
 * matrices here are the fixed-effects cross-products (p is the number of coefficients) and
 * Hessians of a handful of variance parameters, so clarity wins over blocking.
 */

/**
 * Lower Cholesky factor L (row-major, upper triangle zero) with L Lᵀ = A, or null when A is not
 * numerically positive definite.
 */
export function cholesky(a: Float64Array, p: number): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j += 1) {
    let diagonal = a[j * p + j] ?? 0;
    for (let k = 0; k < j; k += 1) {
      const ljk = l[j * p + k] ?? 0;
      diagonal -= ljk * ljk;
    }
    if (!(diagonal > 0)) return null;
    const ljj = Math.sqrt(diagonal);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i += 1) {
      let sum = a[i * p + j] ?? 0;
      for (let k = 0; k < j; k += 1) sum -= (l[i * p + k] ?? 0) * (l[j * p + k] ?? 0);
      l[i * p + j] = sum / ljj;
    }
  }
  return l;
}

/** Solves L Lᵀ x = b for x, given the Cholesky factor L. */
export function choleskySolve(l: Float64Array, p: number, b: Float64Array): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < p; i += 1) {
    let sum = x[i] ?? 0;
    for (let k = 0; k < i; k += 1) sum -= (l[i * p + k] ?? 0) * (x[k] ?? 0);
    x[i] = sum / (l[i * p + i] ?? 1);
  }
  for (let i = p - 1; i >= 0; i -= 1) {
    let sum = x[i] ?? 0;
    for (let k = i + 1; k < p; k += 1) sum -= (l[k * p + i] ?? 0) * (x[k] ?? 0);
    x[i] = sum / (l[i * p + i] ?? 1);
  }
  return x;
}

/** (L Lᵀ)⁻¹ from the Cholesky factor L, symmetric, row-major. */
export function choleskyInverse(l: Float64Array, p: number): Float64Array {
  // Invert L (lower triangular), then A⁻¹ = L⁻ᵀ L⁻¹.
  const li = new Float64Array(p * p);
  for (let j = 0; j < p; j += 1) {
    li[j * p + j] = 1 / (l[j * p + j] ?? 1);
    for (let i = j + 1; i < p; i += 1) {
      let sum = 0;
      for (let k = j; k < i; k += 1) sum -= (l[i * p + k] ?? 0) * (li[k * p + j] ?? 0);
      li[i * p + j] = sum / (l[i * p + i] ?? 1);
    }
  }
  const inverse = new Float64Array(p * p);
  for (let i = 0; i < p; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = 0;
      for (let k = i; k < p; k += 1) sum += (li[k * p + i] ?? 0) * (li[k * p + j] ?? 0);
      inverse[i * p + j] = sum;
      inverse[j * p + i] = sum;
    }
  }
  return inverse;
}

/** log det(A) = 2 Σ log L_ii from the Cholesky factor. */
export function choleskyLogDet(l: Float64Array, p: number): number {
  let sum = 0;
  for (let i = 0; i < p; i += 1) sum += Math.log(l[i * p + i] ?? 1);
  return 2 * sum;
}

/** Eigenvalues (descending) and eigenvectors (columns of `vectors`) of a symmetric matrix. */
export interface SymmetricEigen {
  readonly values: Float64Array;
  /** Row-major p×p; column j is the eigenvector of values[j]. */
  readonly vectors: Float64Array;
}

/** Symmetric eigen-decomposition by cyclic Jacobi rotations (to full precision; p small). */
export function symmetricEigen(matrix: Float64Array, p: number): SymmetricEigen {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(p * p);
  for (let i = 0; i < p; i += 1) v[i * p + i] = 1;
  for (let sweep = 0; sweep < 100; sweep += 1) {
    let off = 0;
    for (let i = 0; i < p; i += 1) {
      for (let j = i + 1; j < p; j += 1) off += (a[i * p + j] ?? 0) ** 2;
    }
    if (off === 0) break;
    for (let i = 0; i < p; i += 1) {
      for (let j = i + 1; j < p; j += 1) {
        const aij = a[i * p + j] ?? 0;
        if (aij === 0) continue;
        const aii = a[i * p + i] ?? 0;
        const ajj = a[j * p + j] ?? 0;
        const theta = (ajj - aii) / (2 * aij);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < p; k += 1) {
          const aki = a[k * p + i] ?? 0;
          const akj = a[k * p + j] ?? 0;
          a[k * p + i] = c * aki - s * akj;
          a[k * p + j] = s * aki + c * akj;
        }
        for (let k = 0; k < p; k += 1) {
          const aik = a[i * p + k] ?? 0;
          const ajk = a[j * p + k] ?? 0;
          a[i * p + k] = c * aik - s * ajk;
          a[j * p + k] = s * aik + c * ajk;
        }
        for (let k = 0; k < p; k += 1) {
          const vki = v[k * p + i] ?? 0;
          const vkj = v[k * p + j] ?? 0;
          v[k * p + i] = c * vki - s * vkj;
          v[k * p + j] = s * vki + c * vkj;
        }
      }
    }
  }
  const order = Array.from({ length: p }, (_, i) => i).sort(
    (x, y) => (a[y * p + y] ?? 0) - (a[x * p + x] ?? 0),
  );
  const values = new Float64Array(p);
  const vectors = new Float64Array(p * p);
  order.forEach((from, to) => {
    values[to] = a[from * p + from] ?? 0;
    for (let k = 0; k < p; k += 1) vectors[k * p + to] = v[k * p + from] ?? 0;
  });
  return { values, vectors };
}

/** xᵀ A x for a p-vector x and a row-major p×p matrix A. */
export function quadraticForm(x: ArrayLike<number>, a: ArrayLike<number>, p: number): number {
  let sum = 0;
  for (let i = 0; i < p; i += 1) {
    const xi = x[i] ?? 0;
    if (xi === 0) continue;
    let row = 0;
    for (let j = 0; j < p; j += 1) row += (a[i * p + j] ?? 0) * (x[j] ?? 0);
    sum += xi * row;
  }
  return sum;
}
