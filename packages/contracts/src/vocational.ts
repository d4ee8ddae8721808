import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';
import { BodyRegionSchema, DiagnosisSchema } from './api/episodes';
import { CalendarDateSchema, SickLeaveDegreeSchema } from './rtw';

/**
 * Vocational advice (issue 7; reference.md §19 SWAP, §20 MI-NAV): the eligibility check, the
 * timing hint, the stepped-care referral as a list of events, SVAI session counts and the
 * notifications that close the loop with the referring clinician. The rules live in
 * `@workup/core` (`packages/core/src/vocational/`, docs/vocational-and-cdm.md); these schemas
 * check shapes, codes and dates, and never clamp.
 */

// ---------------------------------------------------------------------------------------------
// Eligibility (SWAP, reference.md §19)

/** The three SWAP criteria: employed; musculoskeletal pain; absent < 6 months or struggling. */
export const VOCATIONAL_CRITERIA = ['employed', 'musculoskeletal_pain', 'work_status'] as const;
export const VocationalCriterionSchema = z.enum(VOCATIONAL_CRITERIA);
export type VocationalCriterion = z.infer<typeof VocationalCriterionSchema>;

/** One criterion's result; `unknown` when the evidence needed is missing. */
export const CRITERION_RESULTS = ['met', 'not_met', 'unknown'] as const;
export const CriterionResultSchema = z.enum(CRITERION_RESULTS);
export type CriterionResult = z.infer<typeof CriterionResultSchema>;

export const ELIGIBILITY_STATUSES = ['eligible', 'not_eligible', 'undetermined'] as const;
export const EligibilityStatusSchema = z.enum(ELIGIBILITY_STATUSES);
export type EligibilityStatus = z.infer<typeof EligibilityStatusSchema>;

/**
 * The `work` answers the check reads (contracts.md §3); every key optional, `null` = not
 * answered. Other `work` keys may be present and are ignored.
 */
export const VocationalWorkAnswersSchema = z.looseObject({
  employed: z
    .union([z.literal(0), z.literal(1)])
    .nullable()
    .optional(),
  sick_leave_degree: z
    .union([z.literal(0), z.literal(25), z.literal(50), z.literal(75), z.literal(100)])
    .nullable()
    .optional(),
  sick_leave_days: z.int().min(0).nullable().optional(),
});
export type VocationalWorkAnswers = z.infer<typeof VocationalWorkAnswersSchema>;

/** A recorded period of sick leave (`from`, `to` inclusive), as the rtw core reads it. */
export const VocationalSickLeavePeriodSchema = z
  .strictObject({ from: CalendarDateSchema, to: CalendarDateSchema, degree: SickLeaveDegreeSchema })
  .refine((period) => period.from <= period.to, {
    error: 'must not be before "from"',
    path: ['to'],
  });
export type VocationalSickLeavePeriod = z.infer<typeof VocationalSickLeavePeriodSchema>;

/** What is known of the episode of care: body region, onset, diagnosis codes. */
export const VocationalEpisodeSchema = z.strictObject({
  bodyRegion: BodyRegionSchema.nullable(),
  onsetOn: CalendarDateSchema.nullable(),
  diagnoses: z.array(DiagnosisSchema),
});
export type VocationalEpisode = z.infer<typeof VocationalEpisodeSchema>;

/**
 * Input of the eligibility check and the timing hint. `sickLeavePeriods` are the recorded
 * periods (when any are given they are the evidence of absence; the `work` answers are used only
 * when none are); `strugglingAtWork` is the patient's or clinician's statement (null = not asked).
 */
export const EligibilityInputSchema = z.strictObject({
  asOf: CalendarDateSchema,
  work: VocationalWorkAnswersSchema,
  sickLeavePeriods: z.array(VocationalSickLeavePeriodSchema),
  episode: VocationalEpisodeSchema.nullable(),
  strugglingAtWork: z.boolean().nullable(),
});
export type EligibilityInput = z.infer<typeof EligibilityInputSchema>;

/** One piece of evidence a criterion used: where it came from, which field, its value. */
export const EligibilityEvidenceSchema = z.strictObject({
  source: z.enum(['work_answers', 'sick_leave_periods', 'episode', 'statement']),
  field: z.string(),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});
export type EligibilityEvidence = z.infer<typeof EligibilityEvidenceSchema>;

export const CriterionOutcomeSchema = z.strictObject({
  criterion: VocationalCriterionSchema,
  result: CriterionResultSchema,
  evidence: z.array(EligibilityEvidenceSchema),
  reason: z.string(),
});
export type CriterionOutcome = z.infer<typeof CriterionOutcomeSchema>;

