import { z } from 'zod';
import { LanguageTagSchema } from '../instruments/content-pack';

const VerificationSchema = z.enum(['V2', 'V1', 'U']);

/** `POST /api/v1/score/{instrument}`: a live preview; nothing is stored. */
export const ScoreRequestSchema = z.strictObject({
  answers: z.record(z.string(), z.number().nullable()),
  valueSet: z.string().optional(),
  /** Overrides of the instrument's unverified (configurable) cut-offs, by name. */
  cutOffs: z.record(z.string(), z.number()).optional(),
});
export type ScoreRequest = z.infer<typeof ScoreRequestSchema>;

/** `workup score` input (contracts.md §4): `{"answers": {...}}`; options come as flags. */
export const ScoreInputSchema = z.strictObject({ answers: ScoreRequestSchema.shape.answers });
export type ScoreInput = z.infer<typeof ScoreInputSchema>;

export const InstrumentParamsSchema = z.object({ instrument: z.string().min(1).max(40) });
export const InstrumentTextQuerySchema = z.object({ lang: LanguageTagSchema.optional() });

export const InstrumentSummarySchema = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  scorable: z.boolean(),
  valueSets: z.array(z.object({ id: z.string(), description: z.string() })),
  licence: z.object({ owner: z.string(), terms: z.string(), wordingMayBeShipped: z.boolean() }),
  /** Languages in which the site has loaded the licensed wording; empty: our paraphrases only. */
  contentPackLanguages: z.array(z.string()),
});
export type InstrumentSummary = z.infer<typeof InstrumentSummarySchema>;

export const InstrumentListSchema = z.object({ instruments: z.array(InstrumentSummarySchema) });
export type InstrumentList = z.infer<typeof InstrumentListSchema>;

const RuleSchema = z.object({
  name: z.string(),
  description: z.string(),
  source: z.string(),
  verification: VerificationSchema,
});

export const InstrumentDetailSchema = InstrumentSummarySchema.extend({
  /** Where the words below come from: our paraphrase, or the site's licensed content pack. */
  wording: z.enum(['paraphrase', 'content-pack']),
  language: z.string(),
  recallPeriod: z.string(),
  instructions: z.string().optional(),
  items: z.array(
    z.object({
      key: z.string(),
      text: z.string(),
      kind: z.enum(['choice', 'integer']),
      options: z.array(z.object({ code: z.int(), label: z.string() })),
      min: z.int().optional(),
      max: z.int().nullable().optional(),
      anchors: z.object({ min: z.string(), max: z.string() }).optional(),
    }),
  ),
  cutOffs: z.array(RuleSchema.extend({ value: z.number(), configurable: z.boolean() })),
  missingDataRule: RuleSchema,
  rules: z.array(RuleSchema),
});
export type InstrumentDetail = z.infer<typeof InstrumentDetailSchema>;

/** A FHIR R4 resource as JSON (its own structure is checked by the FHIR tests in core). */
export const FhirResourceSchema = z.looseObject({ resourceType: z.string() });
