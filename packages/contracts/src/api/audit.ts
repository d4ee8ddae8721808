import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../common';

export const AUDIT_ACTOR_TYPES = ['staff', 'patient_link', 'employer_link', 'system'] as const;
export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const;

/**
 * One entry of a patient's access log: who (the staff member's id, or the questionnaire link),
 * did what, with which outcome, in which request, when (UTC). Codes and ids only.
 */
export const AccessLogEntrySchema = z.object({
  id: z.int(),
  at: TimestampSchema,
  actorType: z.enum(AUDIT_ACTOR_TYPES),
  actorId: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(AUDIT_OUTCOMES),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntrySchema>;

/** Newest first; `nextBefore` fetches the next page (`?before=`), null at the end. */
export const AccessLogSchema = z.object({
  patientId: IdSchema,
  entries: z.array(AccessLogEntrySchema),
  nextBefore: z.int().nullable(),
});
export type AccessLog = z.infer<typeof AccessLogSchema>;

export const AccessLogQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  before: z.coerce.number().int().positive().optional(),
});
