/**
 * The profiled deviance of a linear mixed model whose random intercepts are nested (each level
 * of a finer grouping factor lies within one level of the next coarser one), evaluated from
 * per-cluster sufficient statistics rather than a sparse Cholesky (statistics.md §3).
 *
 * With the grouping factors ordered finest first (level 0, e.g. patients) and θ_ℓ the ratio of
 * level ℓ's random-intercept SD to the residual SD, lme4's sparse factor Lθ of ΛZᵀZΛ + I has no
 * fill-in: eliminating the nodes finest first, a node v at level ℓ sees only its own rows and
 * its ancestors. Writing ν_v, σ_v (a p-vector) and τ_v for the counts, sums of x and sums of y
 * of its subtree after its descendants have been eliminated (for a leaf: its rows' n, Σx, Σy),
 *
 *   d_v = 1 + θ_ℓ² ν_v                      (the squared diagonal entry of Lθ)
 *   XᵀX -= θ_ℓ² σ_v σ_vᵀ / d_v,  Xᵀy -= θ_ℓ² σ_v τ_v / d_v,  yᵀy -= θ_ℓ² τ_v² / d_v
 *   parent: ν += ν_v / d_v,  σ += σ_v / d_v,  τ += τ_v / d_v
 *
 * and log|Lθ|² = Σ log d_v. What remains of XᵀX is R_XᵀR_X, so β̂θ, r²(θ) and log|R_X|² follow
 * from a p×p Cholesky. Everything depends on θ only through θ² (the deviance is even in each
 * θ_ℓ), and no step subtracts nearly equal numbers except the Schur complements themselves.
 *
 * The leaves' contributions to the global cross-products depend on a leaf only through its size
 * m, so they are summed once per distinct m; each evaluation then costs O(distinct sizes · p² +
 * (non-leaf nodes) · p²), independent of the number of rows.
 *
 * The response enters centred by an ordinary least-squares fit β₀ (y - Xβ₀ has the same r²(θ) and
 * β̂θ - β₀), which keeps r²(θ) from being a small difference of large sums.
 */
import { cholesky, choleskyInverse, choleskyLogDet, choleskySolve } from '../linalg/dense';
import type { ModelDesign } from './design';
import { crossProduct, ModelDataError } from './design';

/** The data of a nested model reduced to what every evaluation needs. */
export interface NestedModel {
  readonly n: number;
  readonly p: number;
  /** Number of grouping factors (levels of nesting), finest first as in `design.groupings`. */
  readonly k: number;
  readonly beta0: Float64Array;
  readonly levelCounts: readonly number[];
  /** Weighted sums over rows (weights = cluster multiplicities, 1 for a plain fit). */
  readonly xtx: Float64Array;
  readonly xte: Float64Array;
  readonly ete: number;
  /** Distinct leaf sizes m with their weighted counts and Σ s sᵀ, Σ s t, Σ t² over the leaves. */
  readonly sizes: Float64Array;
  readonly sizeCount: Float64Array;
  readonly sizeS2: Float64Array;
  readonly sizeST: Float64Array;
  readonly sizeT2: Float64Array;
  /** For k >= 2: per level-1 node, groups of its leaves by size (index into `sizes`). */
  readonly groupStart: Int32Array;
  readonly groupSize: Int32Array;
  readonly groupCount: Float64Array;
  readonly groupS: Float64Array;
  readonly groupT: Float64Array;
  /** parents[ℓ][node] = its node at level ℓ + 1, for ℓ = 1 .. k - 2 (level 0 is in groups). */
  readonly parents: readonly Int32Array[];
  /** Weight (multiplicity) of each node at levels 1 .. k - 1 (index ℓ - 1). */
  readonly nodeWeights: readonly Float64Array[];
  /** Work space reused by every evaluation (evaluations are never nested). */
  readonly work: NestedWork;
}

/** Scratch arrays of evaluateNested, allocated once per model. */
interface NestedWork {
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly sigma: Float64Array;
  readonly inverseD: Float64Array;
  /** Accumulators of ν, σ, τ per node at levels 2 .. k - 1 (index ℓ - 2). */
  readonly nu: Float64Array[];
  readonly sigmas: Float64Array[];
  readonly tau: Float64Array[];
}

