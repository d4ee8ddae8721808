import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../common';
import {
  CalendarDateSchema,
  RtwPresetIdSchema,
  SickLeaveDegreeSchema,
  SickLeaveSourceSchema,
} from '../rtw';
import {
  CareStepSchema,
  ContactModeSchema,
  DischargeOutcomeSchema,
  EligibilityResultSchema,
  ReferralEventSchema,
  ReferralStateSchema,
  ReferrerNotificationKindSchema,
  SvaiRiskGroupSchema,
  TimingHintSchema,
} from '../vocational';
import {
  CdmActorSchema,
  CdmEmployerStepSchema,
  CdmItemIdSchema,
  CdmIssueSchema,
  CdmJointStepSchema,
  CdmPatientStepSchema,
  CdmRecordSchema,
  CdmStepSchema,
  EmployerViewPreviewSchema,
  EmployerViewSchema,
} from '../cdm';

/**
 * The HTTP shapes of return to work (issue 7): a patient's sick-leave periods and timeline, the
 * vocational advice referral with its closed feedback loop, and the Convergence Dialogue Meeting
 * with its scoped employer link. The rules are core's (docs/rtw.md, docs/vocational-and-cdm.md).
 */

// ---------------------------------------------------------------------------------------------
// Sick leave

/** `POST /patients/{id}/sick-leave`: one period; `from` and `to` inclusive. */
export const RecordSickLeaveRequestSchema = z
  .strictObject({
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    degree: SickLeaveDegreeSchema.refine((degree) => degree > 0, {
      error: 'a period of sick leave has a degree above 0',
    }),
    source: SickLeaveSourceSchema,
  })
  .refine((period) => period.from <= period.to, {
    error: 'must not be before "from"',
    path: ['to'],
  });
export type RecordSickLeaveRequest = z.infer<typeof RecordSickLeaveRequestSchema>;

export const SickLeavePeriodRecordSchema = z.object({
  id: IdSchema,
  from: CalendarDateSchema,
  to: CalendarDateSchema,
  degree: z.number(),
  source: SickLeaveSourceSchema,
  recordedBy: IdSchema,
  recordedAt: TimestampSchema,
  /** A period entered by mistake is removed, never deleted: it stays on record. */
  removedAt: TimestampSchema.nullable(),
  removalReason: z.string().nullable(),
});
export type SickLeavePeriodRecord = z.infer<typeof SickLeavePeriodRecordSchema>;

export const SickLeaveListSchema = z.object({ periods: z.array(SickLeavePeriodRecordSchema) });
export type SickLeaveList = z.infer<typeof SickLeaveListSchema>;

export const SickLeaveParamsSchema = z.object({ patientId: IdSchema, periodId: IdSchema });

export const RemoveSickLeaveRequestSchema = z.strictObject({
  reason: z.string().trim().min(1).max(500),
});
export type RemoveSickLeaveRequest = z.infer<typeof RemoveSickLeaveRequestSchema>;

/** A statutory checkpoint on the sick-leave timeline (core's `statutoryCheckpoints`). */
export const CHECKPOINT_STATUSES = [
  'upcoming',
  'due_today',
  'passed',
  'not_reached',
  'not_applicable',
] as const;
export const CheckpointSchema = z.object({
  code: z.string(),
  description: z.string(),
  preset: RtwPresetIdSchema,
  due: CalendarDateSchema,
  dayOfAbsence: z.int(),
  audience: z.array(z.enum(['clinician', 'employer', 'employee'])),
  condition: z.enum(['expected_over_60_days']).nullable(),
  applies: z.boolean().nullable(),
  status: z.enum(CHECKPOINT_STATUSES),
  daysUntil: z.int(),
  source: z.string(),
  tag: z.enum(['V2', 'V1', 'U']),
  note: z.string().optional(),
});
export type CheckpointView = z.infer<typeof CheckpointSchema>;

