/**
 * Contrasts of fixed effects, written two ways:
 *
 * - a combination of coefficients by their R names, `armworkup + armworkup:factor(visit)12` or
 *   `armworkup + 12*armworkup:visit` (signs, and numbers with `*`);
 * - a difference of model means between two values of one variable with others held at a
 *   setting, `arm=workup-control@visit=12`: L = x(arm = workup, visit = 12) - x(arm = control,
 *   visit = 12), where a variable left unset is averaged like emmeans' reference grid (a numeric
 *   one at its mean over the rows used, a factor over its levels with equal weights). With R's
 *   treatment coding `arm=workup-control@visit=12` is exactly β_arm + β_arm:visit12, the
 *   covariate-adjusted difference between arms at 12 months (statistics.md §5), whatever the
 *   other covariates are, as long as they do not interact with arm.
 */
import type { DesignVariable, ModelDesign } from './design';
import { ModelDataError } from './design';
import type { FormulaVariable, ParsedFormula } from './formula';

/** A parsed contrast: its label as written and the weights L over the coefficients. */
export interface ContrastSpec {
  readonly label: string;
  readonly weights: Float64Array;
}

/** Parses `spec` against a fitted design (see the module comment). */
export function contrastWeights(
  spec: string,
  formula: ParsedFormula,
  design: ModelDesign,
): ContrastSpec {
  const text = spec.trim();
  if (text === '') throw new ModelDataError('an empty contrast');
  const weights = text.includes('=')
    ? settingDifference(text, formula, design)
    : combination(text, design);
  return { label: text, weights };
}

function combination(text: string, design: ModelDesign): Float64Array {
  const names = design.columns.map((column) => column.name);
  const byLength = names
    .map((name, index) => ({ name, index }))
    .sort((a, b) => b.name.length - a.name.length);
  const weights = new Float64Array(names.length);
  let i = 0;
  let first = true;
  const skipSpaces = (from: number): number => {
    let at = from;
    while (at < text.length && /\s/.test(text.charAt(at))) at += 1;
    return at;
  };
  for (i = skipSpaces(i); i < text.length; i = skipSpaces(i)) {
    let sign = 1;
    const c = text.charAt(i);
    if (c === '+' || c === '-') {
      sign = c === '-' ? -1 : 1;
      i = skipSpaces(i + 1);
    } else if (!first) {
      throw new ModelDataError(`contrast "${text}": expected + or - at position ${i + 1}`);
    }
    first = false;
    let factor = 1;
    const number = /^(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)\s*\*\s*/.exec(
      text.slice(i),
    );
    if (number !== null) {
      factor = Number(number[1]);
      i += number[0].length;
    }
    const match = byLength.find(({ name }) => text.startsWith(name, i));
    if (match === undefined) {
      throw new ModelDataError(
        `contrast "${text}": no coefficient named at position ${i + 1}; coefficients are ${names.join(', ')}`,
      );
    }
    weights[match.index] = (weights[match.index] ?? 0) + sign * factor;
    i += match.name.length;
  }
  return weights;
}

/** The value a variable takes in one setting: a level index or a number. */
type Setting = ReadonlyMap<string, string>;

function settingDifference(
  text: string,
  formula: ParsedFormula,
  design: ModelDesign,
): Float64Array {
  const at = text.indexOf('@');
  const comparison = at < 0 ? text : text.slice(0, at);
  const conditions = at < 0 ? '' : text.slice(at + 1);
  const equals = comparison.indexOf('=');
  if (equals < 0)
    throw new ModelDataError(`contrast "${text}": write VARIABLE=A-B[@VARIABLE=VALUE,...]`);
  const column = comparison.slice(0, equals).trim();
  const values = comparison.slice(equals + 1);
  const related = relatedVariables(column, formula, design, text);
  // Split A-B at the dash that leaves two values the variable can take.
  let pair: [string, string] | null = null;
  for (
    let dash = values.indexOf('-');
    dash >= 0 && pair === null;
    dash = values.indexOf('-', dash + 1)
  ) {
    const a = values.slice(0, dash).trim();
    const b = values.slice(dash + 1).trim();
    if (
      a !== '' &&
      b !== '' &&
      related.every(({ variable }) => accepts(variable, a) && accepts(variable, b))
    ) {
      pair = [a, b];
    }
  }
  if (pair === null) {
    throw new ModelDataError(
      `contrast "${text}": "${values.trim()}" is not two values of ${column} joined by -`,
    );
  }
  const base = new Map<string, string>();
  for (const condition of conditions.split(',')) {
    if (condition.trim() === '') continue;
    const eq = condition.indexOf('=');
    if (eq < 0) throw new ModelDataError(`contrast "${text}": a condition must be VARIABLE=VALUE`);
    const name = condition.slice(0, eq).trim();
    const value = condition.slice(eq + 1).trim();
    for (const { variable } of relatedVariables(name, formula, design, text)) {
      if (!accepts(variable, value)) {
        throw new ModelDataError(`contrast "${text}": ${variable.label} has no value "${value}"`);
      }
    }
    base.set(name, value);
  }
  const first = new Map(base).set(column, pair[0]);
  const second = new Map(base).set(column, pair[1]);
  const a = meanDesignRow(first, formula, design);
  const b = meanDesignRow(second, formula, design);
  return Float64Array.from(a, (value, index) => value - (b[index] ?? 0));
}

function relatedVariables(
  column: string,
  formula: ParsedFormula,
  design: ModelDesign,
  text: string,
): { variable: DesignVariable; spec: FormulaVariable }[] {
  const found = formula.variables
    .map((spec, index) => ({ spec, variable: design.variables[index] }))
    .filter(
      (entry): entry is { spec: FormulaVariable; variable: DesignVariable } =>
        entry.spec.column === column && entry.variable !== undefined,
    );
  if (found.length === 0) {
    throw new ModelDataError(
      `contrast "${text}": ${column} is not a fixed-effect variable of the model`,
    );
  }
  return found;
}

function accepts(variable: DesignVariable, value: string): boolean {
  if (variable.kind === 'numeric') return value !== '' && Number.isFinite(Number(value));
  return levelIndex(variable, value) >= 0;
}

function levelIndex(variable: Extract<DesignVariable, { kind: 'factor' }>, value: string): number {
  const exact = variable.levels.indexOf(value);
  if (exact >= 0) return exact;
  // factor(visit) of a numeric column: match "12.0" to the level "12".
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) return -1;
  return variable.levels.findIndex((level) => Number(level) === number);
}

/** The design row at a setting, unset variables averaged over the reference grid. */
function meanDesignRow(
  setting: Setting,
  formula: ParsedFormula,
  design: ModelDesign,
): Float64Array {
  const components = design.variables.map((variable, index) => {
    const value = setting.get(formula.variables[index]?.column ?? '');
    if (variable.kind === 'numeric') {
      if (value !== undefined) return { numeric: Number(value), level: -1, share: 0 };
      let sum = 0;
      for (const v of variable.values) sum += v;
      return { numeric: sum / variable.values.length, level: -1, share: 0 };
    }
    if (value !== undefined) return { numeric: 0, level: levelIndex(variable, value), share: 0 };
    return { numeric: 0, level: -1, share: 1 / variable.levels.length };
  });
  return Float64Array.from(design.columns, (column) => {
    let product = 1;
    for (const part of column.parts) {
      const component = components[part.variable];
      if (component === undefined) continue;
      if (part.level < 0) product *= component.numeric;
      else if (component.level >= 0) product *= component.level === part.level ? 1 : 0;
      else product *= component.share;
    }
    return product;
  });
}
