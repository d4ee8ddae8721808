import type { PainNrsScores } from '@workup/contracts';
import { createScorer } from '../scorer';
import type { Instrument, ScoringRule } from '../types';
import { painNrsDefinition } from './definition';

const SOURCE = 'reference.md §14';

export const PAIN_NRS_MISSING_DATA_RULE: ScoringRule = {
  name: 'each-scale-on-its-own',
  description:
    'Back and leg are separate measures: each is reported as answered and is null when missing; not scored when neither is answered.',
  source: SOURCE,
  verification: 'U',
};

export const PAIN_NRS_RULES: readonly ScoringRule[] = [
  {
    name: 'whole-numbers-as-given',
    description:
      'Each score is the whole number 0-10 as answered (0 = no pain, 10 = worst imaginable); no averaging across recall periods.',
    source: SOURCE,
    verification: 'V2',
  },
];

/** Scores back and leg pain NRS: each as answered, null when missing. */
export const scorePainNrs = createScorer({
  definition: painNrsDefinition,
  cutOffs: [],
  valueSets: [],
  compute: ({ answers }) => {
    const scores: PainNrsScores = { back: answers.back ?? null, leg: answers.leg ?? null };
    if (scores.back === null && scores.leg === null) {
      return { scores: null, reason: 'Neither back nor leg pain is answered' };
    }
    return { scores };
  },
});

export const painNrsInstrument: Instrument = {
  definition: painNrsDefinition,
  scorable: true,
  cutOffs: [],
  missingDataRule: PAIN_NRS_MISSING_DATA_RULE,
  rules: PAIN_NRS_RULES,
  valueSets: [],
  score: scorePainNrs,
};