/** Where the person stands with work on `asOf`, as far as the evidence tells. */
export const WORK_SITUATIONS = ['on_sick_leave', 'at_work', 'unknown'] as const;
export const WorkSituationSchema = z.enum(WORK_SITUATIONS);
export type WorkSituation = z.infer<typeof WorkSituationSchema>;

export const EligibilityResultSchema = z.strictObject({
  status: EligibilityStatusSchema,
  asOf: CalendarDateSchema,
  criteria: z.array(CriterionOutcomeSchema),
  situation: WorkSituationSchema,
  /** First day of the current sick-leave spell, when on sick leave and known. */
  absenceStart: CalendarDateSchema.nullable(),
  /** Plain-English reasons, the overall one first. */
  reasons: z.array(z.string()),
  source: z.string(),
});
export type EligibilityResult = z.infer<typeof EligibilityResultSchema>;

// ---------------------------------------------------------------------------------------------
// Timing hint

/**
 * The watchful-waiting window, counted from the anchor (the current sick-leave spell's first day,
 * or the episode's onset when at work): a referral before `opensAfterDays` days is too early, one
 * on or after `closesAfterMonths` calendar months is late.
 */
export const TimingWindowSchema = z
  .strictObject({
    opensAfterDays: z.int().min(0).max(3650),
    closesAfterMonths: z.int().min(1).max(120),
  })
  .refine((w) => w.opensAfterDays < w.closesAfterMonths * 28, {
    error: 'the window must open before it closes',
    path: ['opensAfterDays'],
  });
export type TimingWindow = z.infer<typeof TimingWindowSchema>;

export const REFERRAL_TIMINGS = ['too_early', 'right_time', 'late', 'unknown'] as const;
export const ReferralTimingSchema = z.enum(REFERRAL_TIMINGS);
export type ReferralTiming = z.infer<typeof ReferralTimingSchema>;

export const TimingAnchorKindSchema = z.enum(['sick_leave_start', 'episode_onset']);
export type TimingAnchorKind = z.infer<typeof TimingAnchorKindSchema>;

export const TimingHintSchema = z.strictObject({
  timing: ReferralTimingSchema,
  asOf: CalendarDateSchema,
  anchor: z.strictObject({ kind: TimingAnchorKindSchema, date: CalendarDateSchema }).nullable(),
  /** First day of the right time; null without an anchor. */
  opensOn: CalendarDateSchema.nullable(),
  /** Last day of the right time; null without an anchor. */
  closesOn: CalendarDateSchema.nullable(),
  window: TimingWindowSchema,
  reason: z.string(),
});
export type TimingHint = z.infer<typeof TimingHintSchema>;

// ---------------------------------------------------------------------------------------------
// Stepped care (SWAP, reference.md §19): events folded into the referral's state

/** Step 1 telephone, 2 face to face, 3 workplace contact. */
export const CARE_STEPS = [1, 2, 3] as const;
export const CareStepSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type CareStep = z.infer<typeof CareStepSchema>;

/** How a contact took place; which modes each step allows is a core rule. */
export const CONTACT_MODES = [
  'telephone',
  'video',
  'face_to_face',
  'employer_telephone',
  'workplace_meeting',
] as const;
export const ContactModeSchema = z.enum(CONTACT_MODES);
export type ContactMode = z.infer<typeof ContactModeSchema>;

export const REFERRAL_STATUSES = [
  'referred',
  'accepted',
  'in_progress',
  'discharged',
  'declined',
  'withdrawn',
] as const;
export const ReferralStatusSchema = z.enum(REFERRAL_STATUSES);
export type ReferralStatus = z.infer<typeof ReferralStatusSchema>;

/** The outcome recorded at discharge. */
export const DISCHARGE_OUTCOMES = [
  'stayed_at_work',
  'returned_to_work',
  'partial_return_to_work',
  'still_off_work',
  'left_employment',
  'referred_on',
] as const;
export const DischargeOutcomeSchema = z.enum(DISCHARGE_OUTCOMES);
export type DischargeOutcome = z.infer<typeof DischargeOutcomeSchema>;

const notes = z.string().max(4000);

