import { z } from 'zod';

/**
 * The format of every instrument's `cases.json`: hand-worked cases, each citing where its
 * expectation comes from. `covers` tags what a case demonstrates, so the conformance suite can
 * check that the minimum, the maximum, both sides of every cut-off and the missing-data rule
 * are covered: `minimum`, `maximum`, `missing-scored`, `missing-not-scored`,
 * `cutoff:<NAME>:below`, `cutoff:<NAME>:above`, `value-set:<id>`.
 */
export const InstrumentCaseSchema = z.strictObject({
  id: z.string().min(1),
  source: z.string().min(1),
  answers: z.record(z.string(), z.unknown()),
  options: z
    .strictObject({
      valueSet: z.string().optional(),
      cutOffs: z.record(z.string(), z.number()).optional(),
    })
    .optional(),
  expected: z.strictObject({
    complete: z.boolean(),
    missing: z.array(z.string()),
    scores: z.record(z.string(), z.unknown()).nullable(),
    /** A substring of `reason` when scores are null. */
    reason: z.string().optional(),
  }),
  covers: z
    .array(
      z
        .string()
        .regex(
          /^(minimum|maximum|missing-scored|missing-not-scored|cutoff:[A-Za-z0-9_]+:(below|above)|value-set:[a-z0-9_]+)$/,
        ),
    )
    .default([]),
  /** Absolute tolerance for numeric scores (e.g. 0.0005 for an index rounded to 3 decimals). */
  tolerance: z.number().nonnegative().optional(),
});
export type InstrumentCase = z.infer<typeof InstrumentCaseSchema>;

export const InstrumentCasesSchema = z.strictObject({
  instrument: z.string(),
  cases: z.array(InstrumentCaseSchema).min(1),
});
export type InstrumentCases = z.infer<typeof InstrumentCasesSchema>;
