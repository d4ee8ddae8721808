import type { MotivationScores } from '@workup/contracts';
import { createScorer } from '../scorer';
import type { CutOff, Instrument, ScoringRule } from '../types';
import { motivationDefinition } from './definition';

/**
 * A ruler at or below this value counts as low (contracts.md §1: "true when any is <= 4;
 * threshold configurable"). Unverified: the rulers themselves are [U] in reference.md §11.4.
 */
export const MOTIVATION_LOW_MAX = 4;

export const MOTIVATION_CUT_OFFS: readonly CutOff[] = [
  {
    name: 'MOTIVATION_LOW_MAX',
    value: MOTIVATION_LOW_MAX,
    description: 'a ruler (importance, confidence or readiness) at or below this value is low',
    source: 'contracts.md §1; reference.md §11.4',
    verification: 'U',
    configurable: true,
  },
];

export const MOTIVATION_MISSING_DATA_RULE: ScoringRule = {
  name: 'answered-rulers-only',
  description:
    'Each ruler is reported as answered and is null when missing; `low` looks at the answered rulers only; not scored when none is answered.',
  source: 'reference.md §11.4',
  verification: 'U',
};

const RULERS = ['importance', 'confidence', 'readiness'] as const;

/** Scores the MI rulers: each as answered, and `low` when any answered one is <= the cut-off. */
export const scoreMotivation = createScorer({
  definition: motivationDefinition,
  cutOffs: MOTIVATION_CUT_OFFS,
  valueSets: [],
  compute: ({ answers, cutOff }) => {
    const answered = RULERS.flatMap((key) => {
      const value = answers[key];
      return value === null || value === undefined ? [] : [value];
    });
    if (answered.length === 0) {
      return { scores: null, reason: 'None of importance, confidence and readiness is answered' };
    }
    const lowMax = cutOff('MOTIVATION_LOW_MAX');
    const scores: MotivationScores = {
      importance: answers.importance ?? null,
      confidence: answers.confidence ?? null,
      readiness: answers.readiness ?? null,
      low: answered.some((value) => value <= lowMax),
    };
    return { scores };
  },
});

export const motivationInstrument: Instrument = {
  definition: motivationDefinition,
  scorable: true,
  cutOffs: MOTIVATION_CUT_OFFS,
  missingDataRule: MOTIVATION_MISSING_DATA_RULE,
  rules: [
    {
      name: 'rulers-as-given',
      description:
        'importance, confidence and readiness are the 0-10 values as answered; `low` is true when any answered ruler is at or below MOTIVATION_LOW_MAX.',
      source: 'contracts.md §1; reference.md §11.4',
      verification: 'U',
    },
  ],
  valueSets: [],
  score: scoreMotivation,
};
