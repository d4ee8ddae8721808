import type { ChosenAnswers } from './respond-steps';

/**
 * Answers chosen so far, kept in this tab's session storage (with the link they belong to) so
 * that a reload mid-questionnaire keeps them. Cleared once the answers are sent.
 */
const ANSWERS_KEY = 'workup.respond.answers';

type AnswerStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Answers by instrument, then item: whole numbers, or null for a question left out. */
function isChosenAnswers(value: unknown): value is ChosenAnswers {
  return (
    isRecord(value) &&
    Object.values(value).every(
      (items) =>
        isRecord(items) &&
        Object.values(items).every((code) => code === null || Number.isInteger(code)),
    )
  );
}

/**
 * The answers saved in this tab for `token`, or null when nothing (or another link's answers)
 * is saved.
 */
export function loadAnswers(storage: AnswerStorage | null, token: string): ChosenAnswers | null {
  const saved = storage?.getItem(ANSWERS_KEY) ?? null;
  if (saved === null) return null;
  try {
    const parsed = JSON.parse(saved) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { token: savedToken, answers } = parsed as { token?: unknown; answers?: unknown };
    return savedToken === token && isChosenAnswers(answers) ? answers : null;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

export function saveAnswers(
  storage: AnswerStorage | null,
  token: string,
  answers: ChosenAnswers,
): void {
  storage?.setItem(ANSWERS_KEY, JSON.stringify({ token, answers }));
}

export function clearAnswers(storage: AnswerStorage | null): void {
  storage?.removeItem(ANSWERS_KEY);
}
