import {
  comparisonOperators,
  type Comparison,
  type Condition,
  type CountComparison,
  type Pathway,
  type Scalar,
} from '@workup/contracts';
import { compare, countTruth, leafFact, subconditions } from './condition';
import { factDomain, factName, type FactRef } from './refs';

/**
 * A small search for inputs that make a statement about a pathway true: "rule X fires", "the
 * urgency is soon and no rule adds a component", ... It assigns facts one at a time from a few
 * representative values each (every constant the pathway compares the fact with, the values
 * either side of it, the ends of its range, and "missing") and evaluates the statement over
 * sets of possible truth values, pruning as soon as it cannot become true. Scores are treated
 * as independent of the answers they come from, so an example may be one no real response
 * gives; "impossible" is always right.
 */

/** Possible truth values as bits. */
const T = 1;
const F = 2;
const U = 4;
type Possible = number;

/** A statement over which rules fire (booleans: a rule that is unknown does not fire). */
export type Statement =
  | { readonly kind: 'fires'; readonly rule: number }
  | { readonly kind: 'and'; readonly parts: readonly Statement[] }
  | { readonly kind: 'or'; readonly parts: readonly Statement[] }
  | { readonly kind: 'not'; readonly part: Statement }
  | { readonly kind: 'constant'; readonly value: boolean };

export const fires = (rule: number): Statement => ({ kind: 'fires', rule });
export const and = (...parts: Statement[]): Statement => ({ kind: 'and', parts });
export const or = (...parts: Statement[]): Statement => ({ kind: 'or', parts });
export const not = (part: Statement): Statement => ({ kind: 'not', part });

/** Values of facts: a scalar, or null for "missing". Absent keys are not decided yet. */
export type Assignment = Map<string, Scalar | null>;

export type SolveResult =
  | { readonly status: 'possible'; readonly example: Assignment }
  | { readonly status: 'impossible' }
  | { readonly status: 'undecided' };

interface Variable {
  readonly name: string;
  readonly ref: FactRef;
  readonly candidates: readonly (Scalar | null)[];
}

class BudgetExceeded extends Error {}

function kleeneAnd(parts: readonly Possible[]): Possible {
  let result = 0;
  if (parts.some((part) => (part & F) !== 0)) result |= F;
  if (parts.every((part) => (part & T) !== 0)) result |= T;
  if (parts.every((part) => (part & (T | U)) !== 0) && parts.some((part) => (part & U) !== 0)) {
    result |= U;
  }
  return result;
}

function kleeneOr(parts: readonly Possible[]): Possible {
  let result = 0;
  if (parts.some((part) => (part & T) !== 0)) result |= T;
  if (parts.every((part) => (part & F) !== 0)) result |= F;
  if (parts.every((part) => (part & (F | U)) !== 0) && parts.some((part) => (part & U) !== 0)) {
    result |= U;
  }
  return result;
}

function negate(possible: Possible): Possible {
  return ((possible & T) !== 0 ? F : 0) | ((possible & F) !== 0 ? T : 0) | (possible & U);
}

/** Which rules raise which flags, and where each definition is, for expanding references. */
export class PathwayModel {
  readonly pathway: Pathway;
  readonly variables: ReadonlyMap<string, Variable>;
  private readonly definitions: ReadonlyMap<string, Condition>;
  private readonly raisers = new Map<string, readonly number[]>();
  private readonly ruleVariables = new Map<number, readonly Variable[]>();
  private readonly ruleNames = new Map<number, ReadonlySet<string>>();

  constructor(pathway: Pathway) {
    this.pathway = pathway;
    this.definitions = new Map(
      (pathway.definitions ?? []).map((entry) => [entry.name, entry.when]),
    );
    this.variables = collectVariables(pathway);
  }

