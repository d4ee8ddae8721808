import { z } from 'zod';

/**
 * Instrument ids and item keys, exactly as contracts.md §1-§3 fix them. The conformance suite
 * checks every definition in core against these lists, so a renamed key fails a test rather
 * than breaking stored answers.
 */
export const INSTRUMENT_IDS = [
  'sbt',
  'ompsq10',
  'odi',
  'rmdq',
  'fabq',
  'pseq',
  'eq5d3l',
  'bbq',
  'was',
  'deps',
  'promis_pf20',
  'pain_nrs',
  'motivation',
  'red_flags',
  'work',
  'startmsk',
] as const;
export const InstrumentIdSchema = z.enum(INSTRUMENT_IDS);
export type InstrumentId = z.infer<typeof InstrumentIdSchema>;

const numbered = (count: number): readonly string[] =>
  Array.from({ length: count }, (_, index) => String(index + 1));

/** Red-flag checklist items (contracts.md §2). */
export const RED_FLAG_ITEM_KEYS = [
  'saddle_anaesthesia',
  'bladder_dysfunction',
  'bowel_incontinence',
  'sexual_dysfunction_new',
  'bilateral_leg_symptoms',
  'progressive_neuro_deficit',
  'cancer_history',
  'unexplained_weight_loss',
  'night_pain_unremitting',
  'thoracic_pain',
  'age_over_50',
  'fever',
  'iv_drug_use',
  'immunosuppression',
  'recent_infection_or_spinal_procedure',
  'significant_trauma',
  'osteoporosis',
  'long_term_corticosteroids',
  'axspa_onset_before_45_over_3_months',
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

/** Work-context items (contracts.md §3). */
export const WORK_ITEM_KEYS = [
  'employed',
  'sick_leave_degree',
  'sick_leave_days',
  'work_heavy_or_monotonous',
  'job_satisfaction',
  'supervisor_support',
  'modified_duties_possible',
  'work_harms_back_belief',
  'rtw_expectation',
  'employer_contact_consent',
  'benefit_or_claim_pending',
] as const;

/** PROMIS Physical Function 20a item ids (reference.md §12), in the short form's order. */
export const PROMIS_PF20_ITEM_KEYS = [
  'PFA11',
  'PFA12',
  'PFA16r1',
  'PFA34',
  'PFA38',
  'PFA51',
  'PFA55',
  'PFA56',
  'PFB19r1',
  'PFB22',
  'PFB24',
  'PFB26',
  'PFC45r1',
  'PFC46',
  'PFA1',
  'PFA3',
  'PFA5',
  'PFC12',
  'PFC36r1',
  'PFC37',
] as const;

/** Item keys per instrument, in the order the instrument presents them. */
export const INSTRUMENT_ITEM_KEYS: Readonly<Record<InstrumentId, readonly string[]>> = {
  sbt: numbered(9),
  ompsq10: numbered(10),
  odi: numbered(10),
  rmdq: numbered(24),
  fabq: numbered(16),
  pseq: numbered(10),
  eq5d3l: ['MO', 'SC', 'UA', 'PD', 'AD', 'VAS'],
  bbq: numbered(14),
  was: ['1'],
  deps: numbered(10),
  promis_pf20: PROMIS_PF20_ITEM_KEYS,
  pain_nrs: ['back', 'leg'],
  motivation: ['importance', 'confidence', 'readiness'],
  red_flags: RED_FLAG_ITEM_KEYS,
  work: WORK_ITEM_KEYS,
  // reference.md §2: ten items, the pain NRS first; structure only until the scoring sheet is verified.
  startmsk: numbered(10),
};

/** EQ-5D-3L value sets (contracts.md §1); `uk_tto` is the default. */
export const EQ5D3L_VALUE_SETS = [
  'uk_tto',
  'se_tto',
  'dk_tto',
  'uk_vas',
  'fi_vas',
  'eu_vas',
] as const;
export const Eq5d3lValueSetSchema = z.enum(EQ5D3L_VALUE_SETS);
export type Eq5d3lValueSet = z.infer<typeof Eq5d3lValueSetSchema>;
