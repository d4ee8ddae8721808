import { z } from 'zod';
import { TimestampSchema } from '../common';

/** One answer option of an item: the stored code and a short label in our own words. */
export const AnswerOptionSchema = z.object({ code: z.int(), label: z.string() });

export const QuestionnaireItemSchema = z.object({
  key: z.string(),
  text: z.string(),
  options: z.array(AnswerOptionSchema),
});

/**
 * What a patient's link opens: the questionnaire to answer, with the wording the site uses.
 * `Authorization: Bearer <token>` authenticates every `/api/v1/respond` call.
 */
export const QuestionnaireFormSchema = z.object({
  instrument: z.string(),
  version: z.string(),
  /** The language of the words below, which may differ from the interface's language. */
  language: z.string(),
  /** `paraphrase`: workup's own short labels; `content-pack`: the site's licensed wording. */
  wording: z.enum(['paraphrase', 'content-pack']),
  title: z.string(),
  recallPeriod: z.string(),
  items: z.array(QuestionnaireItemSchema),
  expiresAt: TimestampSchema,
});
export type QuestionnaireForm = z.infer<typeof QuestionnaireFormSchema>;

export const SubmitAnswersRequestSchema = z.strictObject({
  answers: z.record(z.string(), z.int().nullable()),
});
export type SubmitAnswersRequest = z.infer<typeof SubmitAnswersRequestSchema>;

export const SubmitAnswersResponseSchema = z.object({
  submittedAt: TimestampSchema,
});
export type SubmitAnswersResponse = z.infer<typeof SubmitAnswersResponseSchema>;

/**
 * `PUT /api/v1/respond/draft`: answers saved part-way, each checked against the item's codes
 * (a code out of range is refused) but not for completeness. The patient resumes with
 * `GET /api/v1/respond/draft`.
 */
export const SaveDraftRequestSchema = z.strictObject({
  answers: z.record(z.string(), z.int().nullable()),
});
export type SaveDraftRequest = z.infer<typeof SaveDraftRequestSchema>;

/** The saved answers; empty with null times when nothing was saved yet. */
export const DraftSchema = z.object({
  answers: z.record(z.string(), z.int().nullable()),
  startedAt: TimestampSchema.nullable(),
  savedAt: TimestampSchema.nullable(),
});
export type Draft = z.infer<typeof DraftSchema>;

/**
 * `Idempotency-Key` on `POST /api/v1/respond`: a client-chosen key (e.g. a UUID) so a retried
 * submission returns the first answer instead of a conflict.
 */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const SubmitHeadersSchema = z.object({
  [IDEMPOTENCY_KEY_HEADER]: z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, '1 to 255 visible ASCII characters')
    .optional(),
});
