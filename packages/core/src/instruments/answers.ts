import { z } from 'zod';
import type { AnswerIssue, InstrumentDefinition, ItemDefinition } from './types';

export type Answers = Readonly<Record<string, number | null | undefined>>;

function itemSchema(item: ItemDefinition): z.ZodType<number> {
  if (item.kind === 'integer') {
    const base = z.int().min(item.min);
    return item.max === null ? base : base.max(item.max);
  }
  const codes = item.options.map((option) => option.code);
  return z.number().refine((value) => codes.includes(value), {
    message: `must be one of ${codes.join(', ')}`,
  });
}

/**
 * Builds the zod schema of one instrument's answers from its definition: every key optional,
 * `null` for "not answered", only the item's codes (or whole numbers in its range) accepted,
 * unknown keys and display text rejected.
 */
export function answersSchemaFor(definition: InstrumentDefinition): z.ZodType<Answers> {
  const shape: Record<string, z.ZodType<number | null | undefined>> = {};
  for (const item of definition.items) shape[item.key] = itemSchema(item).nullable().optional();
  return z.strictObject(shape);
}

/** Item keys that are absent or null, in the definition's order. */
export function missingItems(definition: InstrumentDefinition, answers: Answers): string[] {
  return definition.items
    .map((item) => item.key)
    .filter((key) => answers[key] === undefined || answers[key] === null);
}

/** zod issues as `AnswerIssue`s (paths of strings and numbers only). */
export function toAnswerIssues(error: z.ZodError): AnswerIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    message: issue.message,
  }));
}
