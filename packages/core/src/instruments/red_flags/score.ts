import {
  URGENCIES,
  type RedFlagCondition,
  type RedFlagsScores,
  type Urgency,
} from '@workup/contracts';
import type { Answers } from '../answers';
import { createScorer } from '../scorer';
import type { CutOff, Instrument, ScoringRule } from '../types';
import { redFlagsDefinition } from './definition';

/** Cauda equina features: any one raises suspicion (reference.md §15 [U]; emergency [V2]). */
export const RED_FLAGS_CAUDA_EQUINA_ITEMS = [
  'saddle_anaesthesia',
  'bladder_dysfunction',
  'bowel_incontinence',
  'sexual_dysfunction_new',
  'bilateral_leg_symptoms',
] as const;
/** Neurological features that make malignancy, infection or fracture an emergency. */
export const RED_FLAGS_NEURO_ITEMS = [
  'progressive_neuro_deficit',
  ...RED_FLAGS_CAUDA_EQUINA_ITEMS,
] as const;
/** Malignancy indicators besides a history of cancer (reference.md §15 [U]). */
export const RED_FLAGS_MALIGNANCY_ITEMS = [
  'unexplained_weight_loss',
  'night_pain_unremitting',
  'thoracic_pain',
  'age_over_50',
] as const;
/** Spinal infection indicators (reference.md §15 [V1: sphemerg.ca]). */
export const RED_FLAGS_INFECTION_ITEMS = [
  'fever',
  'iv_drug_use',
  'immunosuppression',
  'recent_infection_or_spinal_procedure',
] as const;
/** Fracture indicators besides significant trauma (reference.md §15 [V1: chiromt]). */
export const RED_FLAGS_FRACTURE_ITEMS = [
  'osteoporosis',
  'long_term_corticosteroids',
  'age_over_50',
] as const;
/** The axial SpA gate: back pain began before 45 and has lasted more than 3 months. */
export const RED_FLAGS_AXSPA_GATE = 'axspa_onset_before_45_over_3_months';
/** The nine axial SpA criteria (NICE NG65, reference.md §15 [V2]). */
export const RED_FLAGS_AXSPA_CRITERIA = [
  'axspa_onset_under_35',
  'axspa_wakes_second_half_night',
  'axspa_buttock_pain',
  'axspa_better_with_movement',
  'axspa_nsaid_response_48h',
  'axspa_family_history',
  'axspa_arthritis',
  'axspa_enthesitis',
  'axspa_psoriasis',
] as const;

/** Without a cancer history, this many other malignancy indicators raise suspicion [U]. */
export const RED_FLAGS_MALIGNANCY_MIN_INDICATORS = 2;
/** This many infection indicators raise suspicion of spinal infection [U]. */
export const RED_FLAGS_INFECTION_MIN_INDICATORS = 2;
/** Without significant trauma, this many fracture indicators raise suspicion [U]. */
export const RED_FLAGS_FRACTURE_MIN_INDICATORS = 2;
/** Gate plus at least this many criteria: routine rheumatology referral (NICE NG65) [V2]. */
export const RED_FLAGS_AXSPA_REFERRAL_MIN_CRITERIA = 4;
/** Gate plus this many criteria (one short of referral): HLA-B27 test, `soon` [V2]. */
export const RED_FLAGS_AXSPA_TEST_MIN_CRITERIA = 3;

const SOURCE = 'reference.md §15';

