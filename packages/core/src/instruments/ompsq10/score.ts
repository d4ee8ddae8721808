import type { Ompsq10Scores } from '@workup/contracts';
import { createScorer } from '../scorer';
import type { CutOff, Instrument, ScoringRule } from '../types';
import { ompsq10Definition } from './definition';

/** Items scored as `10 − x` (light work, sleep, return-to-work expectancy). reference.md §3 [V2]. */
export const OMPSQ10_REVERSED_ITEMS = ['3', '4', '8'] as const;
/** The top of the 0-10 scale of items 2-10, from which reversed items are subtracted. */
export const OMPSQ10_SCALE_MAX = 10;
/**
 * Total from which risk is high: Linton 2011's cut-off of 50 (`total > 49`). reference.md §3
 * [V2]. Configurable because contracts.md §1 makes the ÖMPSQ-10 risk cut-offs configurable:
 * trials used others (WorkUp: > 40; MI-NAV and the Finnish OHS trial: not retrievable).
 */
export const OMPSQ10_HIGH_RISK_MIN_TOTAL = 50;
/** Total from which risk is medium: the three-level convention low < 40. reference.md §3 [U]. */
export const OMPSQ10_MEDIUM_RISK_MIN_TOTAL = 40;

const SOURCE = 'reference.md §3';

export const OMPSQ10_CUT_OFFS: readonly CutOff[] = [
  {
    name: 'OMPSQ10_MEDIUM_RISK_MIN_TOTAL',
    value: OMPSQ10_MEDIUM_RISK_MIN_TOTAL,
    description:
      'total from which risk is medium (low below it); the three-level convention low < 40, medium 40-49, not found in a primary source. WorkUp included people with a total > 40 (set 41 to follow it).',
    source: SOURCE,
    verification: 'U',
    configurable: true,
  },
  {
    name: 'OMPSQ10_HIGH_RISK_MIN_TOTAL',
    value: OMPSQ10_HIGH_RISK_MIN_TOTAL,
    description:
      'total from which risk is high (Linton 2011: a cut-off of 50 identified 83-85% of those who developed disability). Configurable because contracts.md §1 makes the ÖMPSQ-10 cut-offs configurable.',
    source: SOURCE,
    verification: 'V2',
    configurable: true,
  },
];

export const OMPSQ10_MISSING_DATA_RULE: ScoringRule = {
  name: 'all-items-required',
  description:
    'Not scored when any of the 10 items is missing: no published rule was found, and the cut-offs assume a complete sum.',
  source: `${SOURCE} (recommendation)`,
  verification: 'U',
};

const RULES: readonly ScoringRule[] = [
  {
    name: 'duration-coded-1-10',
    description:
      'Item 1 (duration of the current pain problem) is stored and summed as its category code 1-10, so the total runs 1-100.',
    source: SOURCE,
    verification: 'V2',
  },
  {
    name: 'items-3-4-8-reversed',
    description: 'Items 3, 4 and 8 are scored 10 − x; the other items as marked.',
    source: SOURCE,
    verification: 'V2',
  },
];

/** One item's contribution to the total: reversed items as `10 − x`, the others as marked. */
export function ompsq10ItemPoints(key: string, code: number): number {
  return (OMPSQ10_REVERSED_ITEMS as readonly string[]).includes(key)
    ? OMPSQ10_SCALE_MAX - code
    : code;
}

/** Risk group from the total and the two (possibly overridden) cut-offs. */
export function classifyOmpsq10Risk(
  total: number,
  mediumMinTotal = OMPSQ10_MEDIUM_RISK_MIN_TOTAL,
  highMinTotal = OMPSQ10_HIGH_RISK_MIN_TOTAL,
): Ompsq10Scores['risk'] {
  if (total >= highMinTotal) return 'high';
  if (total >= mediumMinTotal) return 'medium';
  return 'low';
}

/**
 * Scores an ÖMPSQ-10 response: `total` 1-100 after reversing items 3, 4 and 8, and `risk` from
 * the cut-offs (overridable by name). Not scored when any item is missing.
 */
export const scoreOmpsq10 = createScorer({
  definition: ompsq10Definition,
  cutOffs: OMPSQ10_CUT_OFFS,
  valueSets: [],
  compute: ({ answers, missing, cutOff }) => {
    if (missing.length > 0) {
      return {
        scores: null,
        reason: `ÖMPSQ-10 is scored only when all 10 items are answered; missing: ${missing.join(', ')}`,
      };
    }
    let total = 0;
    for (const item of ompsq10Definition.items) {
      total += ompsq10ItemPoints(item.key, answers[item.key] ?? 0);
    }
    const scores: Ompsq10Scores = {
      total,
      risk: classifyOmpsq10Risk(
        total,
        cutOff('OMPSQ10_MEDIUM_RISK_MIN_TOTAL'),
        cutOff('OMPSQ10_HIGH_RISK_MIN_TOTAL'),
      ),
    };
    return { scores };
  },
});

export const ompsq10Instrument: Instrument = {
  definition: ompsq10Definition,
  scorable: true,
  cutOffs: OMPSQ10_CUT_OFFS,
  missingDataRule: OMPSQ10_MISSING_DATA_RULE,
  rules: RULES,
  valueSets: [],
  score: scoreOmpsq10,
};