export const TIMELINE_EVENT_KINDS = [
  'sick_leave_started',
  'sick_leave_ended',
  'rtw',
  'sustained_rtw',
  'checkpoint',
  'referral',
  'referral_contact',
  'referral_closed',
  'cdm_step',
  'cdm_review',
] as const;
export const TimelineEventKindSchema = z.enum(TIMELINE_EVENT_KINDS);

/** One dated event of the patient's return-to-work timeline; `code` says which (a step, a checkpoint). */
export const TimelineEventSchema = z.object({
  on: CalendarDateSchema,
  kind: TimelineEventKindSchema,
  code: z.string().nullable(),
  /** A degree of sick leave, a care step, and so on; null when the kind says it all. */
  value: z.union([z.number(), z.string()]).nullable(),
  /** The referral or meeting it belongs to. */
  refId: IdSchema.nullable(),
  /** Whether it is still ahead (a checkpoint, a review date). */
  upcoming: z.boolean(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

/**
 * `GET /patients/{id}/timeline`: sick leave joined into spells with RTW and sustained RTW,
 * counted from `followUp.start` (the first episode or period) to today, the statutory checkpoints
 * of the current absence, and every dated event, oldest first.
 */
export const PatientTimelineSchema = z.object({
  today: CalendarDateSchema,
  preset: RtwPresetIdSchema,
  parameters: z.object({ gapDays: z.int(), sustainedDays: z.int() }),
  followUp: z.object({ start: CalendarDateSchema, end: CalendarDateSchema }).nullable(),
  spells: z.array(
    z.object({
      from: CalendarDateSchema,
      to: CalendarDateSchema,
      grossDays: z.int(),
      netDays: z.number(),
    }),
  ),
  grossDays: z.int(),
  netDays: z.number(),
  rtw: CalendarDateSchema.nullable(),
  sustainedRtw: CalendarDateSchema.nullable(),
  censored: z.boolean(),
  currentAbsence: z.object({ from: CalendarDateSchema, to: CalendarDateSchema }).nullable(),
  checkpoints: z.array(CheckpointSchema),
  events: z.array(TimelineEventSchema),
});
export type PatientTimeline = z.infer<typeof PatientTimelineSchema>;

// ---------------------------------------------------------------------------------------------
// Vocational advice referrals

/** `POST /patients/{id}/vocational-eligibility`: the SWAP check on what is on record, stored nowhere. */
export const EligibilityCheckRequestSchema = z.strictObject({
  /** The patient's or clinician's statement that work is a struggle; null = not asked. */
  strugglingAtWork: z.boolean().nullable(),
});
export type EligibilityCheckRequest = z.infer<typeof EligibilityCheckRequestSchema>;

export const EligibilityCheckSchema = z.object({
  eligibility: EligibilityResultSchema,
  timing: TimingHintSchema,
});
export type EligibilityCheck = z.infer<typeof EligibilityCheckSchema>;

/**
 * `POST /patients/{id}/vocational-referrals`. The check runs again on the server; a patient it
 * finds not eligible (or undetermined) is referred only with `overrideReason`.
 */
export const CreateReferralRequestSchema = z.strictObject({
  strugglingAtWork: z.boolean().nullable(),
  riskGroup: SvaiRiskGroupSchema,
  /** What the referrer asks of the service (work situation, goals); shared with the adviser. */
  question: z.string().trim().min(1).max(2000),
  overrideReason: z.string().trim().min(1).max(500).optional(),
});
export type CreateReferralRequest = z.infer<typeof CreateReferralRequestSchema>;

/**
 * `POST /patients/{id}/vocational-referrals/{referralId}/events`: what the service or the
 * referrer records; the server adds the time and who. Refused with 409 and core's code when it
 * does not fit the referral's state (e.g. `mode_not_allowed`, `step_skipped`, `closed`).
 */
export const RecordReferralEventRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('accepted') }),
  z.strictObject({
    type: z.literal('declined'),
    by: z.enum(['service', 'patient']),
    reason: z.string().trim().min(1).max(500),
  }),
  z.strictObject({
    type: z.literal('contact'),
    occurredAt: TimestampSchema,
    step: CareStepSchema,
    mode: ContactModeSchema,
    employerContactConsent: z.boolean().optional(),
    notes: z.string().max(4000),
  }),
  z.strictObject({
    type: z.literal('discharged'),
    outcome: DischargeOutcomeSchema,
    notes: z.string().max(4000),
  }),
  z.strictObject({
    type: z.literal('withdrawn'),
    by: z.enum(['patient', 'referrer', 'service']),
    reason: z.string().trim().min(1).max(500),
  }),
]);
export type RecordReferralEventRequest = z.infer<typeof RecordReferralEventRequestSchema>;