  /** Rules before `index` that raise a flag matching `ref` (`colour` or `colour.code`). */
  raisersBefore(ref: string, index: number): readonly number[] {
    const key = `${ref}@${index}`;
    const cached = this.raisers.get(key);
    if (cached !== undefined) return cached;
    const raisers: number[] = [];
    this.pathway.rules.slice(0, index).forEach((rule, position) => {
      const raises = rule.then.some(
        (action) =>
          'raise' in action && (action.raise === ref || action.raise.startsWith(`${ref}.`)),
      );
      if (raises) raisers.push(position);
    });
    this.raisers.set(key, raisers);
    return raisers;
  }

  definition(name: string): Condition {
    const condition = this.definitions.get(name);
    if (condition === undefined) throw new Error(`unknown definition "${name}"`);
    return condition;
  }

  /** Whether a rule's condition (flags and definitions expanded) reads the fact `name`. */
  ruleReads(index: number, name: string): boolean {
    let names = this.ruleNames.get(index);
    if (names === undefined) {
      names = new Set(this.ruleDependencies(index).map((variable) => variable.name));
      this.ruleNames.set(index, names);
    }
    return names.has(name);
  }

  /** Facts a rule's condition depends on (cached). */
  ruleDependencies(index: number): readonly Variable[] {
    const cached = this.ruleVariables.get(index);
    if (cached !== undefined) return cached;
    const variables = this.dependencies({ kind: 'fires', rule: index });
    this.ruleVariables.set(index, variables);
    return variables;
  }

  /** Facts a statement depends on, in order of first use, flags and definitions expanded. */
  dependencies(statement: Statement): Variable[] {
    const names = new Set<string>();
    const seenRules = new Set<number>();
    const visitCondition = (condition: Condition, index: number): void => {
      const parts = subconditions(condition);
      if (parts.length > 0) for (const part of parts) visitCondition(part, index);
      else if ('def' in condition) visitCondition(this.definition(condition.def), index);
      else if ('flag' in condition) this.raisersBefore(condition.flag, index).forEach(visitRule);
      else {
        const ref = leafFact(condition);
        if (ref !== undefined) names.add(factName(ref));
      }
    };
    const visitRule = (index: number): void => {
      if (seenRules.has(index)) return;
      seenRules.add(index);
      const rule = this.pathway.rules[index];
      if (rule !== undefined) visitCondition(rule.when, index);
    };
    const visitStatement = (current: Statement): void => {
      switch (current.kind) {
        case 'fires':
          visitRule(current.rule);
          break;
        case 'and':
        case 'or':
          current.parts.forEach(visitStatement);
          break;
        case 'not':
          visitStatement(current.part);
          break;
        case 'constant':
          break;
      }
    };
    visitStatement(statement);
    return [...names].flatMap((name) => {
      const variable = this.variables.get(name);
      return variable === undefined ? [] : [variable];
    });
  }
}

function numericCandidates(
  constants: readonly number[],
  min: number,
  max: number,
  integer: boolean,
): number[] {
  const values = new Set<number>();
  if (Number.isFinite(min)) values.add(min);
  if (Number.isFinite(max)) values.add(max);
  const sorted = [...new Set(constants)].sort((a, b) => a - b);
  for (const constant of sorted) {
    if (integer) {
      for (const value of [
        Math.floor(constant) - 1,
        Math.floor(constant),
        Math.ceil(constant),
        Math.ceil(constant) + 1,
      ]) {
        values.add(value);
      }
    } else {
      values.add(constant);
    }
  }
  if (!integer) {
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    if (first !== undefined) values.add(first - 1);
    if (last !== undefined) values.add(last + 1);
    for (let index = 1; index < sorted.length; index += 1) {
      values.add(((sorted[index - 1] ?? 0) + (sorted[index] ?? 0)) / 2);
    }
  }
  if (values.size === 0) values.add(0);
  return [...values].filter((value) => value >= min && value <= max).sort((a, b) => a - b);
}