export const RED_FLAGS_CUT_OFFS: readonly CutOff[] = [
  {
    name: 'RED_FLAGS_MALIGNANCY_MIN_INDICATORS',
    value: RED_FLAGS_MALIGNANCY_MIN_INDICATORS,
    description:
      'without a cancer history, the number of other malignancy indicators (weight loss, night pain, thoracic pain, age over 50) that raises suspicion of malignancy',
    source: SOURCE,
    verification: 'U',
    configurable: true,
  },
  {
    name: 'RED_FLAGS_INFECTION_MIN_INDICATORS',
    value: RED_FLAGS_INFECTION_MIN_INDICATORS,
    description:
      'the number of infection indicators (fever, drug injection, immunosuppression, recent infection or spinal procedure) that raises suspicion of spinal infection',
    source: SOURCE,
    verification: 'U',
    configurable: true,
  },
  {
    name: 'RED_FLAGS_FRACTURE_MIN_INDICATORS',
    value: RED_FLAGS_FRACTURE_MIN_INDICATORS,
    description:
      'without significant trauma, the number of fracture indicators (osteoporosis, long-term corticosteroids, age over 50) that raises suspicion of fracture',
    source: SOURCE,
    verification: 'U',
    configurable: true,
  },
  {
    name: 'RED_FLAGS_AXSPA_REFERRAL_MIN_CRITERIA',
    value: RED_FLAGS_AXSPA_REFERRAL_MIN_CRITERIA,
    description:
      'with the gate (onset before 45, more than 3 months), criteria for a routine rheumatology referral',
    source: `${SOURCE} (NICE NG65)`,
    verification: 'V2',
    configurable: false,
  },
  {
    name: 'RED_FLAGS_AXSPA_TEST_MIN_CRITERIA',
    value: RED_FLAGS_AXSPA_TEST_MIN_CRITERIA,
    description:
      'with the gate, criteria from which axial SpA is suspected; below the referral count it means an HLA-B27 test (urgency soon)',
    source: `${SOURCE} (NICE NG65)`,
    verification: 'V2',
    configurable: false,
  },
];

export const RED_FLAGS_MISSING_DATA_RULE: ScoringRule = {
  name: 'answered-findings-only',
  description:
    'Scored from the answered items: an unanswered finding counts as not reported, so a finding that is present is never lost because another is missing; `complete: false` and `missing` show what was not asked. Not scored when nothing is answered.',
  source: `${SOURCE} (design)`,
  verification: 'U',
};

export const RED_FLAGS_RULES: readonly ScoringRule[] = [
  {
    name: 'cauda-equina-emergency',
    description:
      'Any cauda equina feature (saddle numbness, bladder, bowel, new sexual dysfunction, both legs) -> suspected cauda equina, urgency emergency. Emergency [V2]; the feature list [U].',
    source: `${SOURCE}; contracts.md §2`,
    verification: 'U',
  },
  {
    name: 'malignancy',
    description:
      'Cancer history, or RED_FLAGS_MALIGNANCY_MIN_INDICATORS other indicators -> suspected malignancy: urgent (within 24 h); emergency with neurological features (NICE CG75 [V1]).',
    source: `${SOURCE}; contracts.md §2`,
    verification: 'U',
  },
  {
    name: 'infection',
    description:
      'RED_FLAGS_INFECTION_MIN_INDICATORS infection indicators -> suspected spinal infection: urgent; emergency with neurological deficit.',
    source: `${SOURCE}; contracts.md §2`,
    verification: 'U',
  },
  {
    name: 'fracture',
    description:
      'Significant trauma, or RED_FLAGS_FRACTURE_MIN_INDICATORS other indicators -> suspected fracture: urgent; emergency with neurological deficit.',
    source: `${SOURCE}; contracts.md §2`,
    verification: 'U',
  },
  {
    name: 'axial-spa',
    description:
      'Gate (onset before 45, more than 3 months) plus >= 4 criteria -> routine rheumatology referral; plus exactly 3 -> HLA-B27 test (soon); both count as suspected axial SpA.',
    source: `${SOURCE} (NICE NG65); contracts.md §2`,
    verification: 'V2',
  },
  {
    name: 'progressive-deficit-emergency',
    description:
      'A progressive neurological deficit is an emergency even when no condition is suspected ("CES or neuro deficit -> emergency").',
    source: `${SOURCE} (implementation guidance)`,
    verification: 'U',
  },
  {
    name: 'urgency-is-the-highest',
    description:
      "urgency is the highest of the conditions' actions: emergency > urgent > soon > routine > none.",
    source: 'contracts.md §2, §3a',
    verification: 'V2',
  },
];

/** The thresholds of the summary, by cut-off name (defaults or a caller's overrides). */
export interface RedFlagThresholds {
  readonly malignancyMinIndicators: number;
  readonly infectionMinIndicators: number;
  readonly fractureMinIndicators: number;
}