/** The structure shared by a fit and its bootstrap replicates. */
export interface NestedStructure {
  readonly design: ModelDesign;
  readonly k: number;
  /** codes[ℓ][row]: node of each row at level ℓ (finest first). */
  readonly codes: readonly Int32Array[];
  readonly levelCounts: readonly number[];
  /** parentOf[ℓ][node at ℓ] = node at ℓ + 1. */
  readonly parentOf: readonly Int32Array[];
  /** The top-level (coarsest) node of each node, per level. */
  readonly topOf: readonly Int32Array[];
  readonly beta0: Float64Array;
  /** y - X β₀, and Xᵀe, eᵀe over all rows. */
  readonly e: Float64Array;
  readonly xte: Float64Array;
  readonly ete: number;
  /** Per leaf: rows, Σ x, Σ e. */
  readonly leafN: Int32Array;
  readonly leafS: Float64Array;
  readonly leafT: Float64Array;
}

/**
 * Checks that the grouping factors are nested and precomputes the per-leaf sums and the OLS
 * centring. Throws ModelDataError for crossed factors.
 */
export function nestedStructure(design: ModelDesign): NestedStructure {
  const { n, p, x, y } = design;
  const k = design.groupings.length;
  if (k === 0) throw new ModelDataError('the formula has no random term (1 | group)');
  const codes = design.groupings.map((g) => g.codes);
  const levelCounts = design.groupings.map((g) => g.levelCount);
  const parentOf: Int32Array[] = [];
  for (let level = 0; level + 1 < k; level += 1) {
    const fine = codes[level] ?? new Int32Array(0);
    const coarse = codes[level + 1] ?? new Int32Array(0);
    const parent = new Int32Array(levelCounts[level] ?? 0).fill(-1);
    for (let i = 0; i < n; i += 1) {
      const node = fine[i] ?? 0;
      const up = coarse[i] ?? 0;
      const known = parent[node] ?? -1;
      if (known < 0) parent[node] = up;
      else if (known !== up) {
        const fineLabel = design.groupings[level]?.label ?? '';
        const coarseLabel = design.groupings[level + 1]?.label ?? '';
        throw new ModelDataError(
          `random effects must be nested, but a level of ${fineLabel} occurs in two levels of ${coarseLabel}; crossed random effects are not supported (write (1 | ${coarseLabel}/...) or (1 | ${coarseLabel}:...) if the ids are only unique within ${coarseLabel})`,
        );
      }
    }
    parentOf.push(parent);
  }
  const topOf: Int32Array[] = [];
  for (let level = k - 1; level >= 0; level -= 1) {
    const count = levelCounts[level] ?? 0;
    if (level === k - 1) {
      topOf[level] = Int32Array.from({ length: count }, (_, i) => i);
    } else {
      const parent = parentOf[level] ?? new Int32Array(0);
      const above = topOf[level + 1] ?? new Int32Array(0);
      topOf[level] = Int32Array.from(parent, (node) => above[node] ?? 0);
    }
  }
  // OLS centring (XᵀX comes from the design's rank check); X is column-major.
  const xtx = design.xtx;
  const xty = new Float64Array(p);
  for (let a = 0; a < p; a += 1) {
    let sum = 0;
    const base = a * n;
    for (let i = 0; i < n; i += 1) sum += (x[base + i] ?? 0) * (y[i] ?? 0);
    xty[a] = sum;
  }
  const factor = cholesky(xtx, p);
  if (factor === null) throw new ModelDataError('the fixed-effects design is singular');
  const beta0 = choleskySolve(factor, p, xty);
  const e = Float64Array.from(y);
  for (let a = 0; a < p; a += 1) {
    const coefficient = beta0[a] ?? 0;
    const base = a * n;
    for (let i = 0; i < n; i += 1) e[i] = (e[i] ?? 0) - coefficient * (x[base + i] ?? 0);
  }
  const xte = new Float64Array(p);
  let ete = 0;
  for (let i = 0; i < n; i += 1) ete += (e[i] ?? 0) ** 2;
  const leafCount = levelCounts[0] ?? 0;
  const leafN = new Int32Array(leafCount);
  const leafS = new Float64Array(leafCount * p);
  const leafT = new Float64Array(leafCount);
  const leaves = codes[0] ?? new Int32Array(0);
  for (let i = 0; i < n; i += 1) {
    const leaf = leaves[i] ?? 0;
    leafN[leaf] = (leafN[leaf] ?? 0) + 1;
    leafT[leaf] = (leafT[leaf] ?? 0) + (e[i] ?? 0);
  }
  for (let a = 0; a < p; a += 1) {
    const base = a * n;
    let sum = 0;
    for (let i = 0; i < n; i += 1) {
      const xa = x[base + i] ?? 0;
      sum += xa * (e[i] ?? 0);
      const at = (leaves[i] ?? 0) * p + a;
      leafS[at] = (leafS[at] ?? 0) + xa;
    }
    xte[a] = sum;
  }
  return {
    design,
    k,
    codes,
    levelCounts,
    parentOf,
    topOf,
    beta0,
    e,
    xte,
    ete,
    leafN,
    leafS,
    leafT,
  };
}