export const NOTIFICATION_DELIVERY = ['pending', 'sent', 'failed'] as const;

/** A notification to the referring clinician and what became of its e-mail. */
export const ReferralNotificationRecordSchema = z.object({
  id: IdSchema,
  key: z.string(),
  kind: ReferrerNotificationKindSchema,
  referralId: IdSchema,
  patientId: IdSchema,
  recipientId: IdSchema,
  message: z.string(),
  createdAt: TimestampSchema,
  delivery: z.enum(NOTIFICATION_DELIVERY),
  sentAt: TimestampSchema.nullable(),
  readAt: TimestampSchema.nullable(),
});
export type ReferralNotificationRecord = z.infer<typeof ReferralNotificationRecordSchema>;

export const ReferralEventRecordSchema = z.object({
  sequence: z.int().min(1),
  event: ReferralEventSchema,
  recordedBy: IdSchema,
  recordedByName: z.string(),
});
export type ReferralEventRecord = z.infer<typeof ReferralEventRecordSchema>;

export const VocationalReferralSchema = z.object({
  id: IdSchema,
  patientId: IdSchema,
  unitId: IdSchema,
  referrerId: IdSchema,
  referrerName: z.string(),
  adviserName: z.string().nullable(),
  createdAt: TimestampSchema,
  question: z.string(),
  riskGroup: SvaiRiskGroupSchema,
  /** The check as it stood at referral, and why it was overridden when it was. */
  eligibility: EligibilityResultSchema,
  timing: TimingHintSchema,
  overrideReason: z.string().nullable(),
  state: ReferralStateSchema,
  svai: z.object({
    riskGroup: SvaiRiskGroupSchema,
    min: z.int(),
    max: z.int(),
    delivered: z.int(),
    progress: z.enum(['below_plan', 'within_plan', 'above_plan']),
    source: z.string(),
  }),
  events: z.array(ReferralEventRecordSchema),
  notifications: z.array(ReferralNotificationRecordSchema),
});
export type VocationalReferral = z.infer<typeof VocationalReferralSchema>;

export const VocationalReferralListSchema = z.object({
  referrals: z.array(VocationalReferralSchema),
});
export type VocationalReferralList = z.infer<typeof VocationalReferralListSchema>;

export const ReferralParamsSchema = z.object({ patientId: IdSchema, referralId: IdSchema });

/** `GET /vocational-referrals?view=inbox|caseload|closed`: the adviser's work across units. */
export const REFERRAL_VIEWS = ['inbox', 'caseload', 'closed'] as const;
export const ReferralQueueQuerySchema = z.object({
  view: z.enum(REFERRAL_VIEWS).default('inbox'),
});
export type ReferralQueueQuery = z.infer<typeof ReferralQueueQuerySchema>;

export const ReferralQueueItemSchema = z.object({
  referral: VocationalReferralSchema,
  patient: z.object({ id: IdSchema, givenName: z.string(), familyName: z.string() }),
});
export const ReferralQueueSchema = z.object({
  view: z.enum(REFERRAL_VIEWS),
  items: z.array(ReferralQueueItemSchema),
});
export type ReferralQueue = z.infer<typeof ReferralQueueSchema>;

