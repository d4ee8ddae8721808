import { z } from 'zod';
import { SbtScoresSchema } from './score-result';
import type { InstrumentId } from './catalog';

/**
 * The scores each instrument returns, keyed as contracts.md §1 fixes them. The conformance
 * suite validates every result against its instrument's schema, so a score that is renamed,
 * dropped or out of range fails a test.
 */
export const RISK_GROUPS = ['low', 'medium', 'high'] as const;
export const URGENCIES = ['emergency', 'urgent', 'soon', 'routine', 'none'] as const;
export const UrgencySchema = z.enum(URGENCIES);
export type Urgency = z.infer<typeof UrgencySchema>;

export const Ompsq10ScoresSchema = z.strictObject({
  total: z.int().min(1).max(100),
  risk: z.enum(RISK_GROUPS),
});
export type Ompsq10Scores = z.infer<typeof Ompsq10ScoresSchema>;

export const ODI_BANDS = ['minimal', 'moderate', 'severe', 'crippled', 'bedbound'] as const;
export const OdiScoresSchema = z.strictObject({
  /** One decimal (contracts.md §1): equal to itself rounded to tenths. */
  percent: z
    .number()
    .min(0)
    .max(100)
    .refine((percent) => Math.round(percent * 10) / 10 === percent, 'at most one decimal'),
  band: z.enum(ODI_BANDS),
});
export type OdiScores = z.infer<typeof OdiScoresSchema>;

export const RmdqScoresSchema = z.strictObject({ total: z.int().min(0).max(24) });
export type RmdqScores = z.infer<typeof RmdqScoresSchema>;

/** Each subscale is null when one of its items is missing (reference.md §7 has no rule). */
export const FabqScoresSchema = z.strictObject({
  pa: z.int().min(0).max(24).nullable(),
  work: z.int().min(0).max(42).nullable(),
});
export type FabqScores = z.infer<typeof FabqScoresSchema>;

export const PseqScoresSchema = z.strictObject({ total: z.int().min(0).max(60) });
export type PseqScores = z.infer<typeof PseqScoresSchema>;

/**
 * Profile and index are null when a dimension is missing (reference.md §9.1: no imputation); the
 * VAS is reported on its own. The index has 3 decimals.
 */
export const Eq5d3lScoresSchema = z.strictObject({
  profile: z
    .string()
    .regex(/^[123]{5}$/)
    .nullable(),
  index: z
    .number()
    .min(-1)
    .max(1)
    .refine((index) => Math.round(index * 1000) / 1000 === index, 'at most 3 decimals')
    .nullable(),
  vas: z.int().min(0).max(100).nullable(),
});
export type Eq5d3lScores = z.infer<typeof Eq5d3lScoresSchema>;

export const BbqScoresSchema = z.strictObject({ total: z.int().min(9).max(45) });
export type BbqScores = z.infer<typeof BbqScoresSchema>;

export const WAS_CATEGORIES = ['poor', 'moderate', 'good'] as const;
export const WasScoresSchema = z.strictObject({
  score: z.int().min(0).max(10),
  category: z.enum(WAS_CATEGORIES),
});
export type WasScores = z.infer<typeof WasScoresSchema>;

export const DEPS_CATEGORIES = ['none', 'subclinical', 'depression'] as const;
export const DepsScoresSchema = z.strictObject({
  total: z.int().min(0).max(30),
  category: z.enum(DEPS_CATEGORIES),
});
export type DepsScores = z.infer<typeof DepsScoresSchema>;

/**
 * `raw` is a whole number (prorated raw scores are rounded up, reference.md §12); `t` and `se`
 * are null where the conversion table has no row (raw 100).
 */
export const PromisPf20ScoresSchema = z.strictObject({
  raw: z.int().min(20).max(100),
  t: z.number().min(0).max(100).nullable(),
  se: z.number().positive().nullable(),
});
export type PromisPf20Scores = z.infer<typeof PromisPf20ScoresSchema>;

export const PainNrsScoresSchema = z.strictObject({
  back: z.int().min(0).max(10).nullable(),
  leg: z.int().min(0).max(10).nullable(),
});
export type PainNrsScores = z.infer<typeof PainNrsScoresSchema>;

export const MotivationScoresSchema = z.strictObject({
  importance: z.int().min(0).max(10).nullable(),
  confidence: z.int().min(0).max(10).nullable(),
  readiness: z.int().min(0).max(10).nullable(),
  low: z.boolean(),
});
export type MotivationScores = z.infer<typeof MotivationScoresSchema>;

export const RED_FLAG_CONDITIONS = [
  'cauda_equina',
  'malignancy',
  'infection',
  'fracture',
  'axial_spa',
] as const;
export const RedFlagConditionSchema = z.enum(RED_FLAG_CONDITIONS);
export type RedFlagCondition = z.infer<typeof RedFlagConditionSchema>;
export const RedFlagsScoresSchema = z.strictObject({
  suspicion: z.record(RedFlagConditionSchema, z.boolean()),
  urgency: UrgencySchema,
});
export type RedFlagsScores = z.infer<typeof RedFlagsScoresSchema>;

/** Blue-flag indicators of `work`: the person's perceptions of work (reference.md §16). */
export const WORK_BLUE_INDICATORS = [
  'heavy_or_monotonous_work',
  'low_job_satisfaction',
  'low_supervisor_support',
  'work_harms_back_belief',
  'low_rtw_expectation',
] as const;
/** Black-flag indicators: obstacles in the system and context of work (reference.md §16). */
export const WORK_BLACK_INDICATORS = [
  'not_employed',
  'long_sick_leave',
  'no_modified_duties',
  'benefit_or_claim_pending',
] as const;
/** Each list holds the raised indicators once, in the order of the arrays above. */
export const WorkScoresSchema = z.strictObject({
  blue: z.array(z.enum(WORK_BLUE_INDICATORS)),
  black: z.array(z.enum(WORK_BLACK_INDICATORS)),
});
export type WorkScores = z.infer<typeof WorkScoresSchema>;

/** STarT MSK is structure only (reference.md §2, §26): it returns no scores until verified. */
export const StartMskScoresSchema = z.strictObject({});

export const INSTRUMENT_SCORES_SCHEMAS = {
  sbt: SbtScoresSchema,
  ompsq10: Ompsq10ScoresSchema,
  odi: OdiScoresSchema,
  rmdq: RmdqScoresSchema,
  fabq: FabqScoresSchema,
  pseq: PseqScoresSchema,
  eq5d3l: Eq5d3lScoresSchema,
  bbq: BbqScoresSchema,
  was: WasScoresSchema,
  deps: DepsScoresSchema,
  promis_pf20: PromisPf20ScoresSchema,
  pain_nrs: PainNrsScoresSchema,
  motivation: MotivationScoresSchema,
  red_flags: RedFlagsScoresSchema,
  work: WorkScoresSchema,
  startmsk: StartMskScoresSchema,
} as const satisfies Record<InstrumentId, z.ZodType>;
