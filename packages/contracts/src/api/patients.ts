import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema } from '../common';
import { InstrumentIdSchema } from '../instruments/catalog';
import { SbtScoresSchema, ScoreValueSchema } from '../instruments/score-result';

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
  /** The first instrument of the link. */
  instrument: z.string(),
  /** Every instrument of the link, in the order the patient answers them. */
  instruments: z.array(z.string()).min(1),
  status: z.enum(ASSIGNMENT_STATUSES),
  episodeId: IdSchema.nullable(),
  timepoint: TimepointSchema.nullable(),
  dueOn: DateSchema.nullable(),
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
  submittedAt: TimestampSchema.nullable(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

/**
 * One scored response to any instrument, with the timepoint of its link. `scores` is null when
 * the instrument's missing-data rule did not allow scoring.
 */
export const InstrumentResultSchema = z.object({
  responseId: IdSchema,
  instrument: z.string(),
  instrumentVersion: z.string(),
  timepoint: z.string().nullable(),
  submittedAt: TimestampSchema,
  complete: z.boolean(),
  scores: z.record(z.string(), ScoreValueSchema).nullable(),
});
export type InstrumentResult = z.infer<typeof InstrumentResultSchema>;

export const PatientDetailSchema = PatientSummarySchema.extend({
  unitId: IdSchema,
  identity: PatientIdentitySchema,
  assignments: z.array(AssignmentSchema),
  sbtResults: z.array(SbtResultSchema),
  /** Every scored response, oldest first: the latest scores and the trajectory over timepoints. */
  results: z.array(InstrumentResultSchema),
});
export type PatientDetail = z.infer<typeof PatientDetailSchema>;

export const PatientIdParamsSchema = z.object({ patientId: IdSchema });

/** Instruments a patient can answer through a link: all but the structure-only STarT MSK. */
export const LinkInstrumentSchema = InstrumentIdSchema.exclude(['startmsk']);
export type LinkInstrument = z.infer<typeof LinkInstrumentSchema>;

/**
 * The baseline screening of issue 6, in the order the patient answers it: STarT Back,
 * ÖMPSQ-10, ODI, EQ-5D-3L, pain, work, motivation, red flags (the WorkUp screening,
 * reference.md §21, with the flags of §15 and §16).
 */
export const BASELINE_INSTRUMENTS = [
  'sbt',
  'ompsq10',
  'odi',
  'eq5d3l',
  'pain_nrs',
  'work',
  'motivation',
  'red_flags',
] as const satisfies readonly LinkInstrument[];

/**
 * `POST /api/v1/patients/{id}/questionnaire-links`: one `instrument`, or an ordered set of
 * `instruments` answered through one link (each at most once).
 */
export const CreateLinkRequestSchema = z
  .strictObject({
    instrument: LinkInstrumentSchema.optional(),
    instruments: z
      .array(LinkInstrumentSchema)
      .min(1)
      .max(20)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'each instrument only once' })
      .optional(),
    /** The episode of care the questionnaire belongs to, if any (of the same patient). */
    episodeId: IdSchema.optional(),
    timepoint: TimepointSchema.optional(),
    dueOn: DateSchema.optional(),
  })
  .refine((body) => (body.instrument === undefined) !== (body.instruments === undefined), {
    message: 'send either "instrument" or "instruments"',
    path: ['instruments'],
  });
export type CreateLinkRequest = z.infer<typeof CreateLinkRequestSchema>;

/**
 * A new questionnaire link. The URL carries the token in its fragment (`/q#<token>`), so the
 * token never reaches a server log or a `Referer` header. It is shown once: only its hash is
 * stored. Issuing a new link revokes the patient's older open links for the same instruments.
 */
export const QuestionnaireLinkSchema = z.object({
  assignment: AssignmentSchema,
  url: z.url(),
});
export type QuestionnaireLink = z.infer<typeof QuestionnaireLinkSchema>;