function collectVariables(pathway: Pathway): Map<string, Variable> {
  const constants = new Map<string, { ref: FactRef; values: Scalar[] }>();
  const visit = (condition: Condition): void => {
    const parts = subconditions(condition);
    if (parts.length > 0) for (const part of parts) visit(part);
    else {
      const ref = leafFact(condition);
      if (ref === undefined) return;
      const name = factName(ref);
      const entry = constants.get(name) ?? { ref, values: [] };
      constants.set(name, entry);
      if ('answered' in condition || 'scored' in condition) return;
      const comparison = condition as Comparison;
      for (const operator of comparisonOperators(comparison)) {
        const value = comparison[operator];
        if (Array.isArray(value)) entry.values.push(...value);
        else if (value !== undefined) entry.values.push(value);
      }
    }
  };
  for (const definition of pathway.definitions ?? []) visit(definition.when);
  for (const rule of pathway.rules) visit(rule.when);

  const variables = new Map<string, Variable>();
  for (const [name, { ref, values }] of constants) {
    const domain = factDomain(pathway, ref);
    let candidates: Scalar[];
    if (domain === undefined) candidates = [...new Set(values)];
    else if (domain.kind === 'values') candidates = [...domain.values];
    else if (domain.kind === 'number') {
      const numbers = values.filter((value): value is number => typeof value === 'number');
      candidates = numericCandidates(numbers, domain.min, domain.max, domain.integer);
    } else {
      const texts = values.filter((value): value is string => typeof value === 'string');
      candidates = [...new Set(texts), '(other text)'];
    }
    variables.set(name, { name, ref, candidates: [null, ...candidates] });
  }
  return variables;
}

/** Evaluates statements over a partial assignment, as sets of possible truth values. */
class AbstractEvaluator {
  private readonly fired = new Map<number, Possible>();

  /**
   * `assumed`: rules the search has decided fire (true) or not (false); other rules' firing is
   * computed. Assuming keeps the link between a rule and the flags it raises, which sets of
   * truth values alone would lose.
   */
  constructor(
    private readonly model: PathwayModel,
    private readonly assignment: Assignment,
    private readonly assumed: ReadonlyMap<number, boolean> = new Map(),
  ) {}

  statement(statement: Statement): Possible {
    switch (statement.kind) {
      case 'fires':
        return this.fires(statement.rule);
      case 'and':
        return kleeneAnd(statement.parts.map((part) => this.statement(part)));
      case 'or':
        return kleeneOr(statement.parts.map((part) => this.statement(part)));
      case 'not':
        return negate(this.statement(statement.part));
      case 'constant':
        return statement.value ? T : F;
    }
  }

  /** A rule fires only when its condition is true: possible values T and/or F. */
  fires(index: number): Possible {
    const assumption = this.assumed.get(index);
    if (assumption !== undefined) return assumption ? T : F;
    const cached = this.fired.get(index);
    if (cached !== undefined) return cached;
    const condition = this.ruleCondition(index);
    const result = ((condition & T) !== 0 ? T : 0) | ((condition & (F | U)) !== 0 ? F : 0);
    this.fired.set(index, result);
    return result;
  }

  /** The possible truth values of a rule's condition (other rules' assumptions apply). */
  ruleCondition(index: number): Possible {
    const rule = this.model.pathway.rules[index];
    if (rule === undefined) throw new Error(`no rule ${index}`);
    return this.condition(rule.when, index);
  }

  /**
   * Whether every assumption can still come true (`possible`) and whether each already is true
   * whatever the facts still open (`settled`).
   */
  assumptions(): { possible: boolean; settled: boolean } {
    let settled = true;
    for (const [index, assumption] of this.assumed) {
      const condition = this.ruleCondition(index);
      if (assumption) {
        if ((condition & T) === 0) return { possible: false, settled: false };
        if (condition !== T) settled = false;
      } else {
        if ((condition & (F | U)) === 0) return { possible: false, settled: false };
        if ((condition & T) !== 0) settled = false;
      }
    }
    return { possible: true, settled };
  }

