import { answersSchemaFor, missingItems, toAnswerIssues, type Answers } from './answers';
import type {
  AnswerIssue,
  CutOff,
  InstrumentDefinition,
  ScoreOptions,
  ScoreOutcome,
  Scores,
  ValueSet,
} from './types';

/** What a scoring function sees: validated answers, the missing keys and the resolved options. */
export interface ScoringContext {
  readonly answers: Answers;
  readonly missing: readonly string[];
  /** The chosen value set, or the instrument's default (the first); undefined when it has none. */
  readonly valueSet: string | undefined;
  /** A cut-off's value: the caller's override for configurable ones, else the default. */
  readonly cutOff: (name: string) => number;
}

/** Scores, or null with the missing-data rule that refused them. */
export type Computation =
  { readonly scores: Scores } | { readonly scores: null; readonly reason: string };

export interface ScorerSpec {
  readonly definition: InstrumentDefinition;
  readonly cutOffs: readonly CutOff[];
  readonly valueSets: readonly ValueSet[];
  readonly compute: (context: ScoringContext) => Computation;
}

function checkOptions(spec: ScorerSpec, options: ScoreOptions): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const { valueSet, cutOffs } = options;
  if (valueSet !== undefined) {
    const known = spec.valueSets.map((set) => set.id);
    if (known.length === 0) {
      issues.push({ path: ['valueSet'], message: `${spec.definition.id} has no value sets` });
    } else if (!known.includes(valueSet)) {
      issues.push({
        path: ['valueSet'],
        message: `unknown value set "${valueSet}"; known: ${known.join(', ')}`,
      });
    }
  }
  for (const [name, value] of Object.entries(cutOffs ?? {})) {
    const cutOff = spec.cutOffs.find((candidate) => candidate.name === name);
    if (cutOff === undefined) {
      issues.push({ path: ['cutOffs', name], message: `unknown cut-off "${name}"` });
    } else if (!cutOff.configurable) {
      issues.push({
        path: ['cutOffs', name],
        message: `cut-off "${name}" is verified (${cutOff.source}) and cannot be changed`,
      });
    } else if (!Number.isFinite(value)) {
      issues.push({ path: ['cutOffs', name], message: 'must be a finite number' });
    }
  }
  return issues;
}

/**
 * Wraps an instrument's scoring function with what every instrument does the same way: answers
 * validated against the definition (codes never clamped, unknown keys and text rejected),
 * missing items listed in the definition's order, options checked, the input never mutated.
 */
export function createScorer(
  spec: ScorerSpec,
): (answers: unknown, options?: ScoreOptions) => ScoreOutcome {
  const schema = answersSchemaFor(spec.definition);
  const cutOffsByName = new Map(spec.cutOffs.map((cutOff) => [cutOff.name, cutOff]));
  return (rawAnswers, options = {}) => {
    const optionIssues = checkOptions(spec, options);
    if (optionIssues.length > 0) return { ok: false, issues: optionIssues };
    const parsed = schema.safeParse(rawAnswers);
    if (!parsed.success) return { ok: false, issues: toAnswerIssues(parsed.error) };
    const answers = parsed.data;
    const missing = missingItems(spec.definition, answers);
    const overrides = options.cutOffs ?? {};
    const computation = spec.compute({
      answers,
      missing,
      valueSet: options.valueSet ?? spec.valueSets[0]?.id,
      cutOff: (name) => {
        const cutOff = cutOffsByName.get(name);
        if (cutOff === undefined) throw new Error(`${spec.definition.id}: no cut-off "${name}"`);
        return overrides[name] ?? cutOff.value;
      },
    });
    const base = {
      instrument: spec.definition.id,
      version: spec.definition.version,
      complete: missing.length === 0,
      missing,
    };
    return {
      ok: true,
      result:
        computation.scores === null
          ? { ...base, scores: null, reason: computation.reason }
          : { ...base, scores: computation.scores },
    };
  };
}

/** The sum of the answered items' codes, in the definition's order. */
export function sumOfCodes(answers: Answers, keys: readonly string[]): number {
  let total = 0;
  for (const key of keys) total += answers[key] ?? 0;
  return total;
}