function symmetrize(a: Float64Array, p: number): void {
  for (let i = 0; i < p; i += 1) for (let j = 0; j < i; j += 1) a[i * p + j] = a[j * p + i] ?? 0;
}

/**
 * The sums an evaluation needs, for cluster weights `topWeights` (the multiplicity of each
 * top-level cluster in a bootstrap replicate; all 1 when null).
 */
export function nestedModel(
  structure: NestedStructure,
  topWeights: Float64Array | null,
): NestedModel {
  const { design, k, codes, levelCounts, parentOf, topOf, e, leafN, leafS, leafT, beta0 } =
    structure;
  const { n: rows, p, x } = design;
  const weightOfTop = (top: number): number => (topWeights === null ? 1 : (topWeights[top] ?? 0));
  const topOfRow = codes[k - 1] ?? new Int32Array(0);
  let n = rows;
  let xtx = design.xtx;
  let xte = structure.xte;
  let ete = structure.ete;
  if (topWeights !== null) {
    const rowWeights = new Float64Array(rows);
    n = 0;
    ete = 0;
    for (let i = 0; i < rows; i += 1) {
      const w = weightOfTop(topOfRow[i] ?? 0);
      rowWeights[i] = w;
      n += w;
      ete += w * (e[i] ?? 0) ** 2;
    }
    xtx = crossProduct(x, rows, p, rowWeights);
    xte = new Float64Array(p);
    for (let a = 0; a < p; a += 1) {
      const base = a * rows;
      let sum = 0;
      for (let i = 0; i < rows; i += 1)
        sum += (rowWeights[i] ?? 0) * (x[base + i] ?? 0) * (e[i] ?? 0);
      xte[a] = sum;
    }
  }

  // Leaves by size.
  const leafTop = topOf[0] ?? new Int32Array(0);
  const sizeIndex = new Map<number, number>();
  const leafCount = levelCounts[0] ?? 0;
  const leafSize = new Int32Array(leafCount);
  for (let leaf = 0; leaf < leafCount; leaf += 1) {
    const m = leafN[leaf] ?? 0;
    let index = sizeIndex.get(m);
    if (index === undefined) {
      index = sizeIndex.size;
      sizeIndex.set(m, index);
    }
    leafSize[leaf] = index;
  }
  const distinct = sizeIndex.size;
  const sizes = new Float64Array(distinct);
  for (const [m, index] of sizeIndex) sizes[index] = m;
  const sizeCount = new Float64Array(distinct);
  const sizeS2 = new Float64Array(distinct * p * p);
  const sizeST = new Float64Array(distinct * p);
  const sizeT2 = new Float64Array(distinct);
  for (let leaf = 0; leaf < leafCount; leaf += 1) {
    const w = weightOfTop(leafTop[leaf] ?? 0);
    if (w === 0) continue;
    const index = leafSize[leaf] ?? 0;
    const t = leafT[leaf] ?? 0;
    sizeCount[index] = (sizeCount[index] ?? 0) + w;
    sizeT2[index] = (sizeT2[index] ?? 0) + w * t * t;
    const sBase = leaf * p;
    const s2Base = index * p * p;
    for (let a = 0; a < p; a += 1) {
      const sa = (leafS[sBase + a] ?? 0) * w;
      if (sa === 0) continue;
      sizeST[index * p + a] = (sizeST[index * p + a] ?? 0) + sa * t;
      for (let b = a; b < p; b += 1) {
        sizeS2[s2Base + a * p + b] =
          (sizeS2[s2Base + a * p + b] ?? 0) + sa * (leafS[sBase + b] ?? 0);
      }
    }
  }
  for (let index = 0; index < distinct; index += 1) symmetrize(sizeS2.subarray(index * p * p), p);

  // Level-1 nodes: their leaves grouped by size (unweighted; the node's weight applies later).
  let groupStart = new Int32Array(1);
  let groupSize = new Int32Array(0);
  let groupCount = new Float64Array(0);
  let groupS = new Float64Array(0);
  let groupT = new Float64Array(0);
  if (k >= 2) {
    const parent = parentOf[0] ?? new Int32Array(0);
    const nodes = levelCounts[1] ?? 0;
    // Sort leaves by (parent, size) with a counting pass.
    const keyOf = (leaf: number): number => (parent[leaf] ?? 0) * distinct + (leafSize[leaf] ?? 0);
    const bucketStart = new Int32Array(nodes * distinct + 1);
    for (let leaf = 0; leaf < leafCount; leaf += 1) {
      const bucket = keyOf(leaf) + 1;
      bucketStart[bucket] = (bucketStart[bucket] ?? 0) + 1;
    }
    let groups = 0;
    for (let b = 1; b <= nodes * distinct; b += 1) if ((bucketStart[b] ?? 0) > 0) groups += 1;
    for (let b = 1; b <= nodes * distinct; b += 1)
      bucketStart[b] = (bucketStart[b] ?? 0) + (bucketStart[b - 1] ?? 0);
    const bucketGroup = new Int32Array(nodes * distinct).fill(-1);
    groupStart = new Int32Array(nodes + 1);
    groupSize = new Int32Array(groups);
    groupCount = new Float64Array(groups);
    groupS = new Float64Array(groups * p);
    groupT = new Float64Array(groups);
    let g = 0;
    for (let node = 0; node < nodes; node += 1) {
      groupStart[node] = g;
      for (let size = 0; size < distinct; size += 1) {
        const bucket = node * distinct + size;
        if ((bucketStart[bucket + 1] ?? 0) > (bucketStart[bucket] ?? 0)) {
          bucketGroup[bucket] = g;
          groupSize[g] = size;
          g += 1;
        }
      }
    }
    groupStart[nodes] = g;
    for (let leaf = 0; leaf < leafCount; leaf += 1) {
      const group = bucketGroup[keyOf(leaf)] ?? 0;
      groupCount[group] = (groupCount[group] ?? 0) + 1;
      groupT[group] = (groupT[group] ?? 0) + (leafT[leaf] ?? 0);
      for (let a = 0; a < p; a += 1) {
        groupS[group * p + a] = (groupS[group * p + a] ?? 0) + (leafS[leaf * p + a] ?? 0);
      }
    }
  }
  const nodeWeights: Float64Array[] = [];
  for (let level = 1; level < k; level += 1) {
    const tops = topOf[level] ?? new Int32Array(0);
    nodeWeights.push(Float64Array.from(tops, (top) => weightOfTop(top)));
  }
  return {
    n,
    p,
    k,
    beta0,
    levelCounts,
    xtx,
    xte,
    ete,
    sizes,
    sizeCount,
    sizeS2,
    sizeST,
    sizeT2,
    groupStart,
    groupSize,
    groupCount,
    groupS,
    groupT,
    parents: parentOf.slice(1),
    nodeWeights,
    work: {
      a: new Float64Array(p * p),
      b: new Float64Array(p),
      sigma: new Float64Array(p),
      inverseD: new Float64Array(distinct),
      nu: levelCounts.slice(2).map((count) => new Float64Array(count)),
      sigmas: levelCounts.slice(2).map((count) => new Float64Array(count * p)),
      tau: levelCounts.slice(2).map((count) => new Float64Array(count)),
    },
  };
}

