export type {
  AnswerIssue,
  AnswerOption,
  InstrumentDefinition,
  ItemDefinition,
  LicenceInfo,
  ScoreOutcome,
} from './types';
export { answersSchemaFor, missingItems } from './answers';
export { sbtDefinition } from './sbt/definition';
export {
  classifySbtRisk,
  scoreSbt,
  SBT_BOTHERSOME_POSITIVE_MIN_CODE,
  SBT_LOW_RISK_MAX_TOTAL,
  SBT_MEDIUM_RISK_MAX_PSYCHOSOCIAL,
  SBT_PSYCHOSOCIAL_ITEMS,
} from './sbt/score';
