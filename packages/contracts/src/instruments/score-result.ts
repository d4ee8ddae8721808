import { z } from 'zod';

/** Answers keyed by item key; `null` or an absent key means "not answered". */
export const RawAnswersSchema = z.record(z.string(), z.number().nullable());
export type RawAnswers = z.infer<typeof RawAnswersSchema>;

export const SBT_RISK_GROUPS = ['low', 'medium', 'high'] as const;
export const SbtRiskSchema = z.enum(SBT_RISK_GROUPS);
export type SbtRisk = z.infer<typeof SbtRiskSchema>;

/** Scores of the STarT Back Screening Tool (contracts.md §1). */
export const SbtScoresSchema = z.strictObject({
  total: z.int().min(0).max(9),
  psychosocial: z.int().min(0).max(5),
  risk: SbtRiskSchema,
});
export type SbtScores = z.infer<typeof SbtScoresSchema>;

const ScalarSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);
/**
 * One score: a number, a code, a flag, or (for checklists such as red flags) a list of codes or
 * a record of them. Each instrument's exact shape is in `INSTRUMENT_SCORES_SCHEMAS`.
 */
export const ScoreValueSchema = z.union([
  ScalarSchema,
  z.array(z.string()),
  z.record(z.string(), ScalarSchema),
]);
export type ScoreValue = z.infer<typeof ScoreValueSchema>;

/**
 * The result of scoring one response (contracts.md §4, `workup score`). When the instrument's
 * missing-data rule does not allow scoring, `scores` is null and `reason` says why.
 */
export const ScoreResultSchema = z.object({
  instrument: z.string(),
  version: z.string(),
  complete: z.boolean(),
  missing: z.array(z.string()),
  scores: z.record(z.string(), ScoreValueSchema).nullable(),
  reason: z.string().optional(),
});
export type ScoreResult = z.infer<typeof ScoreResultSchema>;
