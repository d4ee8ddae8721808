import {
  comparisonOperators,
  type Comparison,
  type Condition,
  type CountComparison,
  type Evidence,
  type Scalar,
} from '@workup/contracts';
import { isInstrumentIdString, splitRef, type FactRef } from './refs';

/**
 * Three-valued (Kleene) logic. A comparison with a missing value is `unknown`: neither it nor
 * its negation holds, so `{"not": {"answer": "red_flags.fever", "eq": 1}}` does not hold when
 * fever was not asked. `all` is false when any part is false, `any` true when any part is true,
 * otherwise unknown wins over the rest; `not` keeps unknown. A rule fires only when its
 * condition is `true`. Flags, `answered`, `scored` and definitions made of them are never
 * unknown.
 */
export type Truth = true | false | 'unknown';

/** The truth of a condition and the facts that decided it (for unknown: the missing ones). */
export interface Outcome {
  readonly truth: Truth;
  readonly evidence: readonly Evidence[];
}

/** What a condition can look at while a pathway runs. */
export interface EvaluationContext {
  /** A fact's value; `null` when it is missing. */
  readonly fact: (ref: FactRef) => Scalar | null;
  /** Whether an earlier rule raised the flag (`colour` or `colour.code`). */
  readonly flag: (ref: string) => boolean;
  /** The outcome of a named definition. */
  readonly def: (name: string) => Outcome;
}

/** The parts of `all`, `any`, `count` and `not`; none for a leaf, a flag or a definition. */
export function subconditions(condition: Condition): readonly Condition[] {
  if ('all' in condition) return condition.all;
  if ('any' in condition) return condition.any;
  if ('count' in condition) return condition.count;
  if ('not' in condition) return [condition.not];
  return [];
}

/** The fact a leaf reads. Throws for a reference the loader would have refused (a bug). */
export function leafFact(condition: Condition): FactRef | undefined {
  if ('answer' in condition) return instrumentFact('answer', condition.answer);
  if ('answered' in condition) return instrumentFact('answer', condition.answered);
  if ('score' in condition) return instrumentFact('score', condition.score);
  if ('scored' in condition) return instrumentFact('score', condition.scored);
  if ('context' in condition) return { kind: 'context', key: condition.context };
  return undefined;
}

function instrumentFact(kind: 'answer' | 'score', ref: string): FactRef {
  const { instrument, key } = splitRef(ref);
  if (!isInstrumentIdString(instrument)) throw new Error(`unknown instrument in "${ref}"`);
  return { kind, instrument, key };
}

/** The evidence entry of a fact with the value seen. */
export function factEvidence(ref: FactRef, value: Scalar | null): Evidence {
  switch (ref.kind) {
    case 'answer':
      return {
        instrument: ref.instrument,
        item: ref.key,
        value: typeof value === 'number' ? value : null,
      };
    case 'score':
      return { instrument: ref.instrument, score: ref.key, value };
    case 'context':
      return { context: ref.key, value };
  }
}

/** Whether `value` satisfies the comparison's one operator. Types never coerce. */
export function compare(value: Scalar, comparison: Comparison): boolean {
  const [operator] = comparisonOperators(comparison);
  switch (operator) {
    case 'eq':
      return value === comparison.eq;
    case 'ne':
      return value !== comparison.ne;
    case 'in':
      return (comparison.in ?? []).includes(value);
    case 'lt':
      return typeof value === 'number' && value < (comparison.lt ?? Number.NaN);
    case 'lte':
      return typeof value === 'number' && value <= (comparison.lte ?? Number.NaN);
    case 'gt':
      return typeof value === 'number' && value > (comparison.gt ?? Number.NaN);
    case 'gte':
      return typeof value === 'number' && value >= (comparison.gte ?? Number.NaN);
    case undefined:
      break;
  }
  throw new Error('a comparison needs exactly one operator');
}

/**
 * The truth of a count comparison when `trueCount` parts hold and `unknownCount` more may: true
 * when it holds for every possible count, false when for none, else unknown.
 */
export function countTruth(
  comparison: CountComparison,
  trueCount: number,
  unknownCount: number,
): Truth {
  let holds = 0;
  for (let count = trueCount; count <= trueCount + unknownCount; count += 1) {
    if (compare(count, comparison)) holds += 1;
  }
  if (holds === unknownCount + 1) return true;
  return holds === 0 ? false : 'unknown';
}

function dedupe(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  const unique: Evidence[] = [];
  for (const entry of evidence) {
    const key = JSON.stringify(entry);
    if (!seen.has(key)) {
      seen.add(key);
      unique.push(entry);
    }
  }
  return unique;
}

function evidenceOf(outcomes: readonly Outcome[], truth: Truth): Evidence[] {
  return outcomes.filter((outcome) => outcome.truth === truth).flatMap((o) => o.evidence);
}

/** Evaluates a condition; see `Truth` for the treatment of missing values. */
export function evaluateCondition(condition: Condition, context: EvaluationContext): Outcome {
  if ('all' in condition) {
    const parts = condition.all.map((part) => evaluateCondition(part, context));
    const truth: Truth = parts.some((part) => part.truth === false)
      ? false
      : parts.some((part) => part.truth === 'unknown')
        ? 'unknown'
        : true;
    const evidence =
      truth === true ? parts.flatMap((part) => part.evidence) : evidenceOf(parts, truth);
    return { truth, evidence: dedupe(evidence) };
  }
  if ('any' in condition) {
    const parts = condition.any.map((part) => evaluateCondition(part, context));
    const truth: Truth = parts.some((part) => part.truth === true)
      ? true
      : parts.some((part) => part.truth === 'unknown')
        ? 'unknown'
        : false;
    const evidence =
      truth === false ? parts.flatMap((part) => part.evidence) : evidenceOf(parts, truth);
    return { truth, evidence: dedupe(evidence) };
  }
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, context);
    return {
      truth: inner.truth === 'unknown' ? 'unknown' : !inner.truth,
      evidence: inner.evidence,
    };
  }
  if ('count' in condition) {
    const parts = condition.count.map((part) => evaluateCondition(part, context));
    const trueCount = parts.filter((part) => part.truth === true).length;
    const unknownCount = parts.filter((part) => part.truth === 'unknown').length;
    const truth = countTruth(condition, trueCount, unknownCount);
    const evidence =
      truth === 'unknown'
        ? evidenceOf(parts, 'unknown')
        : parts.filter((part) => part.truth !== 'unknown').flatMap((part) => part.evidence);
    return { truth, evidence: dedupe(evidence) };
  }
  if ('flag' in condition) {
    const raised = context.flag(condition.flag);
    return { truth: raised, evidence: [{ flag: condition.flag, value: raised }] };
  }
  if ('def' in condition) return context.def(condition.def);
  const ref = leafFact(condition);
  if (ref === undefined) throw new Error(`not a condition: ${JSON.stringify(condition)}`);
  const value = context.fact(ref);
  const evidence = [factEvidence(ref, value)];
  if ('answered' in condition || 'scored' in condition) return { truth: value !== null, evidence };
  if (value === null) return { truth: 'unknown', evidence };
  return { truth: compare(value, condition), evidence };
}
