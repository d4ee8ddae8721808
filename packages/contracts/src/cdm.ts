import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';
import { CalendarDateSchema } from './rtw';

/**
 * Convergence Dialogue Meeting (issue 7; reference.md §18, §21): the three steps, the written
 * action plan, the patient's item-by-item consent to share with the employer, and the employer's
 * view. The rules (step order, what the employer may see) live in `@workup/core`
 * (`packages/core/src/cdm/`, docs/vocational-and-cdm.md).
 */

/** Item ids are short opaque strings chosen by the caller (e.g. a UUID). */
export const CdmItemIdSchema = z.string().min(1).max(64);

/**
 * What a step-1 or step-2 item is about. `health` (symptoms, diagnosis, treatment) is never shown
 * to the employer, whatever the consent says.
 */
export const CDM_ITEM_CATEGORIES = [
  'work_tasks',
  'work_demands',
  'working_hours',
  'workplace_relations',
  'support',
  'adjustment',
  'health',
  'other',
] as const;
export const CdmItemCategorySchema = z.enum(CDM_ITEM_CATEGORIES);
export type CdmItemCategory = z.infer<typeof CdmItemCategorySchema>;

export const CdmItemSchema = z.strictObject({
  id: CdmItemIdSchema,
  category: CdmItemCategorySchema,
  text: z.string().min(1).max(1000),
});
export type CdmItem = z.infer<typeof CdmItemSchema>;

/** Who carries out an action. */
export const CDM_ACTORS = ['patient', 'employer', 'clinician', 'other'] as const;
export const CdmActorSchema = z.enum(CDM_ACTORS);
export type CdmActor = z.infer<typeof CdmActorSchema>;

/** One item of the written action plan: what, who, by when. */
export const CdmActionItemSchema = z.strictObject({
  id: CdmItemIdSchema,
  what: z.string().min(1).max(1000),
  who: CdmActorSchema,
  byWhen: CalendarDateSchema,
});
export type CdmActionItem = z.infer<typeof CdmActionItemSchema>;

/** Step 1, patient and clinician: obstacles and resources for work. */
export const CdmPatientStepSchema = z.strictObject({
  heldOn: CalendarDateSchema,
  obstacles: z.array(CdmItemSchema),
  resources: z.array(CdmItemSchema),
});
export type CdmPatientStep = z.infer<typeof CdmPatientStepSchema>;

/** Step 2, clinician and employer: the employer's view and possible adjustments. */
export const CdmEmployerStepSchema = z.strictObject({
  heldOn: CalendarDateSchema,
  employerView: z.array(CdmItemSchema),
  possibleAdjustments: z.array(CdmItemSchema),
});
export type CdmEmployerStep = z.infer<typeof CdmEmployerStepSchema>;

/** Step 3, the joint meeting: the agreed action plan and a review date. */
export const CdmJointStepSchema = z.strictObject({
  heldOn: CalendarDateSchema,
  actionPlan: z.array(CdmActionItemSchema),
  reviewOn: CalendarDateSchema,
});
export type CdmJointStep = z.infer<typeof CdmJointStepSchema>;

/**
 * Clinical context the clinician keeps beside the meeting. Never shown to the employer: its ids
 * may appear in a consent by mistake and are still withheld.
 */
export const CdmClinicalItemSchema = z.strictObject({
  id: CdmItemIdSchema,
  kind: z.enum(['diagnosis', 'score', 'flag', 'note']),
  text: z.string().min(1).max(1000),
});
export type CdmClinicalItem = z.infer<typeof CdmClinicalItemSchema>;

/** A meeting as recorded; a step is null until it has been held. */
export const CdmRecordSchema = z.strictObject({
  meetingId: IdSchema,
  patientClinician: CdmPatientStepSchema.nullable(),
  clinicianEmployer: CdmEmployerStepSchema.nullable(),
  joint: CdmJointStepSchema.nullable(),
  clinical: z.array(CdmClinicalItemSchema),
});
export type CdmRecord = z.infer<typeof CdmRecordSchema>;

export const CDM_STEPS = ['patient_clinician', 'clinician_employer', 'joint'] as const;
export const CdmStepSchema = z.enum(CDM_STEPS);
export type CdmStep = z.infer<typeof CdmStepSchema>;

export const CdmIssueSchema = z.strictObject({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type CdmIssue = z.infer<typeof CdmIssueSchema>;

/** One of the patient's sharing decisions; the latest decision for an item wins. */
export const CdmSharingDecisionSchema = z.strictObject({
  itemId: CdmItemIdSchema,
  share: z.boolean(),
  at: TimestampSchema,
});
export type CdmSharingDecision = z.infer<typeof CdmSharingDecisionSchema>;

/**
 * The patient's consent to share with the employer, item by item. `revokedAt` set withdraws it
 * altogether: the employer then sees the meeting's dates only.
 */
export const CdmSharingConsentSchema = z.strictObject({
  decisions: z.array(CdmSharingDecisionSchema),
  revokedAt: TimestampSchema.nullable(),
});
export type CdmSharingConsent = z.infer<typeof CdmSharingConsentSchema>;

const sharedText = z.strictObject({ id: CdmItemIdSchema, text: z.string() });

/** Exactly what the employer may see. Nothing else is ever in it. */
export const EmployerViewSchema = z.strictObject({
  meetingId: IdSchema,
  employerMeetingOn: CalendarDateSchema.nullable(),
  jointMeetingOn: CalendarDateSchema.nullable(),
  obstacles: z.array(sharedText),
  resources: z.array(sharedText),
  employerView: z.array(sharedText),
  possibleAdjustments: z.array(sharedText),
  actionPlan: z.array(CdmActionItemSchema),
  reviewOn: CalendarDateSchema.nullable(),
});
export type EmployerView = z.infer<typeof EmployerViewSchema>;

export const WITHHELD_REASONS = [
  'not_shared',
  'consent_revoked',
  'health_information',
  'clinical_information',
] as const;
export const WithheldReasonSchema = z.enum(WITHHELD_REASONS);
export type WithheldReason = z.infer<typeof WithheldReasonSchema>;

/** The patient's preview: what the employer will see, and each item kept back with why. */
export const EmployerViewPreviewSchema = z.strictObject({
  view: EmployerViewSchema,
  withheld: z.array(
    z.strictObject({
      itemId: CdmItemIdSchema,
      section: z.string(),
      reason: WithheldReasonSchema,
    }),
  ),
});
export type EmployerViewPreview = z.infer<typeof EmployerViewPreviewSchema>;
