import type { PromisPf20Scores } from '@workup/contracts';
import { createScorer } from '../scorer';
import type { Instrument, ScoringRule } from '../types';
import { promisPf20Definition } from './definition';

/** Number of items of the short form (reference.md §12). */
export const PROMIS_PF20_ITEM_COUNT = 20;
/** Fewest answered items for a prorated raw score: at least half (reference.md §12 [U]). */
export const PROMIS_PF20_MIN_ANSWERED = 10;

/**
 * Raw score -> T-score and its standard error, PROMIS Adult v2.0 Physical Function 20a
 * (reference.md §12 [V1 only]: one transcription citing the PROMIS Physical Function scoring
 * manual of 24 Nov 2025, Appendix 1). Raw 100 is not in the source: see `promisPf20Conversion`.
 * Each row is [raw, T, SE].
 */
export const PROMIS_PF20_CONVERSION: readonly (readonly [raw: number, t: number, se: number])[] = [
  [20, 9.2, 3.2],
  [21, 11.7, 2.5],
  [22, 13.2, 2.3],
  [23, 14.3, 2.1],
  [24, 15.3, 2.0],
  [25, 16.2, 1.9],
  [26, 16.9, 1.9],
  [27, 17.6, 1.8],
  [28, 18.3, 1.8],
  [29, 18.9, 1.7],
  [30, 19.5, 1.7],
  [31, 20.1, 1.7],
  [32, 20.6, 1.7],
  [33, 21.2, 1.6],
  [34, 21.7, 1.6],
  [35, 22.2, 1.6],
  [36, 22.6, 1.6],
  [37, 23.1, 1.6],
  [38, 23.6, 1.6],
  [39, 24.1, 1.5],
  [40, 24.5, 1.5],
  [41, 24.9, 1.5],
  [42, 25.4, 1.5],
  [43, 25.8, 1.5],
  [44, 26.2, 1.5],
  [45, 26.7, 1.5],
  [46, 27.1, 1.4],
  [47, 27.5, 1.4],
  [48, 27.9, 1.4],
  [49, 28.3, 1.5],
  [50, 28.7, 1.5],
  [51, 29.2, 1.4],
  [52, 29.6, 1.4],
  [53, 30.0, 1.4],
  [54, 30.3, 1.4],
  [55, 30.7, 1.4],
  [56, 31.2, 1.4],
  [57, 31.6, 1.4],
  [58, 32.0, 1.4],
  [59, 32.4, 1.3],
  [60, 32.7, 1.3],
  [61, 33.1, 1.4],
  [62, 33.5, 1.4],
  [63, 33.9, 1.4],
  [64, 34.4, 1.4],
  [65, 34.8, 1.3],
  [66, 35.1, 1.3],
  [67, 35.5, 1.3],
  [68, 35.9, 1.4],
  [69, 36.3, 1.4],
  [70, 36.8, 1.4],
  [71, 37.2, 1.3],
  [72, 37.6, 1.3],
  [73, 38.0, 1.3],
  [74, 38.4, 1.4],
  [75, 38.8, 1.4],
  [76, 39.3, 1.4],
  [77, 39.7, 1.4],
  [78, 40.2, 1.4],
  [79, 40.6, 1.4],
  [80, 41.1, 1.5],
  [81, 41.6, 1.5],
  [82, 42.1, 1.5],
  [83, 42.6, 1.5],
  [84, 43.1, 1.5],
  [85, 43.7, 1.6],
  [86, 44.2, 1.6],
  [87, 44.8, 1.6],
  [88, 45.4, 1.7],
  [89, 46.1, 1.7],
  [90, 46.8, 1.8],
  [91, 47.5, 1.8],
  [92, 48.3, 1.9],
  [93, 49.2, 2.1],
  [94, 50.3, 2.2],
  [95, 51.5, 2.5],
  [96, 53.0, 2.8],
  [97, 54.9, 3.3],
  [98, 57.0, 3.6],
  [99, 62.7, 5.7],
];

const CONVERSION_BY_RAW = new Map(PROMIS_PF20_CONVERSION.map(([raw, t, se]) => [raw, { t, se }]));

/**
 * T-score and SE of a raw score, or nulls for a raw score the table does not give (raw 100:
 * reference.md §12 marks it [U]; the true value must come from the HealthMeasures manual, and
 * clamping it to raw 99 as the source app does would invent a number).
 */
export function promisPf20Conversion(raw: number): { t: number | null; se: number | null } {
  return CONVERSION_BY_RAW.get(raw) ?? { t: null, se: null };
}

/** raw x 20 / answered, rounded up (reference.md §12 [U]); the plain sum when all are answered. */
export function proratePromisPf20(sum: number, answered: number): number {
  const numerator = sum * PROMIS_PF20_ITEM_COUNT;
  const quotient = Math.floor(numerator / answered);
  return quotient * answered === numerator ? quotient : quotient + 1;
}

const SOURCE = 'reference.md §12';

export const PROMIS_PF20_MISSING_DATA_RULE: ScoringRule = {
  name: 'prorate-at-least-half',
  description:
    'With 10 or more of the 20 items answered, raw = sum x 20 / answered, rounded up, then converted with the table; with fewer, not scored. Unverified: check the PROMIS Physical Function scoring manual.',
  source: SOURCE,
  verification: 'U',
};

export const PROMIS_PF20_RULES: readonly ScoringRule[] = [
  {
    name: 'raw-sum',
    description: 'Raw score = sum of the 20 item codes (1-5, higher = better function), 20-100.',
    source: SOURCE,
    verification: 'V2',
  },
  {
    name: 'raw-to-t-table',
    description:
      'T-score (US general population, mean 50, SD 10) and SE from the v2.0 20a conversion table; transcribed from one source only, to be re-checked against the HealthMeasures manual.',
    source: SOURCE,
    verification: 'V1',
  },
  {
    name: 'raw-100-not-in-table',
    description:
      'The source table stops at raw 99; for raw 100 (every item at its best) T and SE are null until the manual gives the row.',
    source: SOURCE,
    verification: 'U',
  },
];

/**
 * Scores a PROMIS PF-20a response: raw score, T-score and SE. Codes are validated, never
 * clamped. An incomplete response is prorated when at least half is answered.
 */
export const scorePromisPf20 = createScorer({
  definition: promisPf20Definition,
  cutOffs: [],
  valueSets: [],
  compute: ({ answers, missing }) => {
    const answered = PROMIS_PF20_ITEM_COUNT - missing.length;
    if (answered < PROMIS_PF20_MIN_ANSWERED) {
      return {
        scores: null,
        reason: `PROMIS PF-20a is scored only when at least ${PROMIS_PF20_MIN_ANSWERED} of ${PROMIS_PF20_ITEM_COUNT} items are answered; ${answered} answered`,
      };
    }
    let sum = 0;
    for (const item of promisPf20Definition.items) sum += answers[item.key] ?? 0;
    const raw = proratePromisPf20(sum, answered);
    const scores: PromisPf20Scores = { raw, ...promisPf20Conversion(raw) };
    return { scores };
  },
});

export const promisPf20Instrument: Instrument = {
  definition: promisPf20Definition,
  scorable: true,
  cutOffs: [],
  missingDataRule: PROMIS_PF20_MISSING_DATA_RULE,
  rules: PROMIS_PF20_RULES,
  valueSets: [],
  // reference.md §12: the panel code of the PROMIS SF physical function 20a [V2] (LOINC names
  // it version 1.0; the conversion table here is v2.0).
  loinc: { questionnaire: '76702-0' },
  score: scorePromisPf20,
};
