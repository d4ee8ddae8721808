import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../common';
import { SbtRiskSchema } from '../instruments/score-result';
import { UrgencySchema } from '../instruments/scores';
import { FLAG_COLOURS, FlagColourSchema } from '../triage';

/**
 * The clinician's worklist (issue 6): red-flag tasks and the caseload sorted so that emergency
 * and urgent red flags come first.
 */

/** How a red-flag task ends: the patient was referred on, or the suspicion was ruled out. */
export const RED_FLAG_TASK_OUTCOMES = ['referred', 'ruled_out'] as const;
export const RedFlagTaskOutcomeSchema = z.enum(RED_FLAG_TASK_OUTCOMES);
export type RedFlagTaskOutcome = z.infer<typeof RedFlagTaskOutcomeSchema>;

/**
 * A red flag that needs a clinician: opened with a plan whose urgency is emergency or urgent,
 * due by a deadline (emergency: the end of that day in the site's time zone; urgent: 24 hours),
 * acknowledged by a clinician, escalated to the unit's lead when the deadline passes without an
 * acknowledgement, and closed only with an outcome. `overdue`: the deadline has passed without
 * an acknowledgement (at the time of the answer).
 */
export const RedFlagTaskSchema = z.object({
  id: IdSchema,
  patientId: IdSchema,
  planId: IdSchema,
  urgency: z.enum(['emergency', 'urgent']),
  /** The plan's red flag codes: `cauda_equina`, `malignancy`... */
  flags: z.array(z.string()),
  openedAt: TimestampSchema,
  dueAt: TimestampSchema,
  status: z.enum(['open', 'acknowledged', 'closed']),
  overdue: z.boolean(),
  acknowledgedAt: TimestampSchema.nullable(),
  acknowledgedBy: IdSchema.nullable(),
  escalatedAt: TimestampSchema.nullable(),
  /** The unit's lead it escalated to; null when not escalated or the unit names no lead. */
  escalatedTo: IdSchema.nullable(),
  closedAt: TimestampSchema.nullable(),
  closedBy: IdSchema.nullable(),
  outcome: RedFlagTaskOutcomeSchema.nullable(),
  note: z.string().nullable(),
});
export type RedFlagTask = z.infer<typeof RedFlagTaskSchema>;

export const RedFlagTaskListSchema = z.object({ tasks: z.array(RedFlagTaskSchema) });
export type RedFlagTaskList = z.infer<typeof RedFlagTaskListSchema>;

export const TaskParamsSchema = z.object({ patientId: IdSchema, taskId: IdSchema });

/** Closing a task: the outcome is required; a short note is optional (kept in the record). */
/** Acknowledging a task carries nothing but the act itself (an empty JSON object). */
export const AcknowledgeTaskRequestSchema = z.strictObject({});
export type AcknowledgeTaskRequest = z.infer<typeof AcknowledgeTaskRequestSchema>;

export const CloseTaskRequestSchema = z.strictObject({
  outcome: RedFlagTaskOutcomeSchema,
  note: z.string().trim().min(1).max(2000).optional(),
});
export type CloseTaskRequest = z.infer<typeof CloseTaskRequestSchema>;

/**
 * `GET /api/v1/caseload`: filters. `flag`: the latest plan raised a flag of that colour;
 * `risk`: the latest STarT Back or ÖMPSQ-10 risk group; `overdue`: a questionnaire link past
 * its due date is still unanswered.
 */
export const CaseloadQuerySchema = z.object({
  flag: z.enum(FLAG_COLOURS).optional(),
  risk: SbtRiskSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type CaseloadQuery = z.infer<typeof CaseloadQuerySchema>;

export const CaseloadEntrySchema = z.object({
  patient: z.object({
    id: IdSchema,
    givenName: z.string(),
    familyName: z.string(),
    birthYear: z.int().nullable(),
  }),
  /** The most pressing open red-flag task, if any. */
  task: RedFlagTaskSchema.nullable(),
  /** The latest plan's urgency and flags; null without a plan. */
  urgency: UrgencySchema.nullable(),
  flags: z.array(z.object({ colour: FlagColourSchema, code: z.string() })),
  risk: z.object({ sbt: SbtRiskSchema.nullable(), ompsq10: SbtRiskSchema.nullable() }),
  /** Questionnaire links past their due date and still unanswered. */
  overdueQuestionnaires: z.int().min(0),
  lastAnsweredAt: TimestampSchema.nullable(),
});
export type CaseloadEntry = z.infer<typeof CaseloadEntrySchema>;

/**
 * The caseload of the person's units: open emergency red-flag tasks first (earliest deadline
 * first), then urgent ones, then by the latest plan's urgency, then by name. `now` is the
 * server's time of the answer, against which `overdue` was decided.
 */
export const CaseloadSchema = z.object({
  now: TimestampSchema,
  entries: z.array(CaseloadEntrySchema),
});
export type Caseload = z.infer<typeof CaseloadSchema>;