export const RED_FLAGS_DEFAULT_THRESHOLDS: RedFlagThresholds = {
  malignancyMinIndicators: RED_FLAGS_MALIGNANCY_MIN_INDICATORS,
  infectionMinIndicators: RED_FLAGS_INFECTION_MIN_INDICATORS,
  fractureMinIndicators: RED_FLAGS_FRACTURE_MIN_INDICATORS,
};

const present = (answers: Answers, key: string): boolean => answers[key] === 1;
const count = (answers: Answers, keys: readonly string[]): number =>
  keys.filter((key) => present(answers, key)).length;

/** `URGENCIES` runs from the most to the least urgent. */
const rank = (urgency: Urgency): number => URGENCIES.length - URGENCIES.indexOf(urgency);
const highest = (urgencies: readonly Urgency[]): Urgency =>
  urgencies.reduce((best, next) => (rank(next) > rank(best) ? next : best), 'none');

/**
 * The checklist summary: which conditions are suspected and the urgency of the most urgent
 * action (contracts.md §2). Unanswered items count as not reported.
 */
export function summariseRedFlags(
  answers: Answers,
  thresholds: RedFlagThresholds = RED_FLAGS_DEFAULT_THRESHOLDS,
): RedFlagsScores {
  const neuro = count(answers, RED_FLAGS_NEURO_ITEMS) > 0;
  const axspaCriteria = present(answers, RED_FLAGS_AXSPA_GATE)
    ? count(answers, RED_FLAGS_AXSPA_CRITERIA)
    : 0;
  const suspicion: Record<RedFlagCondition, boolean> = {
    cauda_equina: count(answers, RED_FLAGS_CAUDA_EQUINA_ITEMS) > 0,
    malignancy:
      present(answers, 'cancer_history') ||
      count(answers, RED_FLAGS_MALIGNANCY_ITEMS) >= thresholds.malignancyMinIndicators,
    infection: count(answers, RED_FLAGS_INFECTION_ITEMS) >= thresholds.infectionMinIndicators,
    fracture:
      present(answers, 'significant_trauma') ||
      count(answers, RED_FLAGS_FRACTURE_ITEMS) >= thresholds.fractureMinIndicators,
    axial_spa: axspaCriteria >= RED_FLAGS_AXSPA_TEST_MIN_CRITERIA,
  };
  const actions: Urgency[] = [];
  if (suspicion.cauda_equina) actions.push('emergency');
  if (present(answers, 'progressive_neuro_deficit')) actions.push('emergency');
  for (const condition of ['malignancy', 'infection', 'fracture'] as const) {
    if (suspicion[condition]) actions.push(neuro ? 'emergency' : 'urgent');
  }
  if (axspaCriteria >= RED_FLAGS_AXSPA_REFERRAL_MIN_CRITERIA) actions.push('routine');
  else if (suspicion.axial_spa) actions.push('soon');
  return { suspicion, urgency: highest(actions) };
}

/**
 * Scores a red-flag checklist: suspicion per condition and the overall urgency. Codes are
 * validated (0/1 only), never clamped.
 */
export const scoreRedFlags = createScorer({
  definition: redFlagsDefinition,
  cutOffs: RED_FLAGS_CUT_OFFS,
  valueSets: [],
  compute: ({ answers, missing, cutOff }) => {
    if (missing.length === redFlagsDefinition.items.length) {
      return { scores: null, reason: 'No red-flag item is answered' };
    }
    const scores = summariseRedFlags(answers, {
      malignancyMinIndicators: cutOff('RED_FLAGS_MALIGNANCY_MIN_INDICATORS'),
      infectionMinIndicators: cutOff('RED_FLAGS_INFECTION_MIN_INDICATORS'),
      fractureMinIndicators: cutOff('RED_FLAGS_FRACTURE_MIN_INDICATORS'),
    });
    return { scores };
  },
});

export const redFlagsInstrument: Instrument = {
  definition: redFlagsDefinition,
  scorable: true,
  cutOffs: RED_FLAGS_CUT_OFFS,
  missingDataRule: RED_FLAGS_MISSING_DATA_RULE,
  rules: RED_FLAGS_RULES,
  valueSets: [],
  score: scoreRedFlags,
};
