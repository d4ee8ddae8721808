export type {
  AnswerIssue,
  AnswerOption,
  ChoiceItem,
  ConformanceCheck,
  CutOff,
  Instrument,
  InstrumentDefinition,
  IntegerItem,
  ItemDefinition,
  LicenceInfo,
  ScoreOptions,
  ScoreOutcome,
  Scores,
  ScoringRule,
  ValueSet,
  Verification,
} from './types';
export { CONFORMANCE_CHECKS } from './types';
export { answersSchemaFor, missingItems, type Answers } from './answers';
export { createScorer, sumOfCodes, type Computation, type ScoringContext } from './scorer';
export { findInstrument, INSTRUMENTS, isInstrumentId, scoreInstrument } from './registry';
export { instrumentsDoc } from './docs';
export { sbtDefinition } from './sbt/definition';
export {
  classifySbtRisk,
  sbtInstrument,
  scoreSbt,
  SBT_BOTHERSOME_POSITIVE_MIN_CODE,
  SBT_LOW_RISK_MAX_TOTAL,
  SBT_MEDIUM_RISK_MAX_PSYCHOSOCIAL,
  SBT_PSYCHOSOCIAL_ITEMS,
} from './sbt/score';
export { eq5d3lDefinition, EQ5D3L_DIMENSIONS, type Eq5d3lDimension } from './eq5d3l/definition';
export {
  EQ5D3L_COEFFICIENTS,
  EQ5D3L_MISSING_DATA_RULE,
  EQ5D3L_VALUE_SETS_INFO,
  eq5d3lIndex,
  eq5d3lIndexUnits,
  eq5d3lInstrument,
  roundEq5d3lIndex,
  scoreEq5d3l,
  type Eq5d3lCoefficients,
  type Eq5d3lLevels,
} from './eq5d3l/score';
export { promisPf20Definition } from './promis_pf20/definition';
export {
  PROMIS_PF20_CONVERSION,
  PROMIS_PF20_ITEM_COUNT,
  PROMIS_PF20_MIN_ANSWERED,
  PROMIS_PF20_MISSING_DATA_RULE,
  promisPf20Conversion,
  promisPf20Instrument,
  proratePromisPf20,
  scorePromisPf20,
} from './promis_pf20/score';
export { painNrsDefinition } from './pain_nrs/definition';
export { PAIN_NRS_MISSING_DATA_RULE, painNrsInstrument, scorePainNrs } from './pain_nrs/score';
export { motivationDefinition } from './motivation/definition';
export {
  MOTIVATION_CUT_OFFS,
  MOTIVATION_LOW_MAX,
  MOTIVATION_MISSING_DATA_RULE,
  motivationInstrument,
  scoreMotivation,
} from './motivation/score';
export { redFlagsDefinition } from './red_flags/definition';
export {
  RED_FLAGS_AXSPA_CRITERIA,
  RED_FLAGS_AXSPA_GATE,
  RED_FLAGS_AXSPA_REFERRAL_MIN_CRITERIA,
  RED_FLAGS_AXSPA_TEST_MIN_CRITERIA,
  RED_FLAGS_CAUDA_EQUINA_ITEMS,
  RED_FLAGS_CUT_OFFS,
  RED_FLAGS_DEFAULT_THRESHOLDS,
  RED_FLAGS_FRACTURE_ITEMS,
  RED_FLAGS_FRACTURE_MIN_INDICATORS,
  RED_FLAGS_INFECTION_ITEMS,
  RED_FLAGS_INFECTION_MIN_INDICATORS,
  RED_FLAGS_MALIGNANCY_ITEMS,
  RED_FLAGS_MALIGNANCY_MIN_INDICATORS,
  RED_FLAGS_MISSING_DATA_RULE,
  RED_FLAGS_NEURO_ITEMS,
  RED_FLAGS_RULES,
  redFlagsInstrument,
  scoreRedFlags,
  summariseRedFlags,
  type RedFlagThresholds,
} from './red_flags/score';
export { workDefinition } from './work/definition';
export {
  scoreWork,
  WORK_CUT_OFFS,
  WORK_DEFAULT_THRESHOLDS,
  WORK_HARM_BELIEF_MIN,
  WORK_HEAVY_MIN,
  WORK_LONG_SICK_LEAVE_MIN_DAYS,
  WORK_LOW_RTW_EXPECTATION_MAX,
  WORK_LOW_SATISFACTION_MAX,
  WORK_LOW_SUPPORT_MAX,
  WORK_MISSING_DATA_RULE,
  WORK_RULES,
  workFlags,
  workInstrument,
  type WorkThresholds,
} from './work/score';
export { startMskDefinition } from './startmsk/definition';
export {
  scoreStartMsk,
  STARTMSK_MISSING_DATA_RULE,
  STARTMSK_NOT_SCORED_REASON,
  startMskInstrument,
} from './startmsk/score';
export { ompsq10Definition } from './ompsq10/definition';
export {
  classifyOmpsq10Risk,
  ompsq10Instrument,
  ompsq10ItemPoints,
  OMPSQ10_CUT_OFFS,
  OMPSQ10_HIGH_RISK_MIN_TOTAL,
  OMPSQ10_MEDIUM_RISK_MIN_TOTAL,
  OMPSQ10_MISSING_DATA_RULE,
  OMPSQ10_REVERSED_ITEMS,
  OMPSQ10_SCALE_MAX,
  scoreOmpsq10,
} from './ompsq10/score';
export { odiDefinition } from './odi/definition';
export {
  classifyOdiBand,
  odiInstrument,
  odiPercent,
  ODI_CRIPPLED_MAX_PERCENT,
  ODI_CUT_OFFS,
  ODI_MAX_MISSING_SECTIONS,
  ODI_MINIMAL_MAX_PERCENT,
  ODI_MISSING_DATA_RULE,
  ODI_MODERATE_MAX_PERCENT,
  ODI_SECTION_MAX,
  ODI_SEVERE_MAX_PERCENT,
  scoreOdi,
} from './odi/score';
export { rmdqDefinition } from './rmdq/definition';
export {
  prorateRmdq,
  rmdqInstrument,
  RMDQ_CUT_OFFS,
  RMDQ_MAX_MISSING_PRORATED,
  RMDQ_MISSING_DATA_RULE,
  scoreRmdq,
} from './rmdq/score';
export { fabqDefinition } from './fabq/definition';
export {
  FABQ_MISSING_DATA_RULE,
  FABQ_PA_ITEMS,
  FABQ_UNSCORED_ITEMS,
  FABQ_WORK_ITEMS,
  fabqInstrument,
  scoreFabq,
} from './fabq/score';
export { pseqDefinition } from './pseq/definition';
export {
  proratePseq,
  pseqInstrument,
  PSEQ_CUT_OFFS,
  PSEQ_MAX_MISSING_PRORATED,
  PSEQ_MISSING_DATA_RULE,
  scorePseq,
} from './pseq/score';
export { bbqDefinition } from './bbq/definition';
export {
  BBQ_DISTRACTOR_ITEMS,
  BBQ_MISSING_DATA_RULE,
  BBQ_REVERSE_FROM,
  BBQ_SCORED_ITEMS,
  bbqInstrument,
  bbqItemPoints,
  scoreBbq,
} from './bbq/score';
export { wasDefinition } from './was/definition';
export {
  classifyWas,
  scoreWas,
  WAS_CUT_OFFS,
  WAS_GOOD_MIN_SCORE,
  WAS_MISSING_DATA_RULE,
  WAS_MODERATE_MIN_SCORE,
  wasInstrument,
} from './was/score';
export { depsDefinition } from './deps/definition';
export {
  classifyDeps,
  DEPS_CUT_OFFS,
  DEPS_DEPRESSION_MIN_TOTAL,
  DEPS_MISSING_DATA_RULE,
  DEPS_SUBCLINICAL_MIN_TOTAL,
  depsInstrument,
  scoreDeps,
} from './deps/score';
export {
  applyContentPack,
  paraphraseText,
  type ContentPackOutcome,
  type ItemText,
  type QuestionnaireText,
  type WordingSource,
} from './content-pack';
