import type { DepsScores } from '@workup/contracts';
import { createScorer } from '../scorer';
import type { CutOff, Instrument, ScoringRule } from '../types';
import { depsDefinition } from './definition';

/** Total from which depression is subclinical (none below 9). reference.md §13 [V2]. */
export const DEPS_SUBCLINICAL_MIN_TOTAL = 9;
/** Total from which the category is depression (subclinical 9-11). reference.md §13 [V2]. */
export const DEPS_DEPRESSION_MIN_TOTAL = 12;

const SOURCE = 'reference.md §13';

export const DEPS_CUT_OFFS: readonly CutOff[] = [
  {
    name: 'DEPS_SUBCLINICAL_MIN_TOTAL',
    value: DEPS_SUBCLINICAL_MIN_TOTAL,
    description:
      'total from which the category is subclinical; none below it (< 9). Screening is usually positive from 9.',
    source: SOURCE,
    verification: 'V2',
    configurable: false,
  },
  {
    name: 'DEPS_DEPRESSION_MIN_TOTAL',
    value: DEPS_DEPRESSION_MIN_TOTAL,
    description:
      'total from which the category is depression (>= 12, the 11/12 cut-point for clinical depression); subclinical 9-11 below it',
    source: SOURCE,
    verification: 'V2',
    configurable: false,
  },
];

export const DEPS_MISSING_DATA_RULE: ScoringRule = {
  name: 'all-items-required',
  description:
    'Not scored when any of the 10 items is missing: no rule was found, and the cut-offs assume a complete sum.',
  source: SOURCE,
  verification: 'U',
};

const RULES: readonly ScoringRule[] = [
  {
    name: 'sum-of-items',
    description:
      'total = sum of the 10 items coded 0-3 (not at all, a little, quite a lot, extremely), 0-30. The range is [V2]; the 0-3 coding is implied by it.',
    source: SOURCE,
    verification: 'V2',
  },
];

/** Category of a total: none < 9, subclinical 9-11, depression >= 12 (reference.md §13). */
export function classifyDeps(
  total: number,
  subclinicalMin = DEPS_SUBCLINICAL_MIN_TOTAL,
  depressionMin = DEPS_DEPRESSION_MIN_TOTAL,
): DepsScores['category'] {
  if (total >= depressionMin) return 'depression';
  if (total >= subclinicalMin) return 'subclinical';
  return 'none';
}

/** Scores a DEPS response: `total` 0-30 and its `category`. Not scored with any item missing. */
export const scoreDeps = createScorer({
  definition: depsDefinition,
  cutOffs: DEPS_CUT_OFFS,
  valueSets: [],
  compute: ({ answers, missing, cutOff }) => {
    if (missing.length > 0) {
      return {
        scores: null,
        reason: `DEPS is scored only when all 10 items are answered; missing: ${missing.join(', ')}`,
      };
    }
    let total = 0;
    for (const item of depsDefinition.items) total += answers[item.key] ?? 0;
    const scores: DepsScores = {
      total,
      category: classifyDeps(
        total,
        cutOff('DEPS_SUBCLINICAL_MIN_TOTAL'),
        cutOff('DEPS_DEPRESSION_MIN_TOTAL'),
      ),
    };
    return { scores };
  },
});

export const depsInstrument: Instrument = {
  definition: depsDefinition,
  scorable: true,
  cutOffs: DEPS_CUT_OFFS,
  missingDataRule: DEPS_MISSING_DATA_RULE,
  rules: RULES,
  valueSets: [],
  score: scoreDeps,
};
