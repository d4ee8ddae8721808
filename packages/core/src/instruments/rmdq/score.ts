import type { RmdqScores } from '@workup/contracts';
import { createScorer } from '../scorer';
import type { CutOff, Instrument, ScoringRule } from '../types';
import { rmdqDefinition } from './definition';

/**
 * Most items that may be missing with the total still given, prorated. reference.md §6
 * recommends "prorate only if ≤ 2 missing" [U]: configurable, so a site can require all items (0).
 */
export const RMDQ_MAX_MISSING_PRORATED = 2;

const SOURCE = 'reference.md §6';

export const RMDQ_CUT_OFFS: readonly CutOff[] = [
  {
    name: 'RMDQ_MAX_MISSING_PRORATED',
    value: RMDQ_MAX_MISSING_PRORATED,
    description:
      'missing-data limit: with at most this many items missing the total is prorated to 24 items; with more it is not scored. There is no standard method (Kent & Lauridsen); 0 requires every item.',
    source: SOURCE,
    verification: 'U',
    configurable: true,
  },
];

export const RMDQ_MISSING_DATA_RULE: ScoringRule = {
  name: 'prorate-up-to-2-missing',
  description:
    "Up to RMDQ_MAX_MISSING_PRORATED (default 2) items missing: total = round(24 × ticked / answered), halves rounded up; more missing: not scored. No standard method exists; this is reference.md's recommendation.",
  source: `${SOURCE} (recommendation)`,
  verification: 'U',
};

const RULES: readonly ScoringRule[] = [
  {
    name: 'count-of-ticked-statements',
    description: 'total = number of statements ticked, 0-24; higher means more disability.',
    source: SOURCE,
    verification: 'V2',
  },
];

/**
 * `sum` prorated from `answered` items to `itemCount`, rounded to the nearest whole number with
 * halves up, in whole-number arithmetic: `floor((2 × itemCount × sum + answered) / (2 × answered))`.
 */
export function prorateRmdq(sum: number, answered: number, itemCount = 24): number {
  return Math.floor((2 * itemCount * sum + answered) / (2 * answered));
}

/**
 * Scores an RMDQ-24 response: `total` = statements ticked (0-24), prorated when at most
 * `RMDQ_MAX_MISSING_PRORATED` items are missing; not scored with more missing.
 */
export const scoreRmdq = createScorer({
  definition: rmdqDefinition,
  cutOffs: RMDQ_CUT_OFFS,
  valueSets: [],
  compute: ({ answers, missing, cutOff }) => {
    const itemCount = rmdqDefinition.items.length;
    const answered = itemCount - missing.length;
    const maxMissing = cutOff('RMDQ_MAX_MISSING_PRORATED');
    if (missing.length > 0 && (missing.length > maxMissing || answered === 0)) {
      return {
        scores: null,
        reason: `RMDQ is scored with at most ${String(maxMissing)} items missing (prorated); missing: ${missing.join(', ')}`,
      };
    }
    let sum = 0;
    for (const item of rmdqDefinition.items) sum += answers[item.key] ?? 0;
    const scores: RmdqScores = {
      total: missing.length === 0 ? sum : prorateRmdq(sum, answered, itemCount),
    };
    return { scores };
  },
});

export const rmdqInstrument: Instrument = {
  definition: rmdqDefinition,
  scorable: true,
  cutOffs: RMDQ_CUT_OFFS,
  missingDataRule: RMDQ_MISSING_DATA_RULE,
  rules: RULES,
  valueSets: [],
  score: scoreRmdq,
};
