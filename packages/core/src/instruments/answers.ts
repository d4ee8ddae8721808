import { z } from 'zod';
import type { InstrumentDefinition } from './types';

/**
 * Builds the zod schema of one instrument's answers from its definition: every key optional,
 * `null` for "not answered", only the item's codes accepted, unknown keys rejected.
 */
export function answersSchemaFor(
  definition: InstrumentDefinition,
): z.ZodType<Readonly<Record<string, number | null | undefined>>> {
  const shape: Record<string, z.ZodType<number | null | undefined>> = {};
  for (const item of definition.items) {
    const codes = item.options.map((option) => option.code);
    shape[item.key] = z
      .number()
      .refine((value) => codes.includes(value), {
        message: `must be one of ${codes.join(', ')}`,
      })
      .nullable()
      .optional();
  }
  return z.strictObject(shape);
}

/** Item keys that are absent or null, in the definition's order. */
export function missingItems(
  definition: InstrumentDefinition,
  answers: Readonly<Record<string, number | null | undefined>>,
): string[] {
  return definition.items
    .map((item) => item.key)
    .filter((key) => answers[key] === undefined || answers[key] === null);
}