/**
 * A starting θ from the nested analysis of variance of the OLS residuals: with MS_ℓ the mean
 * square between the nodes of level ℓ within their parents (MS_-1 the residual mean square) and
 * m_ℓ the mean number of rows per node, σ_ℓ² ≈ (MS_ℓ - MS_ℓ-1) / m_ℓ, as in a balanced design.
 * Each θ_ℓ is kept at 0.1 or more so that Newton's method does not start on the symmetry point
 * θ_ℓ = 0. Only a start: the optimum does not depend on it.
 */
export function startingTheta(structure: NestedStructure): Float64Array {
  const { k, levelCounts, parentOf, leafN, leafT, ete, design } = structure;
  const n = design.n;
  let counts = Float64Array.from(leafN);
  let sums = Float64Array.from(leafT);
  const explained: number[] = [];
  for (let level = 0; level < k; level += 1) {
    let ss = 0;
    for (let node = 0; node < counts.length; node += 1) {
      const count = counts[node] ?? 0;
      if (count > 0) ss += (sums[node] ?? 0) ** 2 / count;
    }
    explained.push(ss);
    if (level + 1 < k) {
      const parent = parentOf[level] ?? new Int32Array(0);
      const upCounts = new Float64Array(levelCounts[level + 1] ?? 0);
      const upSums = new Float64Array(levelCounts[level + 1] ?? 0);
      for (let node = 0; node < counts.length; node += 1) {
        const up = parent[node] ?? 0;
        upCounts[up] = (upCounts[up] ?? 0) + (counts[node] ?? 0);
        upSums[up] = (upSums[up] ?? 0) + (sums[node] ?? 0);
      }
      counts = upCounts;
      sums = upSums;
    }
  }
  let total = 0;
  for (const value of sums) total += value;
  explained.push((total * total) / n);
  const residual = Math.max(
    (ete - (explained[0] ?? 0)) / Math.max(n - (levelCounts[0] ?? 0), 1),
    1e-300,
  );
  const theta = new Float64Array(k);
  let previous = residual;
  for (let level = 0; level < k; level += 1) {
    const nodes = levelCounts[level] ?? 1;
    const parents = level + 1 < k ? (levelCounts[level + 1] ?? 1) : 1;
    const ms =
      ((explained[level] ?? 0) - (explained[level + 1] ?? 0)) / Math.max(nodes - parents, 1);
    const variance = (ms - previous) / (n / nodes);
    theta[level] = Math.max(Math.sqrt(Math.max(variance, 0) / residual), 0.1);
    previous = Math.max(ms, previous);
  }
  return theta;
}

