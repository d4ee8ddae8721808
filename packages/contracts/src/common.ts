import { z } from 'zod';

/** An ISO 8601 timestamp with offset, as every date-time crosses a boundary. */
export const TimestampSchema = z.iso.datetime({ offset: true });
export type Timestamp = z.infer<typeof TimestampSchema>;

/** A UUID used as an opaque identifier. */
export const IdSchema = z.uuid();
export type Id = z.infer<typeof IdSchema>;

/** A calendar date, `YYYY-MM-DD` (ISO 8601), that exists in the calendar. */
export const DateSchema = z.iso.date();
export type IsoDate = z.infer<typeof DateSchema>;

/**
 * RFC 9457 problem details, as every HTTP error is written. `code` is stable and is what
 * clients branch on; `detail` is for people. Validation errors list each bad field's path.
 */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z
    .array(
      z.object({
        path: z.array(z.union([z.string(), z.number()])),
        message: z.string(),
      }),
    )
    .optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
