/**
 * From a data frame and a parsed formula to what the fit needs, as lme4 (model.frame,
 * model.matrix, mkReTrms) builds it: rows with a missing value in any used column dropped
 * (na.omit), factor levels that occur in the kept rows in R's order, treatment contrasts with
 * R's rule for when a factor in an interaction is coded by all its levels, columns named as R
 * names them, rank-deficient columns dropped as lme4 drops them, and the grouping factors of the
 * random intercepts in lme4's order.
 */
import { compareLevels, formatNumberLikeR } from '../frame/values';
import type { Column, DataFrame } from '../frame/types';
import type { ParsedFormula } from './formula';

/** A problem with the data for this formula: bad input, not a bug. */
export class ModelDataError extends Error {
  override readonly name = 'ModelDataError';
}

/** How one variable enters the design. */
export type DesignVariable =
  | { readonly kind: 'numeric'; readonly label: string; readonly values: Float64Array }
  | {
      readonly kind: 'factor';
      readonly label: string;
      /** Level index per kept row. */
      readonly codes: Int32Array;
      /** Level labels in R's order; the first is the reference. */
      readonly levels: readonly string[];
    };

/** One column of X: a product of one coded component per variable of its term. */
export interface DesignColumn {
  readonly name: string;
  /** Index of the term in formula.terms, or -1 for the intercept. */
  readonly term: number;
  /** Per variable of the term: the level this column indicates (factors) or -1 (numeric). */
  readonly parts: readonly { readonly variable: number; readonly level: number }[];
}

/** A grouping factor of a random intercept, per kept row. */
export interface GroupingFactor {
  readonly label: string;
  readonly codes: Int32Array;
  readonly levelCount: number;
}

export interface ModelDesign {
  /** Rows used (after dropping incomplete ones). */
  readonly n: number;
  /** Rows of the data that were dropped for a missing value. */
  readonly droppedRows: number;
  /** Indices into the data frame of the kept rows. */
  readonly rows: Int32Array;
  readonly y: Float64Array;
  /** n × p, column-major (column j at j·n), kept columns only. */
  readonly x: Float64Array;
  readonly p: number;
  readonly columns: readonly DesignColumn[];
  /** Names of columns dropped as linearly dependent on earlier ones (lme4's message). */
  readonly droppedColumns: readonly string[];
  /** XᵀX of the kept columns (p × p, row-major), computed once for the rank check. */
  readonly xtx: Float64Array;
  readonly variables: readonly DesignVariable[];
  /** In lme4's order (by decreasing number of levels, see mkReTrms). */
  readonly groupings: readonly GroupingFactor[];
}

function column(frame: DataFrame, name: string): Column {
  const found = frame.columns.get(name);
  if (found === undefined) {
    throw new ModelDataError(
      `no column "${name}" in the data (columns: ${[...frame.columns.keys()].join(', ')})`,
    );
  }
  return found;
}

/** Level labels and per-row codes of a factor over the kept rows, in R's level order. */
function factorOf(col: Column, rows: Int32Array, label: string): DesignVariable {
  const n = rows.length;
  const codes = new Int32Array(n);
  if (col.kind === 'numeric') {
    const seen = new Set<number>();
    for (const row of rows) seen.add(col.values[row] ?? NaN);
    const distinct = [...seen].sort((a, b) => a - b);
    const index = new Map(distinct.map((value, i) => [value, i]));
    let last = NaN;
    let lastCode = 0;
    for (let i = 0; i < n; i += 1) {
      const value = col.values[rows[i] ?? 0] ?? NaN;
      if (value !== last) {
        last = value;
        lastCode = index.get(value) ?? 0;
      }
      codes[i] = lastCode;
    }
    return { kind: 'factor', label, codes, levels: distinct.map(formatNumberLikeR) };
  }
  if (col.kind === 'logical') {
    const present = [false, false];
    for (const row of rows) present[col.codes[row] ?? 0] = true;
    const levels = (['FALSE', 'TRUE'] as const).filter((_, i) => present[i]);
    const offset = present[0] === true ? 0 : 1;
    for (let i = 0; i < n; i += 1) codes[i] = (col.codes[rows[i] ?? 0] ?? 0) - offset;
    return { kind: 'factor', label, codes, levels };
  }
  const used = new Uint8Array(col.levels.length);
  for (const row of rows) used[col.codes[row] ?? 0] = 1;
  const order = col.levels
    .map((level, code) => ({ level, code }))
    .filter(({ code }) => used[code] === 1)
    .sort((a, b) => compareLevels(a.level, b.level));
  const remap = new Int32Array(col.levels.length);
  order.forEach(({ code }, i) => (remap[code] = i));
  for (let i = 0; i < n; i += 1) codes[i] = remap[col.codes[rows[i] ?? 0] ?? 0] ?? 0;
  return { kind: 'factor', label, codes, levels: order.map(({ level }) => level) };
}

