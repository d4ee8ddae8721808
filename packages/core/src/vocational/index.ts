export {
  checkVocationalEligibility,
  combineCriteria,
  ELIGIBILITY_SOURCE,
  isMusculoskeletalCode,
  SWAP_MAX_ABSENCE_MONTHS,
  workSituation,
} from './eligibility';
export type { EligibilityOptions, SituationEvidence } from './eligibility';
export { DEFAULT_TIMING_WINDOW, MI_NAV_TIMING_WINDOW, referralTiming } from './timing';
export { applyReferralEvent, foldReferral, STEP_MODES } from './referral';
export type { FoldResult, StepResult } from './referral';
export { SVAI_SESSION_PLAN, SVAI_SOURCE, svaiSessionRange, svaiSessions } from './svai';
export type { SessionProgress, SvaiSessions } from './svai';
export { referralNotifications } from './feedback';
export type { ReferralFeedback } from './feedback';
