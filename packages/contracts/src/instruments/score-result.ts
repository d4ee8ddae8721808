import { z } from 'zod';

/** Answers keyed by item key; `null` or an absent key means "not answered". */
export const RawAnswersSchema = z.record(z.string(), z.number().nullable());
export type RawAnswers = z.infer<typeof RawAnswersSchema>;

export const SBT_RISK_GROUPS = ['low', 'medium', 'high'] as const;
export const SbtRiskSchema = z.enum(SBT_RISK_GROUPS);
export type SbtRisk = z.infer<typeof SbtRiskSchema>;

/** Scores of the STarT Back Screening Tool (contracts.md §1). */
export const SbtScoresSchema = z.object({
  total: z.int().min(0).max(9),
  psychosocial: z.int().min(0).max(5),
  risk: SbtRiskSchema,
});
export type SbtScores = z.infer<typeof SbtScoresSchema>;

/**
 * The result of scoring one response (contracts.md §4, `workup score`). When the instrument's
 * missing-data rule does not allow scoring, `scores` is null and `reason` says why.
 */
export const ScoreResultSchema = z.object({
  instrument: z.string(),
  version: z.string(),
  complete: z.boolean(),
  missing: z.array(z.string()),
  scores: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])).nullable(),
  reason: z.string().optional(),
});
export type ScoreResult = z.infer<typeof ScoreResultSchema>;