/** `GET /notifications`: the signed-in clinician's notifications, newest first. */
export const NotificationListSchema = z.object({
  notifications: z.array(ReferralNotificationRecordSchema),
  unread: z.int().min(0),
});
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const NotificationParamsSchema = z.object({ notificationId: IdSchema });
export const EmptyRequestSchema = z.strictObject({});

// ---------------------------------------------------------------------------------------------
// Convergence Dialogue Meetings

export const CreateMeetingRequestSchema = z.strictObject({
  /** The workplace, as the patient names it (e.g. "Parcel depot, Västerås"). */
  employerName: z.string().trim().min(1).max(200),
  /**
   * How the employer knows the employee (e.g. "Ines Dahl"), shown on the employer's page so that
   * they can tell whose meeting it is; null or left out shows none. Never health data.
   */
  employeeName: z.string().trim().min(1).max(100).nullable().optional(),
});
export type CreateMeetingRequest = z.infer<typeof CreateMeetingRequestSchema>;

export const MeetingParamsSchema = z.object({ patientId: IdSchema, meetingId: IdSchema });
export const MeetingStepParamsSchema = z.object({
  patientId: IdSchema,
  meetingId: IdSchema,
  step: CdmStepSchema,
});
export const EmployerLinkParamsSchema = z.object({
  patientId: IdSchema,
  meetingId: IdSchema,
  linkId: IdSchema,
});

/** `PUT .../steps/{step}`: the step's content, as the step's schema in contracts `cdm.ts`. */
export const RecordMeetingStepRequestSchema = z.union([
  CdmPatientStepSchema,
  CdmEmployerStepSchema,
  CdmJointStepSchema,
]);

/**
 * `POST .../sharing`: the patient's decisions, item by item, as the patient made them with the
 * clinician looking at the preview. Items not named keep their earlier decision.
 */
export const RecordSharingRequestSchema = z.strictObject({
  decisions: z
    .array(z.strictObject({ itemId: CdmItemIdSchema, share: z.boolean() }))
    .min(1)
    .max(200),
});
export type RecordSharingRequest = z.infer<typeof RecordSharingRequestSchema>;

export const EmployerLinkSchema = z.object({
  id: IdSchema,
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
  revokedAt: TimestampSchema.nullable(),
  lastOpenedAt: TimestampSchema.nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
});
export type EmployerLink = z.infer<typeof EmployerLinkSchema>;

export const CreateEmployerLinkRequestSchema = z.strictObject({
  expiresInDays: z.int().min(1).max(90).default(30),
});
export type CreateEmployerLinkRequest = z.input<typeof CreateEmployerLinkRequestSchema>;

/** The link's token is shown once, in `url`'s fragment; only its hash is kept. */
export const CreatedEmployerLinkSchema = z.object({
  link: EmployerLinkSchema,
  url: z.string(),
});
export type CreatedEmployerLink = z.infer<typeof CreatedEmployerLinkSchema>;

/**
 * The patient's decisions in force. `via`: `staff` when a clinician or adviser recorded them with
 * the patient (`recordedBy`, `recordedByName`), `patient` when the patient made them through their
 * own approval link (`recordedBy` and `recordedByName` null).
 */
export const MeetingSharingSchema = z.object({
  decisions: z.array(
    z.object({
      itemId: CdmItemIdSchema,
      share: z.boolean(),
      at: TimestampSchema,
      via: z.enum(['staff', 'patient']),
      recordedBy: IdSchema.nullable(),
      recordedByName: z.string().nullable(),
    }),
  ),
  revokedAt: TimestampSchema.nullable(),
  /** Who withdrew the consent, when it is withdrawn. */
  revokedVia: z.enum(['staff', 'patient']).nullable(),
});

