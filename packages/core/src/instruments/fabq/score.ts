import type { FabqScores } from '@workup/contracts';
import { createScorer } from '../scorer';
import type { Answers } from '../answers';
import type { Instrument, ScoringRule } from '../types';
import { fabqDefinition } from './definition';

/** Items of the physical-activity subscale (0-24). reference.md §7 [V2]. */
export const FABQ_PA_ITEMS = ['2', '3', '4', '5'] as const;
/** Items of the work subscale (0-42). reference.md §7 [V2]. */
export const FABQ_WORK_ITEMS = ['6', '7', '9', '10', '11', '12', '15'] as const;
/** Items in neither subscale. reference.md §7 [V2]. */
export const FABQ_UNSCORED_ITEMS = ['1', '8', '13', '14', '16'] as const;

const SOURCE = 'reference.md §7';

export const FABQ_MISSING_DATA_RULE: ScoringRule = {
  name: 'subscale-items-required',
  description:
    'Each subscale is given only when all its items are answered, else it is null (e.g. the work subscale of someone not working); unscored items (1, 8, 13, 14, 16) never block it. Not scored when neither subscale can be given. No official rule exists.',
  source: SOURCE,
  verification: 'U',
};

const RULES: readonly ScoringRule[] = [
  {
    name: 'fabq-pa',
    description: 'pa = items 2 + 3 + 4 + 5, 0-24.',
    source: SOURCE,
    verification: 'V2',
  },
  {
    name: 'fabq-work',
    description:
      'work = items 6 + 7 + 9 + 10 + 11 + 12 + 15, 0-42 (item 11 counts, although one web source calls it a distractor).',
    source: SOURCE,
    verification: 'V2',
  },
  {
    name: 'fabq-unscored-items',
    description: 'Items 1, 8, 13, 14 and 16 are in neither subscale.',
    source: SOURCE,
    verification: 'V2',
  },
];

/** The sum of a subscale's items, or null when any of them is missing. */
function subscale(answers: Answers, keys: readonly string[]): number | null {
  let sum = 0;
  for (const key of keys) {
    const code = answers[key];
    if (code === undefined || code === null) return null;
    sum += code;
  }
  return sum;
}

/**
 * Scores a FABQ response: `pa` (items 2-5, 0-24) and `work` (items 6, 7, 9, 10, 11, 12, 15,
 * 0-42). A subscale with a missing item is null; with both null the response is not scored.
 */
export const scoreFabq = createScorer({
  definition: fabqDefinition,
  cutOffs: [],
  valueSets: [],
  compute: ({ answers, missing }) => {
    const scores: FabqScores = {
      pa: subscale(answers, FABQ_PA_ITEMS),
      work: subscale(answers, FABQ_WORK_ITEMS),
    };
    if (scores.pa === null && scores.work === null) {
      return {
        scores: null,
        reason: `FABQ: neither subscale has all its items answered (pa: items 2-5; work: items 6, 7, 9, 10, 11, 12, 15); missing: ${missing.join(', ')}`,
      };
    }
    return { scores };
  },
});

export const fabqInstrument: Instrument = {
  definition: fabqDefinition,
  scorable: true,
  cutOffs: [],
  missingDataRule: FABQ_MISSING_DATA_RULE,
  rules: RULES,
  valueSets: [],
  score: scoreFabq,
};
