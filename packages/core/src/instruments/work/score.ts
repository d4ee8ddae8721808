import { WORK_BLACK_INDICATORS, WORK_BLUE_INDICATORS, type WorkScores } from '@workup/contracts';
import type { Answers } from '../answers';
import { createScorer } from '../scorer';
import type { CutOff, Instrument, ScoringRule } from '../types';
import { workDefinition } from './definition';

/** Heavy or monotonous work at or above this (0-10) is a blue flag [U]. */
export const WORK_HEAVY_MIN = 6;
/** Job satisfaction at or below this (0-10) is a blue flag [U]. */
export const WORK_LOW_SATISFACTION_MAX = 4;
/** Support from the manager at or below this (0-10) is a blue flag [U]. */
export const WORK_LOW_SUPPORT_MAX = 4;
/** Agreement that work harms the back at or above this (0-10) is a blue flag [U]. */
export const WORK_HARM_BELIEF_MIN = 6;
/** A return-to-work expectation at or below this (0-10) is a blue flag [U]. */
export const WORK_LOW_RTW_EXPECTATION_MAX = 4;
/** A sick-leave spell of at least this many days is a black flag (NICE PH19: >= 4 weeks) [U]. */
export const WORK_LONG_SICK_LEAVE_MIN_DAYS = 28;

const SOURCE = 'reference.md §16';

const configurable = (
  name: string,
  value: number,
  description: string,
  source = SOURCE,
): CutOff => ({
  name,
  value,
  description,
  source,
  verification: 'U',
  configurable: true,
});

export const WORK_CUT_OFFS: readonly CutOff[] = [
  configurable(
    'WORK_HEAVY_MIN',
    WORK_HEAVY_MIN,
    'work_heavy_or_monotonous at or above this raises heavy_or_monotonous_work',
  ),
  configurable(
    'WORK_LOW_SATISFACTION_MAX',
    WORK_LOW_SATISFACTION_MAX,
    'job_satisfaction at or below this raises low_job_satisfaction',
  ),
  configurable(
    'WORK_LOW_SUPPORT_MAX',
    WORK_LOW_SUPPORT_MAX,
    'supervisor_support at or below this raises low_supervisor_support',
  ),
  configurable(
    'WORK_HARM_BELIEF_MIN',
    WORK_HARM_BELIEF_MIN,
    'work_harms_back_belief at or above this raises work_harms_back_belief',
  ),
  configurable(
    'WORK_LOW_RTW_EXPECTATION_MAX',
    WORK_LOW_RTW_EXPECTATION_MAX,
    'rtw_expectation at or below this raises low_rtw_expectation',
  ),
  configurable(
    'WORK_LONG_SICK_LEAVE_MIN_DAYS',
    WORK_LONG_SICK_LEAVE_MIN_DAYS,
    'sick_leave_days at or above this raises long_sick_leave (long-term absence is >= 4 weeks in NICE PH19 [V1]; its use as a black flag is unverified)',
    'reference.md §16, §23.1',
  ),
];

export const WORK_MISSING_DATA_RULE: ScoringRule = {
  name: 'answered-items-only',
  description:
    'Each indicator is read from its own item; an unanswered item raises nothing. Not scored when no item is answered.',
  source: `${SOURCE} (design)`,
  verification: 'U',
};

export const WORK_RULES: readonly ScoringRule[] = [
  {
    name: 'blue-flags',
    description:
      'Blue (perceptions of work): heavy_or_monotonous_work, low_job_satisfaction, low_supervisor_support, work_harms_back_belief, low_rtw_expectation, each from its 0-10 item and cut-off. The constructs are [V2]; the item mapping and thresholds [U].',
    source: SOURCE,
    verification: 'U',
  },
  {
    name: 'black-flags',
    description:
      'Black (system and workplace obstacles): not_employed (employed = 0), long_sick_leave (sick_leave_days >= WORK_LONG_SICK_LEAVE_MIN_DAYS), no_modified_duties (modified_duties_possible = 0), benefit_or_claim_pending (= 1). employer_contact_consent and sick_leave_degree raise no flag.',
    source: SOURCE,
    verification: 'U',
  },
];

