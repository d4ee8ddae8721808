import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../common';

/**
 * What a patient consents to: care (being treated and recorded here), research (use of their
 * pseudonymised data in a study), employer sharing (the care team may talk to the employer).
 */
export const CONSENT_KINDS = ['care', 'research', 'employer_sharing'] as const;
export const ConsentKindSchema = z.enum(CONSENT_KINDS);
export type ConsentKind = z.infer<typeof ConsentKindSchema>;

export const RecordConsentRequestSchema = z.strictObject({
  kind: ConsentKindSchema,
  /** When the patient gave it; defaults to now. Never in the future. */
  givenAt: TimestampSchema.optional(),
});
export type RecordConsentRequest = z.infer<typeof RecordConsentRequestSchema>;

/** `POST .../consents/{id}/revocation`: when the patient withdrew it; defaults to now. */
export const RevokeConsentRequestSchema = z.strictObject({
  revokedAt: TimestampSchema.optional(),
});
export type RevokeConsentRequest = z.infer<typeof RevokeConsentRequestSchema>;

/** A consent; `revokedAt` set means it no longer holds (a new one may be recorded). */
export const ConsentSchema = z.object({
  id: IdSchema,
  kind: ConsentKindSchema,
  givenAt: TimestampSchema,
  recordedBy: IdSchema,
  revokedAt: TimestampSchema.nullable(),
  revokedBy: IdSchema.nullable(),
  active: z.boolean(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const ConsentListSchema = z.object({ consents: z.array(ConsentSchema) });
export type ConsentList = z.infer<typeof ConsentListSchema>;

export const ConsentParamsSchema = z.object({ patientId: IdSchema, consentId: IdSchema });