export const MeetingSchema = z.object({
  id: IdSchema,
  patientId: IdSchema,
  employerName: z.string(),
  /** The name the employer knows the employee by, shown on the employer's page; null: none. */
  employeeName: z.string().nullable(),
  createdAt: TimestampSchema,
  createdBy: IdSchema,
  record: CdmRecordSchema,
  nextStep: z.union([CdmStepSchema, z.literal('complete')]),
  /** What is missing or inconsistent (core `checkCdm`), e.g. an action without a date. */
  issues: z.array(CdmIssueSchema),
  sharing: MeetingSharingSchema,
  /** The employer's links. */
  links: z.array(EmployerLinkSchema),
  /** The patient's own approval links (`/a#<token>`). */
  patientLinks: z.array(EmployerLinkSchema),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const MeetingListSchema = z.object({ meetings: z.array(MeetingSchema) });
export type MeetingList = z.infer<typeof MeetingListSchema>;

/** `GET .../employer-preview`: exactly what the employer's link shows, and what is kept back. */
export const MeetingPreviewSchema = EmployerViewPreviewSchema.extend({
  checkpoints: z.array(CheckpointSchema),
});
export type MeetingPreview = z.infer<typeof MeetingPreviewSchema>;

/**
 * `GET /employer/meeting` with the link's token as Bearer: the meeting as the employer may see
 * it, the workplace's name and the statutory deadlines that fall to the employer. Never
 * diagnoses, scores, flags or the patient's identity beyond what the patient chose to share.
 */
export const EmployerMeetingPageSchema = z.object({
  employerName: z.string(),
  /** Whose meeting it is, as the care team entered it for the employer; null: not given. */
  employeeName: z.string().nullable(),
  view: EmployerViewSchema,
  checkpoints: z.array(CheckpointSchema),
  expiresAt: TimestampSchema,
});
export type EmployerMeetingPage = z.infer<typeof EmployerMeetingPageSchema>;

// ---------------------------------------------------------------------------------------------
// The patient's own approval link

/**
 * `POST .../cdm-meetings/{meetingId}/patient-links`: a link for the patient to choose, on their
 * own phone or computer, what the employer sees (`PUBLIC_URL/a#<token>`, shown once). Answered
 * with `CreatedEmployerLinkSchema`'s shape.
 */
export const CreatePatientLinkRequestSchema = z.strictObject({
  expiresInDays: z.int().min(1).max(30).default(7),
});
export type CreatePatientLinkRequest = z.input<typeof CreatePatientLinkRequestSchema>;

export const PatientLinkParamsSchema = EmployerLinkParamsSchema;

/** Which part of the meeting an item comes from. */
export const SHARING_SECTIONS = [
  'obstacles',
  'resources',
  'employerView',
  'possibleAdjustments',
  'actionPlan',
] as const;

/** One item the patient decides on; `shareable` is false for health items (never shown). */
export const SharingItemSchema = z.object({
  id: CdmItemIdSchema,
  section: z.enum(SHARING_SECTIONS),
  /** The item's category; `action` for an action-plan item. */
  category: z.string(),
  text: z.string(),
  /** For an action-plan item: who and by when. */
  who: CdmActorSchema.nullable(),
  byWhen: CalendarDateSchema.nullable(),
  shareable: z.boolean(),
  /** The decision in force; null when none has been made (not shared). */
  share: z.boolean().nullable(),
});
export type SharingItem = z.infer<typeof SharingItemSchema>;

/**
 * `GET /sharing` with the patient's approval token as Bearer: the meeting's items to decide on,
 * the decisions in force, and exactly what the employer would see now. `POST /sharing`
 * (`RecordSharingRequestSchema`) records the patient's decisions and `POST /sharing/revocation`
 * withdraws them; both answer with this page.
 */
export const PatientSharingPageSchema = z.object({
  employerName: z.string(),
  meetingDates: z.object({
    patientClinician: CalendarDateSchema.nullable(),
    clinicianEmployer: CalendarDateSchema.nullable(),
    joint: CalendarDateSchema.nullable(),
  }),
  items: z.array(SharingItemSchema),
  revokedAt: TimestampSchema.nullable(),
  preview: EmployerViewPreviewSchema,
  expiresAt: TimestampSchema,
});
export type PatientSharingPage = z.infer<typeof PatientSharingPageSchema>;