/** The thresholds of the work flags (defaults or a caller's overrides). */
export interface WorkThresholds {
  readonly heavyMin: number;
  readonly lowSatisfactionMax: number;
  readonly lowSupportMax: number;
  readonly harmBeliefMin: number;
  readonly lowRtwExpectationMax: number;
  readonly longSickLeaveMinDays: number;
}

export const WORK_DEFAULT_THRESHOLDS: WorkThresholds = {
  heavyMin: WORK_HEAVY_MIN,
  lowSatisfactionMax: WORK_LOW_SATISFACTION_MAX,
  lowSupportMax: WORK_LOW_SUPPORT_MAX,
  harmBeliefMin: WORK_HARM_BELIEF_MIN,
  lowRtwExpectationMax: WORK_LOW_RTW_EXPECTATION_MAX,
  longSickLeaveMinDays: WORK_LONG_SICK_LEAVE_MIN_DAYS,
};

type BlueIndicator = (typeof WORK_BLUE_INDICATORS)[number];
type BlackIndicator = (typeof WORK_BLACK_INDICATORS)[number];

const atLeast = (value: number | null | undefined, min: number) =>
  value !== null && value !== undefined && value >= min;
const atMost = (value: number | null | undefined, max: number) =>
  value !== null && value !== undefined && value <= max;

/** The blue and black indicators a work-context response raises, in the contract's order. */
export function workFlags(
  answers: Answers,
  thresholds: WorkThresholds = WORK_DEFAULT_THRESHOLDS,
): WorkScores {
  const blue: Record<BlueIndicator, boolean> = {
    heavy_or_monotonous_work: atLeast(answers.work_heavy_or_monotonous, thresholds.heavyMin),
    low_job_satisfaction: atMost(answers.job_satisfaction, thresholds.lowSatisfactionMax),
    low_supervisor_support: atMost(answers.supervisor_support, thresholds.lowSupportMax),
    work_harms_back_belief: atLeast(answers.work_harms_back_belief, thresholds.harmBeliefMin),
    low_rtw_expectation: atMost(answers.rtw_expectation, thresholds.lowRtwExpectationMax),
  };
  const black: Record<BlackIndicator, boolean> = {
    not_employed: answers.employed === 0,
    long_sick_leave: atLeast(answers.sick_leave_days, thresholds.longSickLeaveMinDays),
    no_modified_duties: answers.modified_duties_possible === 0,
    benefit_or_claim_pending: answers.benefit_or_claim_pending === 1,
  };
  return {
    blue: WORK_BLUE_INDICATORS.filter((code) => blue[code]),
    black: WORK_BLACK_INDICATORS.filter((code) => black[code]),
  };
}

/**
 * Scores the work context: the blue and black flag indicators it raises. Codes are validated,
 * never clamped.
 */
export const scoreWork = createScorer({
  definition: workDefinition,
  cutOffs: WORK_CUT_OFFS,
  valueSets: [],
  compute: ({ answers, missing, cutOff }) => {
    if (missing.length === workDefinition.items.length) {
      return { scores: null, reason: 'No work-context item is answered' };
    }
    const scores = workFlags(answers, {
      heavyMin: cutOff('WORK_HEAVY_MIN'),
      lowSatisfactionMax: cutOff('WORK_LOW_SATISFACTION_MAX'),
      lowSupportMax: cutOff('WORK_LOW_SUPPORT_MAX'),
      harmBeliefMin: cutOff('WORK_HARM_BELIEF_MIN'),
      lowRtwExpectationMax: cutOff('WORK_LOW_RTW_EXPECTATION_MAX'),
      longSickLeaveMinDays: cutOff('WORK_LONG_SICK_LEAVE_MIN_DAYS'),
    });
    return { scores };
  },
});

export const workInstrument: Instrument = {
  definition: workDefinition,
  scorable: true,
  cutOffs: WORK_CUT_OFFS,
  missingDataRule: WORK_MISSING_DATA_RULE,
  rules: WORK_RULES,
  valueSets: [],
  score: scoreWork,
};