  condition(condition: Condition, index: number): Possible {
    if ('all' in condition)
      return kleeneAnd(condition.all.map((part) => this.condition(part, index)));
    if ('any' in condition)
      return kleeneOr(condition.any.map((part) => this.condition(part, index)));
    if ('not' in condition) return negate(this.condition(condition.not, index));
    if ('def' in condition) return this.condition(this.model.definition(condition.def), index);
    if ('flag' in condition) {
      const raisers = this.model.raisersBefore(condition.flag, index);
      return raisers.length === 0 ? F : kleeneOr(raisers.map((raiser) => this.fires(raiser)));
    }
    if ('count' in condition)
      return this.count(
        condition,
        condition.count.map((part) => this.condition(part, index)),
      );
    const ref = leafFact(condition);
    if (ref === undefined) throw new Error(`not a condition: ${JSON.stringify(condition)}`);
    const name = factName(ref);
    const values = this.assignment.has(name)
      ? [this.assignment.get(name) ?? null]
      : (this.model.variables.get(name)?.candidates ?? [null]);
    let possible = 0;
    for (const value of values) {
      if ('answered' in condition || 'scored' in condition) possible |= value === null ? F : T;
      else if (value === null) possible |= U;
      else possible |= compare(value, condition) ? T : F;
    }
    return possible;
  }

  /** Every (true, unknown) count the parts allow, then the comparison's truth for each. */
  private count(condition: CountComparison, parts: readonly Possible[]): Possible {
    let states = new Set<string>(['0,0']);
    for (const part of parts) {
      const next = new Set<string>();
      for (const state of states) {
        const [t = 0, u = 0] = state.split(',').map(Number);
        if ((part & T) !== 0) next.add(`${t + 1},${u}`);
        if ((part & F) !== 0) next.add(`${t},${u}`);
        if ((part & U) !== 0) next.add(`${t},${u + 1}`);
      }
      states = next;
    }
    let possible = 0;
    for (const state of states) {
      const [t = 0, u = 0] = state.split(',').map(Number);
      const truth = countTruth(condition, t, u);
      possible |= truth === true ? T : truth === false ? F : U;
    }
    return possible;
  }
}

/**
 * Looks for an assignment of facts (extending `fixed`) under which `statement` holds. Gives up
 * as `undecided` after `budget` steps.
 */