/** Everything one evaluation at θ gives. */
export interface NestedEvaluation {
  /** log|Lθ|². */
  readonly ldL2: number;
  /** log|R_X|², the log-determinant of R_XᵀR_X. */
  readonly ldRX2: number;
  /** Penalised residual sum of squares r²(θ). */
  readonly r2: number;
  /** β̂θ. */
  readonly beta: Float64Array;
  /** Cholesky factor of R_XᵀR_X (lower, row-major), for (R_XᵀR_X)⁻¹. */
  readonly factor: Float64Array;
}

/** Running totals of one evaluation: log|Lθ|² and yᵀy's Schur complement (XᵀX, Xᵀy are in work). */
interface Totals {
  ldL2: number;
  c: number;
}

/** The leaves' contributions, one term per distinct leaf size; fills work.inverseD. */
function eliminateLeaves(model: NestedModel, t0: number, totals: Totals): void {
  const { p, sizes, sizeCount, sizeS2, sizeST, sizeT2, work } = model;
  const { a, b, inverseD } = work;
  for (let s = 0; s < sizes.length; s += 1) {
    const m = sizes[s] ?? 0;
    const d = 1 + t0 * m;
    inverseD[s] = 1 / d;
    const count = sizeCount[s] ?? 0;
    if (count === 0) continue;
    totals.ldL2 += count * Math.log(d);
    const coef = t0 / d;
    if (coef === 0) continue;
    const base = s * p * p;
    for (let i = 0; i < p; i += 1) {
      b[i] = (b[i] ?? 0) - coef * (sizeST[s * p + i] ?? 0);
      for (let j = i; j < p; j += 1) {
        a[i * p + j] = (a[i * p + j] ?? 0) - coef * (sizeS2[base + i * p + j] ?? 0);
      }
    }
    totals.c -= coef * (sizeT2[s] ?? 0);
  }
}

/**
 * Eliminates one node whose ν, σ (in work.sigma) and τ are known: d = 1 + θ²ν,
 * XᵀX -= w θ² σσᵀ / d, Xᵀy -= w θ² σ τ / d, yᵀy -= w θ² τ² / d. Returns d.
 */
