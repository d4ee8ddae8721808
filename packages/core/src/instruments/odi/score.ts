import type { OdiScores } from '@workup/contracts';
import { createScorer } from '../scorer';
import type { CutOff, Instrument, ScoringRule } from '../types';
import { odiDefinition } from './definition';

/** The highest code of a section (0-5). reference.md §5 [V2]. */
export const ODI_SECTION_MAX = 5;
/** Sections that may be missing (or not applicable) with the response still scored. reference.md §5 [V2]. */
export const ODI_MAX_MISSING_SECTIONS = 1;
/** Percent at or below which disability is minimal (0-20). reference.md §5 [V2]. */
export const ODI_MINIMAL_MAX_PERCENT = 20;
/** Percent at or below which disability is moderate (21-40). reference.md §5 [V2]. */
export const ODI_MODERATE_MAX_PERCENT = 40;
/** Percent at or below which disability is severe (41-60). reference.md §5 [V2]. */
export const ODI_SEVERE_MAX_PERCENT = 60;
/** Percent at or below which the band is "crippled" (61-80); above it, bed-bound. reference.md §5 [V2]. */
export const ODI_CRIPPLED_MAX_PERCENT = 80;

const SOURCE = 'reference.md §5';

function band(name: string, value: number, description: string): CutOff {
  return { name, value, description, source: SOURCE, verification: 'V2', configurable: false };
}

export const ODI_CUT_OFFS: readonly CutOff[] = [
  band(
    'ODI_MINIMAL_MAX_PERCENT',
    ODI_MINIMAL_MAX_PERCENT,
    'unrounded percent at or below which the band is minimal',
  ),
  band(
    'ODI_MODERATE_MAX_PERCENT',
    ODI_MODERATE_MAX_PERCENT,
    'unrounded percent at or below which the band is moderate',
  ),
  band(
    'ODI_SEVERE_MAX_PERCENT',
    ODI_SEVERE_MAX_PERCENT,
    'unrounded percent at or below which the band is severe',
  ),
  band(
    'ODI_CRIPPLED_MAX_PERCENT',
    ODI_CRIPPLED_MAX_PERCENT,
    'unrounded percent at or below which the band is crippled; above it, bed-bound',
  ),
];

export const ODI_MISSING_DATA_RULE: ScoringRule = {
  name: 'at-most-one-section-missing',
  description:
    'Scored with at most one section missing or not applicable, dividing by 5 × the sections answered (45 instead of 50); not scored with two or more missing. Some users accept two missing [U]; workup does not (contracts.md §1).',
  source: SOURCE,
  verification: 'V2',
};

const RULES: readonly ScoringRule[] = [
  {
    name: 'percent-of-answered-maximum',
    description:
      'percent = 100 × (sum of section codes) / (5 × sections answered), rounded to one decimal (half up); the band uses the unrounded percent.',
    source: SOURCE,
    verification: 'V2',
  },
];

/**
 * The disability band of a percent given exactly as `sum / (5 × answered)` of 100: compared in
 * whole numbers (`100 × sum <= limit × 5 × answered`), so no rounding error can move a response
 * across a band edge.
 */
export function classifyOdiBand(
  sum: number,
  answered: number,
  limits: readonly [number, number, number, number] = [
    ODI_MINIMAL_MAX_PERCENT,
    ODI_MODERATE_MAX_PERCENT,
    ODI_SEVERE_MAX_PERCENT,
    ODI_CRIPPLED_MAX_PERCENT,
  ],
): OdiScores['band'] {
  const atMost = (limit: number) => 100 * sum <= limit * ODI_SECTION_MAX * answered;
  const [minimal, moderate, severe, crippled] = limits;
  if (atMost(minimal)) return 'minimal';
  if (atMost(moderate)) return 'moderate';
  if (atMost(severe)) return 'severe';
  if (atMost(crippled)) return 'crippled';
  return 'bedbound';
}

/** The percent rounded to one decimal, half up: `round(1000 × sum / (5 × answered)) / 10`. */
export function odiPercent(sum: number, answered: number): number {
  return Math.round((1000 * sum) / (ODI_SECTION_MAX * answered)) / 10;
}

/**
 * Scores an ODI v2.1a response: `percent` (one decimal) and `band` (from the unrounded
 * percent). Scored with at most one section missing; the denominator counts the sections answered.
 */
export const scoreOdi = createScorer({
  definition: odiDefinition,
  cutOffs: ODI_CUT_OFFS,
  valueSets: [],
  compute: ({ answers, missing, cutOff }) => {
    if (missing.length > ODI_MAX_MISSING_SECTIONS) {
      return {
        scores: null,
        reason: `ODI is scored with at most ${String(ODI_MAX_MISSING_SECTIONS)} section missing; missing: ${missing.join(', ')}`,
      };
    }
    let sum = 0;
    for (const item of odiDefinition.items) sum += answers[item.key] ?? 0;
    const answered = odiDefinition.items.length - missing.length;
    const scores: OdiScores = {
      percent: odiPercent(sum, answered),
      band: classifyOdiBand(sum, answered, [
        cutOff('ODI_MINIMAL_MAX_PERCENT'),
        cutOff('ODI_MODERATE_MAX_PERCENT'),
        cutOff('ODI_SEVERE_MAX_PERCENT'),
        cutOff('ODI_CRIPPLED_MAX_PERCENT'),
      ]),
    };
    return { scores };
  },
});

export const odiInstrument: Instrument = {
  definition: odiDefinition,
  scorable: true,
  cutOffs: ODI_CUT_OFFS,
  missingDataRule: ODI_MISSING_DATA_RULE,
  rules: RULES,
  valueSets: [],
  score: scoreOdi,
};
