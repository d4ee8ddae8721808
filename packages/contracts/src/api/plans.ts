import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema } from '../common';
import { UrgencySchema } from '../instruments/scores';
import { FlagColourSchema, PLAN_ITEM_STATUSES, TriageResultSchema } from '../triage';

/**
 * `POST /api/v1/patients/{id}/plans`: store a triage result as the patient's plan. The whole
 * output is kept (flags, urgency, components with their `because`), with the pathway's id,
 * version and content hash, so the plan names exactly the flow chart that made it.
 */
export const CreatePlanRequestSchema = z.strictObject({
  episodeId: IdSchema.optional(),
  triage: TriageResultSchema.refine(
    (result) => new Set(result.plan.map((item) => item.code)).size === result.plan.length,
    { message: 'each plan component only once', path: ['plan'] },
  ),
});
export type CreatePlanRequest = z.infer<typeof CreatePlanRequestSchema>;

/** The clinician's decision on a proposed component. */
export const PLAN_DECISIONS = ['accepted', 'changed', 'declined'] as const;
export const PlanDecisionSchema = z.enum(PLAN_DECISIONS);
export type PlanDecision = z.infer<typeof PlanDecisionSchema>;

/**
 * `PUT .../plans/{planId}/components/{code}`: the decision on one component. A reason is
 * required when it was changed or declined; `deliveredOn` records that it was given (not for a
 * declined one).
 */
export const DecideComponentRequestSchema = z
  .strictObject({
    decision: PlanDecisionSchema,
    reason: z.string().trim().min(1).max(2000).optional(),
    deliveredOn: DateSchema.optional(),
  })
  .superRefine((body, issues) => {
    if (body.decision !== 'accepted' && body.reason === undefined) {
      issues.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `a reason is required when a component is ${body.decision}`,
      });
    }
    if (body.decision === 'declined' && body.deliveredOn !== undefined) {
      issues.addIssue({
        code: 'custom',
        path: ['deliveredOn'],
        message: 'a declined component is not delivered',
      });
    }
  });
export type DecideComponentRequest = z.infer<typeof DecideComponentRequestSchema>;

export const PlanComponentSchema = z.object({
  code: z.string(),
  title: z.string(),
  status: z.enum(PLAN_ITEM_STATUSES),
  decision: PlanDecisionSchema.nullable(),
  reason: z.string().nullable(),
  decidedBy: IdSchema.nullable(),
  decidedAt: TimestampSchema.nullable(),
  deliveredOn: DateSchema.nullable(),
});
export type PlanComponent = z.infer<typeof PlanComponentSchema>;

export const PlanSummarySchema = z.object({
  id: IdSchema,
  episodeId: IdSchema.nullable(),
  pathway: z.object({ id: z.string(), version: z.string(), hash: z.string() }),
  urgency: UrgencySchema,
  flags: z.array(z.object({ colour: FlagColourSchema, code: z.string() })),
  components: z.array(PlanComponentSchema),
  /** The questionnaire link whose answers made the plan; null for a plan a clinician stored. */
  assignmentId: IdSchema.nullable(),
  /** Null when triage made the plan as the patient sent their answers. */
  createdBy: IdSchema.nullable(),
  createdAt: TimestampSchema,
});
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

/** One plan with the triage output it was made from. */
export const PlanSchema = PlanSummarySchema.extend({ triage: TriageResultSchema });
export type Plan = z.infer<typeof PlanSchema>;

export const PlanListSchema = z.object({ plans: z.array(PlanSummarySchema) });
export type PlanList = z.infer<typeof PlanListSchema>;

export const PlanParamsSchema = z.object({ patientId: IdSchema, planId: IdSchema });
export const PlanComponentParamsSchema = PlanParamsSchema.extend({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
});
