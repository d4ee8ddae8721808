import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema } from '../common';
import { SbtScoresSchema } from '../instruments/score-result';

/**
 * National identity number systems: Swedish personnummer and samordningsnummer, Norwegian
 * fødselsnummer and D-nummer, Finnish henkilötunnus, UK NHS number; `other` for the rest.
 */
export const NATIONAL_ID_SYSTEMS = [
  'se_personnummer',
  'se_samordningsnummer',
  'no_fodselsnummer',
  'no_d_nummer',
  'fi_hetu',
  'uk_nhs_number',
  'other',
] as const;
export const NationalIdSystemSchema = z.enum(NATIONAL_ID_SYSTEMS);

/** A national identity number with its system. A direct identifier: never shown to research. */
export const NationalIdSchema = z.strictObject({
  system: NationalIdSystemSchema,
  value: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z+\- ]{4,40}$/, 'digits, letters, spaces, "+" or "-"'),
});
export type NationalId = z.infer<typeof NationalIdSchema>;

const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{3,40}$/, 'a telephone number');
const ContactEmailSchema = z.email().max(254);

export const CreatePatientRequestSchema = z.strictObject({
  givenName: z.string().trim().min(1).max(100),
  familyName: z.string().trim().min(1).max(100),
  birthYear: z.int().min(1900).max(2100).optional(),
  nationalId: NationalIdSchema.optional(),
  phone: PhoneSchema.optional(),
  email: ContactEmailSchema.optional(),
});
export type CreatePatientRequest = z.infer<typeof CreatePatientRequestSchema>;

/** `PATCH /api/v1/patients/{id}`: the fields to change; `null` clears an optional one. */
export const UpdatePatientRequestSchema = z
  .strictObject({
    givenName: z.string().trim().min(1).max(100).optional(),
    familyName: z.string().trim().min(1).max(100).optional(),
    birthYear: z.int().min(1900).max(2100).nullable().optional(),
    nationalId: NationalIdSchema.nullable().optional(),
    phone: PhoneSchema.nullable().optional(),
    email: ContactEmailSchema.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one field' });
export type UpdatePatientRequest = z.infer<typeof UpdatePatientRequestSchema>;

/** Direct identifiers and contact details, kept apart from clinical data. */
export const PatientIdentitySchema = z.object({
  nationalId: NationalIdSchema.nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type PatientIdentity = z.infer<typeof PatientIdentitySchema>;

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

/** When in the follow-up a questionnaire belongs: `baseline`, `week_6`, `month_12`... */
export const TimepointSchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'e.g. baseline, month_3');

export const AssignmentSchema = z.object({
  id: IdSchema,
  instrument: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  episodeId: IdSchema.nullable(),
  timepoint: TimepointSchema.nullable(),
  dueOn: DateSchema.nullable(),
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
  submittedAt: TimestampSchema.nullable(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const PatientDetailSchema = PatientSummarySchema.extend({
  unitId: IdSchema,
  identity: PatientIdentitySchema,
  assignments: z.array(AssignmentSchema),
  sbtResults: z.array(SbtResultSchema),
});
export type PatientDetail = z.infer<typeof PatientDetailSchema>;

export const PatientIdParamsSchema = z.object({ patientId: IdSchema });

export const CreateLinkRequestSchema = z.strictObject({
  instrument: z.literal('sbt'),
  /** The episode of care the questionnaire belongs to, if any (of the same patient). */
  episodeId: IdSchema.optional(),
  timepoint: TimepointSchema.optional(),
  dueOn: DateSchema.optional(),
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
