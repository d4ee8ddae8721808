import type { QuestionnaireForm, SubmitAnswersRequest } from '@workup/contracts';

/** Where the patient is in the questionnaire. `index` counts items from 0. */
export type RespondStep = { kind: 'question'; index: number } | { kind: 'check' };

/** Chosen answer codes by item key. */
export type ChosenAnswers = Readonly<Record<string, number>>;

type Items = QuestionnaireForm['items'];

/** The search parameter holding the page: `1`..`n` for questions, `check` for the summary. */
export const PAGE_PARAM = 'page';
/** Set when a question was opened from the summary, so Continue returns there. */
export const CHANGE_PARAM = 'change';

/** Index of the first item without an answer, or -1 when all are answered. */
export function firstUnanswered(items: Items, answers: ChosenAnswers): number {
  return items.findIndex((item) => answers[item.key] === undefined);
}

/**
 * The step a `page` parameter asks for, never past the first unanswered question: a patient
 * cannot skip ahead by editing the address, and a reload lands where they left off.
 */
export function resolveStep(
  page: string | null,
  items: Items,
  answers: ChosenAnswers,
): RespondStep {
  const unanswered = firstUnanswered(items, answers);
  const limit = unanswered === -1 ? items.length : unanswered;
  if (page === 'check') {
    return unanswered === -1 ? { kind: 'check' } : { kind: 'question', index: unanswered };
  }
  const number = page === null ? 1 : Number.parseInt(page, 10);
  const index = Number.isInteger(number) && number >= 1 ? number - 1 : 0;
  return { kind: 'question', index: Math.min(index, limit, items.length - 1) };
}

/** The `page` parameter value of a step. */
export function pageOf(step: RespondStep): string {
  return step.kind === 'check' ? 'check' : String(step.index + 1);
}

/** Where Continue leads from question `index`. */
export function nextStep(index: number, items: Items, returnToCheck: boolean): RespondStep {
  if (returnToCheck || index + 1 >= items.length) return { kind: 'check' };
  return { kind: 'question', index: index + 1 };
}

/** The request body for the chosen answers; every item of the form gets a key. */
export function toSubmitRequest(items: Items, answers: ChosenAnswers): SubmitAnswersRequest {
  return {
    answers: Object.fromEntries(items.map((item) => [item.key, answers[item.key] ?? null])),
  };
}

/** Item keys named by the server's validation errors (`answers.9` -> `9`), in form order. */
export function invalidItemKeys(
  items: Items,
  fieldErrors: Readonly<Record<string, string>>,
): string[] {
  return items.map((item) => item.key).filter((key) => fieldErrors[`answers.${key}`] !== undefined);
}
