export {
  addDays,
  addMonths,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  fromDayNumber,
  isoWeekday,
  toDayNumber,
} from './dates';
export {
  degreeNotAllowedReason,
  FI_PRESET,
  NO_PRESET,
  RTW_PRESETS,
  SE_PRESET,
  UK_PRESET,
} from './presets';
export type {
  CheckpointAudience,
  CheckpointRule,
  CheckpointTiming,
  DayBasis,
  DegreeRule,
  PresetFact,
  RtwPreset,
  VerificationTag,
} from './presets';
export {
  countDays,
  degreeSegments,
  degreeUnits,
  joinSpells,
  netDaysFromUnits,
  NET_UNITS_PER_DAY,
  unitsOnDay,
} from './spells';
export type { DegreePeriod, DegreeSegment, Spell } from './spells';
export {
  absenceInWindow,
  computePersonRtw,
  computeRtw,
  DEFAULT_GAP_DAYS,
  DEFAULT_SUSTAINED_RTW_DAYS,
  monthsAfterInclusion,
  partialRtw,
  presetDegreeIssues,
  resolveRtwParameters,
  RTW_ALGORITHM_VERSION,
} from './outcomes';
export type { PeriodIssue, RtwOptions, RtwParameters } from './outcomes';
export { checkpointsForPeriods, statutoryCheckpoints } from './checkpoints';
export type { Checkpoint, CheckpointInput, CheckpointStatus } from './checkpoints';