/**
 * R's coding of each factor in each term (TermCode in terms.formula and modelmatrix): a factor
 * is coded by contrasts when the term without it is empty or contained in an earlier term, by
 * all its levels otherwise; without an intercept the first factor of the first term with a
 * factor is coded by all levels.
 */
function factorCoding(
  formula: ParsedFormula,
  variables: readonly DesignVariable[],
): ('contrasts' | 'full')[][] {
  const coding = formula.terms.map((term, t) =>
    term.map((variable) => {
      const reduced = term.filter((other) => other !== variable);
      if (reduced.length === 0) return 'contrasts' as const;
      const earlier = formula.terms.slice(0, t);
      const contained = earlier.some((previous) => reduced.every((v) => previous.includes(v)));
      return contained ? ('contrasts' as const) : ('full' as const);
    }),
  );
  if (!formula.intercept) {
    outer: for (let t = 0; t < formula.terms.length; t += 1) {
      const term = formula.terms[t] ?? [];
      for (let k = 0; k < term.length; k += 1) {
        if (variables[term[k] ?? 0]?.kind === 'factor') {
          const codes = coding[t];
          if (codes !== undefined) codes[k] = 'full';
          break outer;
        }
      }
    }
  }
  return coding;
}

/** Columns of X in R's order and with R's names. */
function designColumns(
  formula: ParsedFormula,
  variables: readonly DesignVariable[],
): DesignColumn[] {
  const columns: DesignColumn[] = [];
  if (formula.intercept) columns.push({ name: '(Intercept)', term: -1, parts: [] });
  const coding = factorCoding(formula, variables);
  formula.terms.forEach((term, t) => {
    // Cartesian product, the first variable varying fastest.
    let combos: { names: string[]; parts: { variable: number; level: number }[] }[] = [
      { names: [], parts: [] },
    ];
    term.forEach((index, k) => {
      const variable = variables[index];
      if (variable === undefined) return;
      let options: { name: string; level: number }[];
      if (variable.kind === 'numeric') {
        options = [{ name: variable.label, level: -1 }];
      } else {
        const first = coding[t]?.[k] === 'full' ? 0 : 1;
        if (variable.levels.length < 2) {
          throw new ModelDataError(
            `${variable.label} has only one level (${variable.levels[0] ?? 'none'}) in the rows used; contrasts need at least two`,
          );
        }
        options = variable.levels
          .slice(first)
          .map((level, i) => ({ name: `${variable.label}${level}`, level: first + i }));
      }
      const next: typeof combos = [];
      for (const option of options) {
        for (const combo of combos) {
          next.push({
            names: [...combo.names, option.name],
            parts: [...combo.parts, { variable: index, level: option.level }],
          });
        }
      }
      combos = next;
    });
    for (const combo of combos)
      columns.push({ name: combo.names.join(':'), term: t, parts: combo.parts });
  });
  return columns;
}

/** Fills the n × p column-major design matrix, one column at a time. */
function fillDesign(
  columns: readonly DesignColumn[],
  variables: readonly DesignVariable[],
  n: number,
): Float64Array {
  const x = new Float64Array(n * columns.length);
  columns.forEach((col, j) => {
    const column = x.subarray(j * n, (j + 1) * n);
    column.fill(1);
    for (const { variable: index, level } of col.parts) {
      const variable = variables[index];
      if (variable === undefined) continue;
      if (variable.kind === 'numeric') {
        const values = variable.values;
        for (let i = 0; i < n; i += 1) column[i] = (column[i] ?? 0) * (values[i] ?? NaN);
      } else {
        const codes = variable.codes;
        for (let i = 0; i < n; i += 1) if (codes[i] !== level) column[i] = 0;
      }
    }
  });
  return x;
}

/** Σ_i w_i a_i b_i over two columns (w absent: 1). */
export function dot(
  x: Float64Array,
  n: number,
  a: number,
  b: number,
  weights: Float64Array | null = null,
): number {
  const aBase = a * n;
  const bBase = b * n;
  let sum = 0;
  if (weights === null) {
    for (let i = 0; i < n; i += 1) sum += (x[aBase + i] ?? 0) * (x[bBase + i] ?? 0);
  } else {
    for (let i = 0; i < n; i += 1) {
      sum += (weights[i] ?? 0) * (x[aBase + i] ?? 0) * (x[bBase + i] ?? 0);
    }
  }
  return sum;
}