export function solve(
  model: PathwayModel,
  statement: Statement,
  fixed: Assignment = new Map(),
  budget = 200_000,
): SolveResult {
  const variables = model.dependencies(statement).filter((variable) => !fixed.has(variable.name));
  const atoms = firesAtoms(statement);
  const assignment: Assignment = new Map(fixed);
  const assumed = new Map<number, boolean>();
  let steps = 0;
  /** Whether the statement and the assumptions about rules that read `name` can still hold. */
  const viable = (name: string): boolean => {
    const evaluator = new AbstractEvaluator(model, assignment, assumed);
    if ((evaluator.statement(statement) & T) === 0) return false;
    for (const [rule, assumption] of assumed) {
      if (!model.ruleReads(rule, name)) continue;
      const condition = evaluator.ruleCondition(rule);
      if (assumption ? (condition & T) === 0 : (condition & (F | U)) === 0) return false;
    }
    return true;
  };
  /** The candidates of a fact that keep everything possible. */
  const viableCandidates = (variable: Variable): (Scalar | null)[] => {
    const viableValues: (Scalar | null)[] = [];
    for (const candidate of variable.candidates) {
      assignment.set(variable.name, candidate);
      if (viable(variable.name)) viableValues.push(candidate);
    }
    assignment.delete(variable.name);
    return viableValues;
  };
  /** Most statements about rules not firing hold when every open fact is missing: try that. */
  const completesWithMissing = (): boolean => {
    const open = variables.filter((variable) => !assignment.has(variable.name));
    for (const variable of open) assignment.set(variable.name, null);
    const evaluator = new AbstractEvaluator(model, assignment);
    if (evaluator.statement(statement) === T) return true;
    for (const variable of open) assignment.delete(variable.name);
    return false;
  };
  const search = (): boolean => {
    steps += 1;
    if (steps > budget) throw new BudgetExceeded();
    const evaluator = new AbstractEvaluator(model, assignment, assumed);
    const possible = evaluator.statement(statement);
    if ((possible & T) === 0) return false;
    const assumptions = evaluator.assumptions();
    if (!assumptions.possible) return false;
    if (possible === T && assumptions.settled) return true;
    if (completesWithMissing()) return true;
    // First decide which of the statement's rules fire, then look for facts that make it so.
    const open = atoms.find((atom) => !assumed.has(atom) && evaluator.fires(atom) === (T | F));
    if (open !== undefined) {
      for (const value of [true, false]) {
        assumed.set(open, value);
        if (search()) return true;
      }
      assumed.delete(open);
      return false;
    }
    // Facts the assumed rules read. Two assumptions conflict only through a fact both read:
    // check those first, failing as soon as one has no value left (forward checking), and
    // branch on the one with the fewest values left; else on the next fact in order.
    const goal = [
      ...new Set([...assumed.keys()].flatMap((rule) => model.ruleDependencies(rule))),
    ].filter((variable) => !assignment.has(variable.name));
    const rules = [...assumed.keys()];
    let branch: { variable: Variable; values: (Scalar | null)[] } | undefined;
    for (const variable of goal) {
      if (rules.filter((rule) => model.ruleReads(rule, variable.name)).length < 2) continue;
      const values = viableCandidates(variable);
      if (values.length === 0) return false;
      if (branch === undefined || values.length < branch.values.length)
        branch = { variable, values };
      if (values.length === 1) break;
    }
    if (branch === undefined) {
      const variable = goal[0] ?? variables.find((candidate) => !assignment.has(candidate.name));
      if (variable === undefined) return false;
      const values = viableCandidates(variable);
      if (values.length === 0) return false;
      branch = { variable, values };
    }
    for (const candidate of branch.values) {
      assignment.set(branch.variable.name, candidate);
      if (search()) return true;
    }
    assignment.delete(branch.variable.name);
    return false;
  };
  try {
    if (!search()) return { status: 'impossible' };
  } catch (error) {
    if (error instanceof BudgetExceeded) return { status: 'undecided' };
    throw error;
  }
  // Facts left open do not matter; the example shows them as missing.
  for (const variable of variables) {
    if (!assignment.has(variable.name)) assignment.set(variable.name, null);
  }
  if (new AbstractEvaluator(model, assignment).statement(statement) !== T) {
    throw new Error('solver: example does not satisfy the statement');
  }
  return { status: 'possible', example: assignment };
}

/** The rules a statement names directly, in order of first mention. */
function firesAtoms(statement: Statement): number[] {
  const atoms: number[] = [];
  const visit = (current: Statement): void => {
    switch (current.kind) {
      case 'fires':
        if (!atoms.includes(current.rule)) atoms.push(current.rule);
        break;
      case 'and':
      case 'or':
        for (const part of current.parts) visit(part);
        break;
      case 'not':
        visit(current.part);
        break;
      case 'constant':
        break;
    }
  };
  visit(statement);
  return atoms;
}

/** An assignment as an input-like object: answers, scores and context that were decided. */
export function describeAssignment(
  model: PathwayModel,
  assignment: Assignment,
): Record<string, unknown> {
  const answers: Record<string, Record<string, Scalar | null>> = {};
  const scores: Record<string, Record<string, Scalar | null>> = {};
  const context: Record<string, Scalar | null> = {};
  const names = [...assignment.keys()].sort();
  for (const name of names) {
    const value = assignment.get(name) ?? null;
    const ref = model.variables.get(name)?.ref;
    if (ref === undefined) continue;
    if (ref.kind === 'context') context[ref.key] = value;
    else {
      const target = ref.kind === 'answer' ? answers : scores;
      target[ref.instrument] = { ...(target[ref.instrument] ?? {}), [ref.key]: value };
    }
  }
  return {
    ...(Object.keys(answers).length > 0 ? { answers } : {}),
    ...(Object.keys(scores).length > 0 ? { scores } : {}),
    ...(Object.keys(context).length > 0 ? { context } : {}),
  };
}
