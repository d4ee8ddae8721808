import type { SbtRisk, SbtScores } from '@workup/contracts';
import { createScorer } from '../scorer';
import type { CutOff, Instrument, ScoringRule } from '../types';
import { sbtDefinition } from './definition';

/** Item 9 codes counted as positive: "very much" (3) and "extremely" (4). reference.md §1 [V2]. */
export const SBT_BOTHERSOME_POSITIVE_MIN_CODE = 3;
/** Items of the psychosocial (distress) subscale. reference.md §1 [V2]. */
export const SBT_PSYCHOSOCIAL_ITEMS = ['5', '6', '7', '8', '9'] as const;
/** Total at or below which risk is low. reference.md §1 [V2]. */
export const SBT_LOW_RISK_MAX_TOTAL = 3;
/** Psychosocial subscale at or below which a not-low total is medium risk. reference.md §1 [V2]. */
export const SBT_MEDIUM_RISK_MAX_PSYCHOSOCIAL = 3;

const SOURCE = 'reference.md §1';

export const SBT_CUT_OFFS: readonly CutOff[] = [
  {
    name: 'SBT_LOW_RISK_MAX_TOTAL',
    value: SBT_LOW_RISK_MAX_TOTAL,
    description: 'total at or below which risk is low',
    source: SOURCE,
    verification: 'V2',
    configurable: false,
  },
  {
    name: 'SBT_MEDIUM_RISK_MAX_PSYCHOSOCIAL',
    value: SBT_MEDIUM_RISK_MAX_PSYCHOSOCIAL,
    description: 'psychosocial subscale at or below which a total of 4 or more is medium risk',
    source: SOURCE,
    verification: 'V2',
    configurable: false,
  },
  {
    name: 'SBT_BOTHERSOME_POSITIVE_MIN_CODE',
    value: SBT_BOTHERSOME_POSITIVE_MIN_CODE,
    description: 'item 9 code from which it counts one point ("very much", "extremely")',
    source: SOURCE,
    verification: 'V2',
    configurable: false,
  },
];

export const SBT_MISSING_DATA_RULE: ScoringRule = {
  name: 'all-items-required',
  description:
    'Not scored when any item is missing: there is no official rule and the cut-offs assume complete sums.',
  source: `${SOURCE} (recommendation)`,
  verification: 'U',
};

/** An item's contribution: items 1-8 as coded, item 9 dichotomised (reference.md §1). */
function itemPoints(key: string, code: number): number {
  if (key === '9') return code >= SBT_BOTHERSOME_POSITIVE_MIN_CODE ? 1 : 0;
  return code;
}

/** Risk group from total and psychosocial subscale: Keele's rule (reference.md §1). */
export function classifySbtRisk(total: number, psychosocial: number): SbtRisk {
  if (total <= SBT_LOW_RISK_MAX_TOTAL) return 'low';
  if (psychosocial <= SBT_MEDIUM_RISK_MAX_PSYCHOSOCIAL) return 'medium';
  return 'high';
}

/**
 * Scores a STarT Back response. Codes are validated, never clamped. A response with any item
 * missing is not scored (`SBT_MISSING_DATA_RULE`).
 */
export const scoreSbt = createScorer({
  definition: sbtDefinition,
  cutOffs: SBT_CUT_OFFS,
  valueSets: [],
  compute: ({ answers, missing }) => {
    if (missing.length > 0) {
      return {
        scores: null,
        reason: `STarT Back is scored only when all 9 items are answered; missing: ${missing.join(', ')}`,
      };
    }
    let total = 0;
    let psychosocial = 0;
    for (const item of sbtDefinition.items) {
      const points = itemPoints(item.key, answers[item.key] ?? 0);
      total += points;
      if ((SBT_PSYCHOSOCIAL_ITEMS as readonly string[]).includes(item.key)) psychosocial += points;
    }
    const scores: SbtScores = { total, psychosocial, risk: classifySbtRisk(total, psychosocial) };
    return { scores };
  },
});

export const sbtInstrument: Instrument = {
  definition: sbtDefinition,
  scorable: true,
  cutOffs: SBT_CUT_OFFS,
  missingDataRule: SBT_MISSING_DATA_RULE,
  rules: [
    {
      name: 'item-9-dichotomised',
      description: 'Item 9 counts 1 for "very much" or "extremely", else 0.',
      source: SOURCE,
      verification: 'V2',
    },
    {
      name: 'psychosocial-subscale',
      description: 'Psychosocial subscale = items 5-9 (item 9 dichotomised).',
      source: SOURCE,
      verification: 'V2',
    },
  ],
  valueSets: [],
  score: scoreSbt,
};