/** XᵀX (row-major p × p) of an n × p column-major matrix, optionally row-weighted. */
export function crossProduct(
  x: Float64Array,
  n: number,
  p: number,
  weights: Float64Array | null = null,
): Float64Array {
  const xtx = new Float64Array(p * p);
  for (let a = 0; a < p; a += 1) {
    for (let b = a; b < p; b += 1) {
      const value = dot(x, n, a, b, weights);
      xtx[a * p + b] = value;
      xtx[b * p + a] = value;
    }
  }
  return xtx;
}

/**
 * Columns to keep so that X has full column rank, decided in column order as LINPACK's dqrdc2
 * (used by lme4 through qr()) decides: a column is dropped when the norm of its part orthogonal
 * to the kept columns is below 1e-7 times its own norm. Computed on XᵀX by a Cholesky with that
 * criterion squared.
 */
function keptColumns(xtx: Float64Array, p: number): boolean[] {
  const keep: boolean[] = [];
  const l = new Float64Array(p * p); // rows of the factor for kept columns
  const kept: number[] = [];
  for (let j = 0; j < p; j += 1) {
    const norm2 = xtx[j * p + j] ?? 0;
    // Projections onto the kept columns' orthonormal basis.
    const r = new Float64Array(kept.length);
    let residual = norm2;
    kept.forEach((k, a) => {
      let sum = xtx[k * p + j] ?? 0;
      for (let b = 0; b < a; b += 1) sum -= (l[a * p + b] ?? 0) * (r[b] ?? 0);
      const value = sum / (l[a * p + a] ?? 1);
      r[a] = value;
      residual -= value * value;
    });
    if (norm2 > 0 && residual > 1e-14 * norm2) {
      const a = kept.length;
      for (let b = 0; b < a; b += 1) l[a * p + b] = r[b] ?? 0;
      l[a * p + a] = Math.sqrt(residual);
      kept.push(j);
      keep.push(true);
    } else {
      keep.push(false);
    }
  }
  return keep;
}

/** The grouping factor of one random term over the kept rows. */
function groupingOf(
  frame: DataFrame,
  columns: readonly string[],
  label: string,
  rows: Int32Array,
): GroupingFactor {
  const n = rows.length;
  let codes = new Int32Array(n);
  let count = 0;
  columns.forEach((name, k) => {
    const col = column(frame, name);
    const own = new Int32Array(n);
    let ownCount = 0;
    if (col.kind === 'numeric') {
      const index = new Map<number, number>();
      for (let i = 0; i < n; i += 1) {
        const value = col.values[rows[i] ?? 0] ?? NaN;
        let code = index.get(value);
        if (code === undefined) {
          code = index.size;
          index.set(value, code);
        }
        own[i] = code;
      }
      ownCount = index.size;
    } else {
      const size = col.kind === 'text' ? col.levels.length : 2;
      const dense = new Int32Array(size).fill(-1);
      for (let i = 0; i < n; i += 1) {
        const raw = col.codes[rows[i] ?? 0] ?? 0;
        let code = dense[raw] ?? -1;
        if (code < 0) {
          code = ownCount;
          dense[raw] = code;
          ownCount += 1;
        }
        own[i] = code;
      }
    }
    if (k === 0) {
      codes = own;
      count = ownCount;
      return;
    }
    // Combine with the previous columns: dense codes of the pairs that occur. Usually each
    // value of the new column occurs with one value of the previous ones (ids nested in their
    // cluster), so remember that first partner per value and use a map only for the others.
    const combined = new Int32Array(n);
    const firstPartner = new Int32Array(ownCount).fill(-1);
    const firstCode = new Int32Array(ownCount);
    const others = new Map<number, number>();
    let next = 0;
    for (let i = 0; i < n; i += 1) {
      const value = own[i] ?? 0;
      const partner = codes[i] ?? 0;
      const known = firstPartner[value] ?? -1;
      if (known === partner) {
        combined[i] = firstCode[value] ?? 0;
      } else if (known < 0) {
        firstPartner[value] = partner;
        firstCode[value] = next;
        combined[i] = next;
        next += 1;
      } else {
        const pair = partner * ownCount + value;
        let code = others.get(pair);
        if (code === undefined) {
          code = next;
          next += 1;
          others.set(pair, code);
        }
        combined[i] = code;
      }
    }
    codes = combined;
    count = next;
  });
  return { label, codes, levelCount: count };
}

