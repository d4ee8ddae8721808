import type { SbtRisk, SbtScores } from '@workup/contracts';
import { answersSchemaFor, missingItems } from '../answers';
import type { ScoreOutcome } from '../types';
import { sbtDefinition } from './definition';

/** Item 9 codes counted as positive: "very much" (3) and "extremely" (4). reference.md §1 [V2]. */
export const SBT_BOTHERSOME_POSITIVE_MIN_CODE = 3;
/** Items of the psychosocial (distress) subscale. reference.md §1 [V2]. */
export const SBT_PSYCHOSOCIAL_ITEMS = ['5', '6', '7', '8', '9'] as const;
/** Total at or below which risk is low. reference.md §1 [V2]. */
export const SBT_LOW_RISK_MAX_TOTAL = 3;
/** Psychosocial subscale at or below which a not-low total is medium risk. reference.md §1 [V2]. */
export const SBT_MEDIUM_RISK_MAX_PSYCHOSOCIAL = 3;

const answersSchema = answersSchemaFor(sbtDefinition);

/** An item's contribution: items 1-8 as coded, item 9 dichotomised (reference.md §1). */
function itemPoints(key: string, code: number): number {
  if (key === '9') return code >= SBT_BOTHERSOME_POSITIVE_MIN_CODE ? 1 : 0;
  return code;
}

/** Risk group from total and psychosocial subscale: Keele's rule (reference.md §1). */
export function classifySbtRisk(total: number, psychosocial: number): SbtRisk {
  if (total <= SBT_LOW_RISK_MAX_TOTAL) return 'low';
  if (psychosocial <= SBT_MEDIUM_RISK_MAX_PSYCHOSOCIAL) return 'medium';
  return 'high';
}

/**
 * Scores a STarT Back response. Codes are validated, never clamped. There is no official
 * missing-item rule; the cut-offs assume complete sums, so a response with any item missing
 * is not scored (reference.md §1, [U] recommendation).
 */
export function scoreSbt(rawAnswers: unknown): ScoreOutcome {
  const parsed = answersSchema.safeParse(rawAnswers);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
        message: issue.message,
      })),
    };
  }
  const answers = parsed.data;
  const missing = missingItems(sbtDefinition, answers);
  const base = {
    instrument: sbtDefinition.id,
    version: sbtDefinition.version,
    complete: missing.length === 0,
    missing,
  };
  if (missing.length > 0) {
    return {
      ok: true,
      result: {
        ...base,
        scores: null,
        reason: `STarT Back is scored only when all 9 items are answered; missing: ${missing.join(', ')}`,
      },
    };
  }
  let total = 0;
  let psychosocial = 0;
  for (const item of sbtDefinition.items) {
    const points = itemPoints(item.key, answers[item.key] ?? 0);
    total += points;
    if ((SBT_PSYCHOSOCIAL_ITEMS as readonly string[]).includes(item.key)) psychosocial += points;
  }
  const scores: SbtScores = { total, psychosocial, risk: classifySbtRisk(total, psychosocial) };
  return { ok: true, result: { ...base, scores } };
}
