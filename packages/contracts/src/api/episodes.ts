import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema } from '../common';

/** Body regions of an episode of care; low back first, the platform's main concern. */
export const BODY_REGIONS = [
  'low_back',
  'neck',
  'thoracic_back',
  'shoulder',
  'hip',
  'knee',
  'multisite',
  'other',
] as const;
export const BodyRegionSchema = z.enum(BODY_REGIONS);
export type BodyRegion = z.infer<typeof BodyRegionSchema>;

/** Code systems for diagnoses: ICD-10 (and national editions such as ICD-10-SE) and ICPC-2. */
export const DIAGNOSIS_CODE_SYSTEMS = ['icd10', 'icpc2'] as const;
export const DiagnosisCodeSystemSchema = z.enum(DIAGNOSIS_CODE_SYSTEMS);

/** ICD-10: a letter, two digits and optional subdivisions after a dot (`M54.5`, `M51.1A`). */
export const ICD10_CODE_PATTERN = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;
/** ICPC-2: a chapter letter and two digits (`L03` low back symptom, `L86` with radiation). */
export const ICPC2_CODE_PATTERN = /^[A-Z][0-9]{2}$/;

/** A diagnosis code with its code system; the first in a list is the main diagnosis. */
export const DiagnosisSchema = z
  .strictObject({ system: DiagnosisCodeSystemSchema, code: z.string() })
  .refine(
    (diagnosis) =>
      (diagnosis.system === 'icd10' ? ICD10_CODE_PATTERN : ICPC2_CODE_PATTERN).test(diagnosis.code),
    { message: 'not a code of this code system', path: ['code'] },
  );
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

const DiagnosesSchema = z
  .array(DiagnosisSchema)
  .max(20)
  .refine(
    (list) => new Set(list.map((d) => `${d.system}:${d.code}`)).size === list.length,
    'each code only once',
  );

export const CreateEpisodeRequestSchema = z
  .strictObject({
    bodyRegion: BodyRegionSchema,
    /** When the pain began, as far as known. */
    onsetOn: DateSchema.optional(),
    /** The first contact of this episode of care. */
    startedOn: DateSchema,
    diagnoses: DiagnosesSchema.default([]),
  })
  .refine((body) => body.onsetOn === undefined || body.onsetOn <= body.startedOn, {
    message: 'onset cannot be after the start of the episode',
    path: ['onsetOn'],
  });
export type CreateEpisodeRequest = z.input<typeof CreateEpisodeRequestSchema>;

/** `PATCH .../episodes/{id}`: close an episode, correct it, or replace its diagnoses. */
export const UpdateEpisodeRequestSchema = z
  .strictObject({
    bodyRegion: BodyRegionSchema.optional(),
    onsetOn: DateSchema.nullable().optional(),
    endedOn: DateSchema.nullable().optional(),
    diagnoses: DiagnosesSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one field' });
export type UpdateEpisodeRequest = z.infer<typeof UpdateEpisodeRequestSchema>;

export const EpisodeSchema = z.object({
  id: IdSchema,
  bodyRegion: BodyRegionSchema,
  onsetOn: DateSchema.nullable(),
  startedOn: DateSchema,
  endedOn: DateSchema.nullable(),
  diagnoses: z.array(z.object({ system: DiagnosisCodeSystemSchema, code: z.string() })),
  createdAt: TimestampSchema,
});
export type Episode = z.infer<typeof EpisodeSchema>;

export const EpisodeListSchema = z.object({ episodes: z.array(EpisodeSchema) });
export type EpisodeList = z.infer<typeof EpisodeListSchema>;

export const EpisodeParamsSchema = z.object({ patientId: IdSchema, episodeId: IdSchema });