export const ReferralReferredEventSchema = z.strictObject({
  type: z.literal('referred'),
  at: TimestampSchema,
  referralId: IdSchema,
  /** The referring clinician, who is told of every step. */
  referrerId: IdSchema,
});
export const ReferralAcceptedEventSchema = z.strictObject({
  type: z.literal('accepted'),
  at: TimestampSchema,
  adviserId: IdSchema,
});
export const ReferralDeclinedEventSchema = z.strictObject({
  type: z.literal('declined'),
  at: TimestampSchema,
  by: z.enum(['service', 'patient']),
  reason: z.string().min(1).max(500),
});
export const ReferralContactEventSchema = z.strictObject({
  type: z.literal('contact'),
  /** When the contact was logged. */
  at: TimestampSchema,
  /** When it took place: not before the referral, not after it was logged. */
  occurredAt: TimestampSchema,
  step: CareStepSchema,
  mode: ContactModeSchema,
  /** Step 3 only: the patient agreed that the adviser contacts the workplace. */
  employerContactConsent: z.boolean().optional(),
  notes,
});
export const ReferralDischargedEventSchema = z.strictObject({
  type: z.literal('discharged'),
  at: TimestampSchema,
  outcome: DischargeOutcomeSchema,
  notes,
});
export const ReferralWithdrawnEventSchema = z.strictObject({
  type: z.literal('withdrawn'),
  at: TimestampSchema,
  by: z.enum(['patient', 'referrer', 'service']),
  reason: z.string().min(1).max(500),
});

export const ReferralEventSchema = z.discriminatedUnion('type', [
  ReferralReferredEventSchema,
  ReferralAcceptedEventSchema,
  ReferralDeclinedEventSchema,
  ReferralContactEventSchema,
  ReferralDischargedEventSchema,
  ReferralWithdrawnEventSchema,
]);
export type ReferralEvent = z.infer<typeof ReferralEventSchema>;
export type ReferralContactEvent = z.infer<typeof ReferralContactEventSchema>;

export const ReferralContactSchema = z.strictObject({
  occurredAt: TimestampSchema,
  loggedAt: TimestampSchema,
  step: CareStepSchema,
  mode: ContactModeSchema,
  notes,
});
export type ReferralContact = z.infer<typeof ReferralContactSchema>;

/** The referral's state after folding its events. */
export const ReferralStateSchema = z.strictObject({
  referralId: IdSchema,
  referrerId: IdSchema,
  status: ReferralStatusSchema,
  referredAt: TimestampSchema,
  acceptedAt: TimestampSchema.nullable(),
  adviserId: IdSchema.nullable(),
  /** The highest step reached; 0 before the first contact. */
  step: z.union([z.literal(0), CareStepSchema]),
  contacts: z.array(ReferralContactSchema),
  closedAt: TimestampSchema.nullable(),
  outcome: DischargeOutcomeSchema.nullable(),
  closeReason: z.string().nullable(),
});
export type ReferralState = z.infer<typeof ReferralStateSchema>;

/** Why a fold stopped: the index of the first invalid event and the reason. */
export const ReferralRejectionSchema = z.strictObject({
  index: z.int().min(0),
  code: z.string(),
  reason: z.string(),
});
export type ReferralRejection = z.infer<typeof ReferralRejectionSchema>;

// ---------------------------------------------------------------------------------------------
// SVAI session counts (MI-NAV, reference.md §20)

export const SVAI_RISK_GROUPS = ['low', 'medium', 'high'] as const;
export const SvaiRiskGroupSchema = z.enum(SVAI_RISK_GROUPS);
export type SvaiRiskGroup = z.infer<typeof SvaiRiskGroupSchema>;

const sessionRange = z
  .strictObject({ min: z.int().min(0).max(50), max: z.int().min(0).max(50) })
  .refine((range) => range.min <= range.max, { error: 'min above max', path: ['min'] });

/** Planned sessions per risk group (configurable). */
export const SvaiSessionPlanSchema = z.strictObject({
  low: sessionRange,
  medium: sessionRange,
  high: sessionRange,
});
export type SvaiSessionPlan = z.infer<typeof SvaiSessionPlanSchema>;

// ---------------------------------------------------------------------------------------------
// Feedback to the referring clinician (the closed loop)

export const REFERRER_NOTIFICATION_KINDS = [
  'accepted',
  'step_started',
  'discharged',
  'declined',
  'withdrawn',
] as const;
export const ReferrerNotificationKindSchema = z.enum(REFERRER_NOTIFICATION_KINDS);
export type ReferrerNotificationKind = z.infer<typeof ReferrerNotificationKindSchema>;

/**
 * A notification due to the referring clinician. `key` is stable and unique per referral and
 * event, so a sender that records the keys it sent sends each exactly once. The content is the
 * service's own progress (status, step, date, outcome code), never contact notes or other health
 * data.
 */
export const ReferrerNotificationSchema = z.strictObject({
  key: z.string(),
  kind: ReferrerNotificationKindSchema,
  referralId: IdSchema,
  to: z.strictObject({ role: z.literal('referrer'), staffId: IdSchema }),
  dueAt: TimestampSchema,
  step: CareStepSchema.nullable(),
  mode: ContactModeSchema.nullable(),
  outcome: DischargeOutcomeSchema.nullable(),
  by: z.enum(['service', 'patient', 'referrer']).nullable(),
  message: z.string(),
});
export type ReferrerNotification = z.infer<typeof ReferrerNotificationSchema>;
