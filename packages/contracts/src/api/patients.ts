import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../common';
import { SbtScoresSchema } from '../instruments/score-result';

export const CreatePatientRequestSchema = z.strictObject({
  givenName: z.string().trim().min(1).max(100),
  familyName: z.string().trim().min(1).max(100),
  birthYear: z.int().min(1900).max(2100).optional(),
});
export type CreatePatientRequest = z.infer<typeof CreatePatientRequestSchema>;

/** The latest scored STarT Back response of a patient. */
export const SbtResultSchema = z.object({
  responseId: IdSchema,
  submittedAt: TimestampSchema,
  instrumentVersion: z.string(),
  scores: SbtScoresSchema,
});
export type SbtResult = z.infer<typeof SbtResultSchema>;

export const PatientSummarySchema = z.object({
  id: IdSchema,
  givenName: z.string(),
  familyName: z.string(),
  birthYear: z.int().nullable(),
  createdAt: TimestampSchema,
  latestSbt: SbtResultSchema.nullable(),
});
export type PatientSummary = z.infer<typeof PatientSummarySchema>;

export const PatientListSchema = z.object({ patients: z.array(PatientSummarySchema) });
export type PatientList = z.infer<typeof PatientListSchema>;

export const ASSIGNMENT_STATUSES = ['open', 'submitted', 'expired', 'revoked'] as const;

export const AssignmentSchema = z.object({
  id: IdSchema,
  instrument: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
  submittedAt: TimestampSchema.nullable(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const PatientDetailSchema = PatientSummarySchema.extend({
  assignments: z.array(AssignmentSchema),
  sbtResults: z.array(SbtResultSchema),
});
export type PatientDetail = z.infer<typeof PatientDetailSchema>;

export const PatientIdParamsSchema = z.object({ patientId: IdSchema });

export const CreateLinkRequestSchema = z.strictObject({
  instrument: z.literal('sbt'),
});
export type CreateLinkRequest = z.infer<typeof CreateLinkRequestSchema>;

/**
 * A new questionnaire link. The URL carries the token in its fragment (`/q#<token>`), so the
 * token never reaches a server log or a `Referer` header. It is shown once: only its hash is
 * stored. Issuing a new link revokes the patient's older open links for that instrument.
 */
export const QuestionnaireLinkSchema = z.object({
  assignment: AssignmentSchema,
  url: z.url(),
});
export type QuestionnaireLink = z.infer<typeof QuestionnaireLinkSchema>;
