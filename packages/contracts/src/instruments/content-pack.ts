import { z } from 'zod';
import { DateSchema } from '../common';
import { InstrumentIdSchema } from './catalog';

/** BCP 47 language tags as sites use them: `en`, `sv`, `nb`, `fi`, `en-GB`, `sv-SE`. */
export const LanguageTagSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language tag such as "sv" or "en-GB"');

/**
 * A content pack: the licensed wording of one instrument in one language, loaded by a site that
 * holds the licence (contracts.md §1). The repository never contains one for a licensed
 * instrument; a pack must cover every item and every answer code of the definition it names.
 */
export const ContentPackSchema = z.strictObject({
  format: z.literal('workup-content-pack/1'),
  instrument: InstrumentIdSchema,
  /** The instrument version the wording belongs to (e.g. `"2.1a"` for the ODI). */
  instrumentVersion: z.string().min(1),
  language: LanguageTagSchema,
  title: z.string().min(1),
  instructions: z.string().min(1).optional(),
  recallPeriod: z.string().min(1).optional(),
  licence: z.strictObject({
    holder: z.string().min(1),
    /** Licence or agreement number, or a short note of where the permission is recorded. */
    reference: z.string().min(1),
    validUntil: DateSchema.optional(),
  }),
  items: z.record(
    z.string(),
    z.strictObject({
      text: z.string().min(1),
      /** Option labels by answer code (as a string key, e.g. `"0"`). */
      options: z.record(z.string().regex(/^-?\d+$/), z.string().min(1)).optional(),
      /** Anchor labels of a numeric scale (e.g. "no pain" / "worst imaginable pain"). */
      anchors: z.strictObject({ min: z.string().min(1), max: z.string().min(1) }).optional(),
    }),
  ),
});
export type ContentPack = z.infer<typeof ContentPackSchema>;