function eliminateNode(
  model: NestedModel,
  v: number,
  t: number,
  w: number,
  th2: number,
  totals: Totals,
): number {
  const d = 1 + th2 * v;
  if (w === 0) return d;
  totals.ldL2 += w * Math.log(d);
  const coef = (w * th2) / d;
  if (coef === 0) return d;
  const { p, work } = model;
  const { a, b, sigma } = work;
  for (let i = 0; i < p; i += 1) {
    const si = (sigma[i] ?? 0) * coef;
    if (si === 0) continue;
    b[i] = (b[i] ?? 0) - si * t;
    const row = i * p;
    for (let j = i; j < p; j += 1) a[row + j] = (a[row + j] ?? 0) - si * (sigma[j] ?? 0);
  }
  totals.c -= coef * t * t;
  return d;
}

/** Adds a node's ν/d, σ/d, τ/d to its parent's accumulators (level + 1). */
function passUp(
  model: NestedModel,
  level: number,
  node: number,
  v: number,
  t: number,
  d: number,
): void {
  const parent = model.parents[level - 1];
  const upNu = model.work.nu[level - 1];
  const upSigma = model.work.sigmas[level - 1];
  const upTau = model.work.tau[level - 1];
  if (parent === undefined || upNu === undefined || upSigma === undefined || upTau === undefined)
    return;
  const { p, work } = model;
  const up = parent[node] ?? 0;
  const inv = 1 / d;
  upNu[up] = (upNu[up] ?? 0) + v * inv;
  upTau[up] = (upTau[up] ?? 0) + t * inv;
  const base = up * p;
  for (let i = 0; i < p; i += 1) {
    upSigma[base + i] = (upSigma[base + i] ?? 0) + (work.sigma[i] ?? 0) * inv;
  }
}

/** Level 1: each node's ν, σ, τ from its leaves grouped by size. */
function eliminateLevel1(model: NestedModel, th2: number, totals: Totals): void {
  const { p, k, sizes, groupStart, groupSize, groupCount, groupS, groupT, work } = model;
  const { sigma, inverseD } = work;
  const weights = model.nodeWeights[0] ?? new Float64Array(0);
  const count = model.levelCounts[1] ?? 0;
  for (let node = 0; node < count; node += 1) {
    sigma.fill(0);
    let v = 0;
    let t = 0;
    const end = groupStart[node + 1] ?? 0;
    for (let g = groupStart[node] ?? 0; g < end; g += 1) {
      const size = groupSize[g] ?? 0;
      const inv = inverseD[size] ?? 0;
      v += (groupCount[g] ?? 0) * (sizes[size] ?? 0) * inv;
      t += (groupT[g] ?? 0) * inv;
      const gBase = g * p;
      for (let i = 0; i < p; i += 1) sigma[i] = (sigma[i] ?? 0) + (groupS[gBase + i] ?? 0) * inv;
    }
    const d = eliminateNode(model, v, t, weights[node] ?? 0, th2, totals);
    if (k > 2) passUp(model, 1, node, v, t, d);
  }
}

/** Levels 2 .. k - 1: each node's ν, σ, τ accumulated from its children. */
function eliminateUpper(model: NestedModel, level: number, th2: number, totals: Totals): void {
  const { p, k, work } = model;
  const weights = model.nodeWeights[level - 1] ?? new Float64Array(0);
  const nu = work.nu[level - 2] ?? new Float64Array(0);
  const sums = work.sigmas[level - 2] ?? new Float64Array(0);
  const tau = work.tau[level - 2] ?? new Float64Array(0);
  const count = model.levelCounts[level] ?? 0;
  for (let node = 0; node < count; node += 1) {
    for (let i = 0; i < p; i += 1) work.sigma[i] = sums[node * p + i] ?? 0;
    const v = nu[node] ?? 0;
    const t = tau[node] ?? 0;
    const d = eliminateNode(model, v, t, weights[node] ?? 0, th2, totals);
    if (level + 1 < k) passUp(model, level, node, v, t, d);
  }
}