/** Builds the model frame and design matrix; throws ModelDataError for unusable data. */
export function buildDesign(frame: DataFrame, formula: ParsedFormula): ModelDesign {
  const response = column(frame, formula.response);
  if (response.kind !== 'numeric') {
    throw new ModelDataError(`the response ${formula.response} must be numeric`);
  }
  const used = [
    response,
    ...formula.variables.map((variable) => column(frame, variable.column)),
    ...formula.random.flatMap((term) => term.columns.map((name) => column(frame, name))),
  ];
  // Complete cases: one pass per used column over a missing-value mask.
  const missing = new Uint8Array(frame.rowCount);
  for (const col of used) {
    if (col.kind === 'numeric') {
      const values = col.values;
      for (let row = 0; row < frame.rowCount; row += 1) {
        if (Number.isNaN(values[row] ?? NaN)) missing[row] = 1;
      }
    } else {
      const codes = col.codes;
      for (let row = 0; row < frame.rowCount; row += 1)
        if ((codes[row] ?? -1) < 0) missing[row] = 1;
    }
  }
  let n = 0;
  for (let row = 0; row < frame.rowCount; row += 1) if (missing[row] === 0) n += 1;
  const rows = new Int32Array(n);
  for (let row = 0, i = 0; row < frame.rowCount; row += 1) {
    if (missing[row] === 0) {
      rows[i] = row;
      i += 1;
    }
  }
  if (n === 0) throw new ModelDataError('no row has values in every column the formula uses');
  const y = new Float64Array(n);
  for (let i = 0; i < n; i += 1) y[i] = response.values[rows[i] ?? 0] ?? NaN;
  const variables: DesignVariable[] = formula.variables.map((variable) => {
    const col = column(frame, variable.column);
    if (col.kind === 'numeric' && !variable.asFactor) {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i += 1) values[i] = col.values[rows[i] ?? 0] ?? NaN;
      if (!values.every(Number.isFinite)) {
        throw new ModelDataError(`${variable.label} has an infinite value`);
      }
      return { kind: 'numeric', label: variable.label, values };
    }
    return factorOf(col, rows, variable.label);
  });
  if (!y.every(Number.isFinite)) {
    throw new ModelDataError(`the response ${formula.response} has an infinite value`);
  }
  const allColumns = designColumns(formula, variables);
  if (allColumns.length === 0) throw new ModelDataError('the model has no fixed effects');
  const full = fillDesign(allColumns, variables, n);
  const fullCross = crossProduct(full, n, allColumns.length);
  const keep = keptColumns(fullCross, allColumns.length);
  const columns = allColumns.filter((_, j) => keep[j] === true);
  const droppedColumns = allColumns.filter((_, j) => keep[j] !== true).map((col) => col.name);
  let x = full;
  let xtx = fullCross;
  if (droppedColumns.length > 0) {
    const p0 = allColumns.length;
    const p = columns.length;
    const indices = allColumns.map((_, j) => j).filter((j) => keep[j] === true);
    x = new Float64Array(n * p);
    indices.forEach((j, k) => {
      x.set(full.subarray(j * n, (j + 1) * n), k * n);
    });
    xtx = new Float64Array(p * p);
    indices.forEach((j, a) => {
      indices.forEach((l, b) => (xtx[a * p + b] = fullCross[j * p0 + l] ?? 0));
    });
  }
  // Grouping factors in findbars order, then lme4's reordering by number of levels.
  let groupings = formula.random.map((term) => groupingOf(frame, term.columns, term.label, rows));
  const counts = groupings.map((g) => g.levelCount);
  if (counts.some((count, i) => i > 0 && count > (counts[i - 1] ?? 0))) {
    // rev(order(nl)): ascending stable order, reversed.
    const ascending = groupings
      .map((g, i) => ({ g, i }))
      .sort((a, b) => a.g.levelCount - b.g.levelCount || a.i - b.i);
    groupings = ascending.reverse().map(({ g }) => g);
  }
  for (const g of groupings) {
    if (g.levelCount < 2) {
      throw new ModelDataError(
        `grouping factor ${g.label} must have more than one level in the rows used`,
      );
    }
    if (g.levelCount >= n) {
      throw new ModelDataError(
        `number of levels of ${g.label} (${g.levelCount}) must be less than the number of observations (${n})`,
      );
    }
  }
  return {
    n,
    droppedRows: frame.rowCount - n,
    rows,
    y,
    x,
    p: columns.length,
    columns,
    droppedColumns,
    xtx,
    variables,
    groupings,
  };
}
