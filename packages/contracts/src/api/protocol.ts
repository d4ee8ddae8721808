import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema } from '../common';
import { PlanComponentCodeSchema } from '../triage';

/**
 * One measure of the treatment protocol: what was done (a plan component code of contracts.md
 * §3a, or a pathway's own `x_` code), on which day, by whom, for how long.
 */
export const CreateProtocolEntryRequestSchema = z.strictObject({
  interventionCode: PlanComponentCodeSchema,
  performedOn: DateSchema,
  /** The staff member who gave it; defaults to the one recording it. */
  providerId: IdSchema.optional(),
  durationMinutes: z
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  notes: z.string().trim().min(1).max(4000).optional(),
  episodeId: IdSchema.optional(),
  planId: IdSchema.optional(),
});
export type CreateProtocolEntryRequest = z.infer<typeof CreateProtocolEntryRequestSchema>;

export const ProtocolEntrySchema = z.object({
  id: IdSchema,
  interventionCode: z.string(),
  performedOn: DateSchema,
  providerId: IdSchema,
  durationMinutes: z.int().nullable(),
  notes: z.string().nullable(),
  episodeId: IdSchema.nullable(),
  planId: IdSchema.nullable(),
  createdBy: IdSchema,
  createdAt: TimestampSchema,
});
export type ProtocolEntry = z.infer<typeof ProtocolEntrySchema>;

export const ProtocolSchema = z.object({ entries: z.array(ProtocolEntrySchema) });
export type Protocol = z.infer<typeof ProtocolSchema>;

/**
 * `POST /api/v1/patients/{id}/protocol/sessions`: a treatment session in one go, each measure
 * given as a protocol entry on the same day (fast entry after a visit). With `planId`, a
 * measure that is an accepted or changed component of that plan marks it delivered that day.
 */
export const CreateSessionRequestSchema = z.strictObject({
  performedOn: DateSchema,
  measures: z
    .array(
      z.strictObject({
        interventionCode: PlanComponentCodeSchema,
        durationMinutes: z
          .int()
          .min(1)
          .max(24 * 60)
          .optional(),
      }),
    )
    .min(1)
    .max(20)
    .refine(
      (measures) => new Set(measures.map((m) => m.interventionCode)).size === measures.length,
      { message: 'each measure only once' },
    ),
  notes: z.string().trim().min(1).max(4000).optional(),
  episodeId: IdSchema.optional(),
  planId: IdSchema.optional(),
});
export type CreateSessionRequest = z.infer<typeof CreateSessionRequestSchema>;

export const SessionSchema = z.object({
  entries: z.array(ProtocolEntrySchema),
  /** Plan components this session marked delivered. */
  delivered: z.array(z.string()),
});
export type Session = z.infer<typeof SessionSchema>;
