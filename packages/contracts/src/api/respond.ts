import { z } from 'zod';
import { TimestampSchema } from '../common';
import { InstrumentIdSchema } from '../instruments/catalog';
import { UrgencySchema } from '../instruments/scores';

/** One answer option of an item: the stored code and a short label in our own words. */
export const AnswerOptionSchema = z.object({ code: z.int(), label: z.string() });

/**
 * When an item is asked: only when another item of the same questionnaire was answered with
 * one of `in` (e.g. the questions about the job only when `employed` is 1). Until then, and
 * when that item has another answer, the item is skipped and sent as not answered.
 */
export const AskedIfSchema = z.object({ item: z.string(), in: z.array(z.int()).min(1) });
export type AskedIf = z.infer<typeof AskedIfSchema>;

/**
 * One item as a patient answers it: a `choice` of coded options, or an `integer` between `min`
 * and `max` (`max` null: no upper bound), with the words at each end of the scale. `required`
 * false: the patient may leave it out (e.g. ODI section 8 when it does not apply).
 */
export const QuestionnaireItemSchema = z.object({
  key: z.string(),
  text: z.string(),
  kind: z.enum(['choice', 'integer']),
  options: z.array(AnswerOptionSchema),
  min: z.int().nullable(),
  max: z.int().nullable(),
  unit: z.string().nullable(),
  anchors: z.object({ min: z.string(), max: z.string() }).nullable(),
  required: z.boolean(),
  askedIf: AskedIfSchema.nullable(),
});
export type QuestionnaireItem = z.infer<typeof QuestionnaireItemSchema>;

/** One questionnaire of a link, in the words the site uses. */
export const QuestionnaireSchema = z.object({
  instrument: InstrumentIdSchema,
  version: z.string(),
  /** The language of the words below, which may differ from the interface's language. */
  language: z.string(),
  /** `paraphrase`: workup's own short labels; `content-pack`: the site's licensed wording. */
  wording: z.enum(['paraphrase', 'content-pack']),
  title: z.string(),
  recallPeriod: z.string(),
  instructions: z.string().nullable(),
  items: z.array(QuestionnaireItemSchema),
});
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;

/**
 * What a patient's link opens: its questionnaires in the order they are answered (a baseline:
 * STarT Back, ÖMPSQ-10, ODI, EQ-5D, pain, work, motivation, red flags). The top-level
 * `instrument` ... `items` repeat the first questionnaire, for clients of one-instrument links.
 * `Authorization: Bearer <token>` authenticates every `/api/v1/respond` call.
 */
export const QuestionnaireFormSchema = QuestionnaireSchema.extend({
  questionnaires: z.array(QuestionnaireSchema).min(1),
  /** When in the follow-up the link belongs (`baseline`, `month_3`...), if it says. */
  timepoint: z.string().nullable(),
  expiresAt: TimestampSchema,
});
export type QuestionnaireForm = z.infer<typeof QuestionnaireFormSchema>;

/** Answer codes by item key; `null` or an absent key: not answered. */
export const ItemAnswersSchema = z.record(z.string(), z.int().nullable());
export type ItemAnswers = z.infer<typeof ItemAnswersSchema>;

/** Answers by instrument, then by item (`{"sbt": {"1": 1}, "odi": {"1": 2}}`). */
export const ResponsesSchema = z.record(z.string(), ItemAnswersSchema);
export type Responses = z.infer<typeof ResponsesSchema>;

const oneOfAnswersOrResponses = (body: { answers?: unknown; responses?: unknown }) =>
  (body.answers === undefined) !== (body.responses === undefined);
const ONE_OF = {
  message: 'send either "responses" (by instrument) or "answers" (a one-instrument link)',
  path: ['responses'],
};

/**
 * `POST /api/v1/respond`: every questionnaire of the link, by instrument (`responses`). A link
 * with one instrument may send that instrument's `answers` alone instead.
 */
export const SubmitAnswersRequestSchema = z
  .strictObject({ answers: ItemAnswersSchema.optional(), responses: ResponsesSchema.optional() })
  .refine(oneOfAnswersOrResponses, ONE_OF);
export type SubmitAnswersRequest = z.infer<typeof SubmitAnswersRequestSchema>;

/**
 * What the patient is told after sending: the urgency of the plan triage made and the codes of
 * its components that start now (`proposed`), in plan order, for the done page to explain in
 * plain words. Never scores or flags. Null when the link's answers made no plan (a follow-up).
 */
export const PatientAdviceSchema = z.object({
  urgency: UrgencySchema,
  components: z.array(z.string()),
});
export type PatientAdvice = z.infer<typeof PatientAdviceSchema>;

export const SubmitAnswersResponseSchema = z.object({
  submittedAt: TimestampSchema,
  advice: PatientAdviceSchema.nullable().default(null),
});
export type SubmitAnswersResponse = z.infer<typeof SubmitAnswersResponseSchema>;

/**
 * `PUT /api/v1/respond/draft`: answers saved part-way, each checked against the item's codes
 * (a code out of range is refused) but not for completeness. The patient resumes with
 * `GET /api/v1/respond/draft`. Like a submission: `responses` by instrument, or `answers` for a
 * one-instrument link. A save replaces the whole draft.
 */
export const SaveDraftRequestSchema = z
  .strictObject({ answers: ItemAnswersSchema.optional(), responses: ResponsesSchema.optional() })
  .refine(oneOfAnswersOrResponses, ONE_OF);
export type SaveDraftRequest = z.infer<typeof SaveDraftRequestSchema>;

/**
 * The saved answers by instrument (`responses`) and, for one-instrument clients, the first
 * instrument's (`answers`); empty with null times when nothing was saved yet.
 */
export const DraftSchema = z.object({
  answers: ItemAnswersSchema,
  responses: ResponsesSchema,
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