/** Evaluates the penalised least-squares problem at θ (finest level first); null if singular. */
export function evaluateNested(
  model: NestedModel,
  theta: ArrayLike<number>,
): NestedEvaluation | null {
  const { p, k, work } = model;
  const { a, b } = work;
  a.set(model.xtx);
  b.set(model.xte);
  for (const accumulator of [...work.nu, ...work.sigmas, ...work.tau]) accumulator.fill(0);
  const totals: Totals = { ldL2: 0, c: model.ete };
  eliminateLeaves(model, (theta[0] ?? 0) ** 2, totals);
  if (k >= 2) eliminateLevel1(model, (theta[1] ?? 0) ** 2, totals);
  for (let level = 2; level < k; level += 1) {
    eliminateUpper(model, level, (theta[level] ?? 0) ** 2, totals);
  }
  symmetrize(a, p);
  const factor = cholesky(a, p);
  if (factor === null) return null;
  const delta = choleskySolve(factor, p, b);
  let explained = 0;
  for (let i = 0; i < p; i += 1) explained += (b[i] ?? 0) * (delta[i] ?? 0);
  const r2 = totals.c - explained;
  const beta = new Float64Array(p);
  for (let i = 0; i < p; i += 1) beta[i] = (model.beta0[i] ?? 0) + (delta[i] ?? 0);
  return { ldL2: totals.ldL2, ldRX2: choleskyLogDet(factor, p), r2, beta, factor };
}

/** lme4's profiled deviance (ML) or REML criterion at θ; Infinity where undefined. */
export function profiledDeviance(
  model: NestedModel,
  theta: ArrayLike<number>,
  reml: boolean,
): number {
  const evaluation = evaluateNested(model, theta);
  if (evaluation === null || !(evaluation.r2 > 0)) return Infinity;
  return devianceFrom(evaluation, model.n, model.p, reml);
}

export function devianceFrom(
  evaluation: NestedEvaluation,
  n: number,
  p: number,
  reml: boolean,
): number {
  const { ldL2, ldRX2, r2 } = evaluation;
  if (reml) {
    const dof = n - p;
    return ldL2 + ldRX2 + dof * (1 + Math.log((2 * Math.PI * r2) / dof));
  }
  return ldL2 + n * (1 + Math.log((2 * Math.PI * r2) / n));
}

/**
 * Evaluations of one model memoised by θ, for the derivatives behind Satterthwaite's df: numDeriv
 * revisits the same θ with only σ changed, and σ enters the deviance and vcov(β̂) explicitly.
 */
export interface EvaluationCache {
  evaluation(theta: ArrayLike<number>): NestedEvaluation | null;
  /** (R_XᵀR_X)⁻¹ at θ. */
  inverse(theta: ArrayLike<number>): Float64Array | null;
}

export function evaluationCache(model: NestedModel): EvaluationCache {
  const evaluations = new Map<string, NestedEvaluation | null>();
  const inverses = new Map<string, Float64Array | null>();
  const evaluation = (theta: ArrayLike<number>): NestedEvaluation | null => {
    const key = Array.from(theta).join(',');
    let found = evaluations.get(key);
    if (found === undefined) {
      found = evaluateNested(model, theta);
      evaluations.set(key, found);
    }
    return found;
  };
  return {
    evaluation,
    inverse: (theta) => {
      const key = Array.from(theta).join(',');
      let found = inverses.get(key);
      if (found === undefined) {
        const at = evaluation(theta);
        found = at === null ? null : choleskyInverse(at.factor, model.p);
        inverses.set(key, found);
      }
      return found;
    },
  };
}

/**
 * lmerTest's deviance as a function of (θ, σ) without profiling σ out (devfun_vp): the function
 * whose Hessian gives the covariance of the variance parameters for Satterthwaite's df.
 */
export function unprofiledDeviance(
  model: NestedModel,
  cache: EvaluationCache,
  theta: ArrayLike<number>,
  sigma: number,
  reml: boolean,
): number {
  const evaluation = cache.evaluation(theta);
  if (evaluation === null) return NaN;
  const sigma2 = sigma * sigma;
  const { n, p } = model;
  const dev = evaluation.ldL2 + evaluation.r2 / sigma2 + n * Math.log(2 * Math.PI * sigma2);
  if (!reml) return dev;
  return dev + evaluation.ldRX2 - p * Math.log(2 * Math.PI * sigma2);
}

/** σ² (R_XᵀR_X)⁻¹ at (θ, σ): the covariance of β̂ as lmerTest differentiates it. */
export function covarianceOfBeta(
  model: NestedModel,
  cache: EvaluationCache,
  theta: ArrayLike<number>,
  sigma: number,
): Float64Array {
  const inverse = cache.inverse(theta);
  if (inverse === null) return new Float64Array(model.p * model.p).fill(NaN);
  const s2 = sigma * sigma;
  return Float64Array.from(inverse, (value) => value * s2);
}
