import type { WasScores } from '@workup/contracts';
import { createScorer } from '../scorer';
import type { CutOff, Instrument, ScoringRule } from '../types';
import { wasDefinition } from './definition';

/** Score from which work ability is moderate (poor 0-5). reference.md §11.1 [V1: Jääskeläinen 2016]. */
export const WAS_MODERATE_MIN_SCORE = 6;
/** Score from which work ability is good (moderate 6-7, good 8-10). reference.md §11.1 [V1]. */
export const WAS_GOOD_MIN_SCORE = 8;

const SOURCE = 'reference.md §11.1';

export const WAS_CUT_OFFS: readonly CutOff[] = [
  {
    name: 'WAS_MODERATE_MIN_SCORE',
    value: WAS_MODERATE_MIN_SCORE,
    description: 'score from which work ability is moderate; poor below it (0-5)',
    source: SOURCE,
    verification: 'V1',
    configurable: false,
  },
  {
    name: 'WAS_GOOD_MIN_SCORE',
    value: WAS_GOOD_MIN_SCORE,
    description: 'score from which work ability is good (8-10); moderate below it (6-7)',
    source: SOURCE,
    verification: 'V1',
    configurable: false,
  },
];

export const WAS_MISSING_DATA_RULE: ScoringRule = {
  name: 'single-item-required',
  description: 'The WAS is one item: not scored when it is missing. No rule is published.',
  source: SOURCE,
  verification: 'U',
};

const RULES: readonly ScoringRule[] = [
  {
    name: 'score-as-marked',
    description: 'score = the value marked, 0 (cannot work at all) to 10 (lifetime best).',
    source: SOURCE,
    verification: 'V2',
  },
];

/** Category of a score: poor 0-5, moderate 6-7, good 8-10 (reference.md §11.1). */
export function classifyWas(
  score: number,
  moderateMin = WAS_MODERATE_MIN_SCORE,
  goodMin = WAS_GOOD_MIN_SCORE,
): WasScores['category'] {
  if (score >= goodMin) return 'good';
  if (score >= moderateMin) return 'moderate';
  return 'poor';
}

/** Scores a WAS response: `score` as marked and its `category`. Not scored when missing. */
export const scoreWas = createScorer({
  definition: wasDefinition,
  cutOffs: WAS_CUT_OFFS,
  valueSets: [],
  compute: ({ answers, cutOff }) => {
    const score = answers['1'];
    if (score === undefined || score === null) {
      return { scores: null, reason: 'WAS is a single item and it is missing: not scored' };
    }
    const scores: WasScores = {
      score,
      category: classifyWas(score, cutOff('WAS_MODERATE_MIN_SCORE'), cutOff('WAS_GOOD_MIN_SCORE')),
    };
    return { scores };
  },
});

export const wasInstrument: Instrument = {
  definition: wasDefinition,
  scorable: true,
  cutOffs: WAS_CUT_OFFS,
  missingDataRule: WAS_MISSING_DATA_RULE,
  rules: RULES,
  valueSets: [],
  score: scoreWas,
};
