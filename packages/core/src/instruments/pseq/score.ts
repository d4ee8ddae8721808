import type { PseqScores } from '@workup/contracts';
import { createScorer } from '../scorer';
import type { CutOff, Instrument, ScoringRule } from '../types';
import { pseqDefinition } from './definition';

/**
 * Most items that may be missing with the total still given, prorated. reference.md §8: prorating
 * with a small number missing (e.g. ≤ 2) is common practice [U]; configurable, 0 requires all.
 */
export const PSEQ_MAX_MISSING_PRORATED = 2;

const SOURCE = 'reference.md §8';

export const PSEQ_CUT_OFFS: readonly CutOff[] = [
  {
    name: 'PSEQ_MAX_MISSING_PRORATED',
    value: PSEQ_MAX_MISSING_PRORATED,
    description:
      'missing-data limit: with at most this many items missing the total is prorated to 10 items; with more it is not scored. 0 requires every item.',
    source: SOURCE,
    verification: 'U',
    configurable: true,
  },
];

export const PSEQ_MISSING_DATA_RULE: ScoringRule = {
  name: 'prorate-up-to-2-missing',
  description:
    'Up to PSEQ_MAX_MISSING_PRORATED (default 2) items missing: total = round(10 × sum / answered), halves rounded up; more missing: not scored. Common practice, not an official rule.',
  source: SOURCE,
  verification: 'U',
};

const RULES: readonly ScoringRule[] = [
  {
    name: 'sum-of-items',
    description: 'total = sum of the 10 items (0-6 each), 0-60; higher means more self-efficacy.',
    source: SOURCE,
    verification: 'V2',
  },
  {
    name: 'no-reversed-items',
    description: 'No item is reversed.',
    source: SOURCE,
    verification: 'U',
  },
];

/**
 * `sum` prorated from `answered` items to `itemCount`, rounded to the nearest whole number with
 * halves up, in whole-number arithmetic: `floor((2 × itemCount × sum + answered) / (2 × answered))`.
 */
export function proratePseq(sum: number, answered: number, itemCount = 10): number {
  return Math.floor((2 * itemCount * sum + answered) / (2 * answered));
}

/**
 * Scores a PSEQ response: `total` 0-60, prorated when at most `PSEQ_MAX_MISSING_PRORATED`
 * items are missing; not scored with more missing.
 */
export const scorePseq = createScorer({
  definition: pseqDefinition,
  cutOffs: PSEQ_CUT_OFFS,
  valueSets: [],
  compute: ({ answers, missing, cutOff }) => {
    const itemCount = pseqDefinition.items.length;
    const answered = itemCount - missing.length;
    const maxMissing = cutOff('PSEQ_MAX_MISSING_PRORATED');
    if (missing.length > 0 && (missing.length > maxMissing || answered === 0)) {
      return {
        scores: null,
        reason: `PSEQ is scored with at most ${String(maxMissing)} items missing (prorated); missing: ${missing.join(', ')}`,
      };
    }
    let sum = 0;
    for (const item of pseqDefinition.items) sum += answers[item.key] ?? 0;
    const scores: PseqScores = {
      total: missing.length === 0 ? sum : proratePseq(sum, answered, itemCount),
    };
    return { scores };
  },
});

export const pseqInstrument: Instrument = {
  definition: pseqDefinition,
  scorable: true,
  cutOffs: PSEQ_CUT_OFFS,
  missingDataRule: PSEQ_MISSING_DATA_RULE,
  rules: RULES,
  valueSets: [],
  score: scorePseq,
};
