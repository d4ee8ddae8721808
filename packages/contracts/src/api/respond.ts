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
