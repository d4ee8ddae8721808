import type { BbqScores } from '@workup/contracts';
import { createScorer } from '../scorer';
import type { Instrument, ScoringRule } from '../types';
import { bbqDefinition } from './definition';

/** The nine "inevitability" items that are scored. reference.md §10 [U: item numbers recalled]. */
export const BBQ_SCORED_ITEMS = ['1', '2', '3', '6', '8', '10', '12', '13', '14'] as const;
/** Distractor items, not scored. reference.md §10 [U]. */
export const BBQ_DISTRACTOR_ITEMS = ['4', '5', '7', '9', '11'] as const;
/** Scored items count `6 − x` (5 becomes 1). reference.md §10 [U: reversal direction]. */
export const BBQ_REVERSE_FROM = 6;

const SOURCE = 'reference.md §10';

export const BBQ_MISSING_DATA_RULE: ScoringRule = {
  name: 'all-items-required',
  description:
    'Not scored when any of the 14 items is missing, distractors included: no rule was found, and which items are scored is itself unverified, so a missing "distractor" may be a scored item.',
  source: SOURCE,
  verification: 'U',
};

const RULES: readonly ScoringRule[] = [
  {
    name: 'nine-inevitability-items',
    description:
      'Only items 1, 2, 3, 6, 8, 10, 12, 13 and 14 are scored; 4, 5, 7, 9 and 11 are distractors.',
    source: SOURCE,
    verification: 'U',
  },
  {
    name: 'scored-items-reversed',
    description:
      'Each scored item counts 6 − x and the nine are summed: total 9-45, lower meaning more negative (pessimistic) beliefs. The 9-45 range is [V2]; the reversal direction is not.',
    source: SOURCE,
    verification: 'U',
  },
];

/** One scored item's contribution: `6 − x`. */
export function bbqItemPoints(code: number): number {
  return BBQ_REVERSE_FROM - code;
}

/**
 * Scores a BBQ response: `total` 9-45 from the nine scored items, each reversed. Not scored when
 * any item is missing.
 */
export const scoreBbq = createScorer({
  definition: bbqDefinition,
  cutOffs: [],
  valueSets: [],
  compute: ({ answers, missing }) => {
    if (missing.length > 0) {
      return {
        scores: null,
        reason: `BBQ is scored only when all 14 items are answered; missing: ${missing.join(', ')}`,
      };
    }
    let total = 0;
    for (const key of BBQ_SCORED_ITEMS) total += bbqItemPoints(answers[key] ?? BBQ_REVERSE_FROM);
    const scores: BbqScores = { total };
    return { scores };
  },
});

export const bbqInstrument: Instrument = {
  definition: bbqDefinition,
  scorable: true,
  cutOffs: [],
  missingDataRule: BBQ_MISSING_DATA_RULE,
  rules: RULES,
  valueSets: [],
  score: scoreBbq,
};
