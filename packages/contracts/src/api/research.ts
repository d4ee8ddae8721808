import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema } from '../common';
import { UrgencySchema } from '../instruments/scores';
import { FlagColourSchema } from '../triage';
import { BodyRegionSchema, DiagnosisCodeSystemSchema } from './episodes';
import { PlanDecisionSchema } from './plans';

/**
 * The pseudonymised view researchers get: a random `researchId` instead of any identifier, no
 * name, national id, contact, free-text note or reason, and only patients whose research
 * consent is active. The schemas have no field that could carry a direct identifier.
 */
export const ResearchPatientSummarySchema = z.strictObject({
  researchId: IdSchema,
  /** The care centre: a cluster of the trial. */
  unitId: IdSchema,
  birthYear: z.int().nullable(),
  enrolledOn: DateSchema,
});
export type ResearchPatientSummary = z.infer<typeof ResearchPatientSummarySchema>;

export const ResearchPatientListSchema = z.strictObject({
  patients: z.array(ResearchPatientSummarySchema),
});
export type ResearchPatientList = z.infer<typeof ResearchPatientListSchema>;

export const ResearchPatientSchema = ResearchPatientSummarySchema.extend({
  episodes: z.array(
    z.strictObject({
      bodyRegion: BodyRegionSchema,
      onsetOn: DateSchema.nullable(),
      startedOn: DateSchema,
      endedOn: DateSchema.nullable(),
      diagnoses: z.array(z.strictObject({ system: DiagnosisCodeSystemSchema, code: z.string() })),
    }),
  ),
  responses: z.array(
    z.strictObject({
      instrument: z.string(),
      instrumentVersion: z.string(),
      timepoint: z.string().nullable(),
      submittedAt: TimestampSchema,
      complete: z.boolean(),
      scores: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  plans: z.array(
    z.strictObject({
      pathway: z.strictObject({ id: z.string(), version: z.string(), hash: z.string() }),
      urgency: UrgencySchema,
      flags: z.array(z.strictObject({ colour: FlagColourSchema, code: z.string() })),
      components: z.array(
        z.strictObject({
          code: z.string(),
          decision: PlanDecisionSchema.nullable(),
          deliveredOn: DateSchema.nullable(),
        }),
      ),
      createdAt: TimestampSchema,
    }),
  ),
  protocol: z.array(
    z.strictObject({
      interventionCode: z.string(),
      performedOn: DateSchema,
      durationMinutes: z.int().nullable(),
    }),
  ),
});
export type ResearchPatient = z.infer<typeof ResearchPatientSchema>;

export const ResearchPatientParamsSchema = z.object({ researchId: IdSchema });
