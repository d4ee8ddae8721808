import type {
  Questionnaire,
  QuestionnaireForm,
  QuestionnaireItem,
  Responses,
} from '@workup/contracts';

/**
 * The answers chosen so far, by instrument and item. A number is an answer; `null` is a
 * question the patient chose to leave out (only items that are not required); an absent key
 * is a question not reached yet.
 */
export type ChosenAnswers = Readonly<Record<string, Readonly<Record<string, number | null>>>>;

/** One question of the link: which questionnaire, which item, and where it is in the form. */
export interface QuestionStep {
  readonly kind: 'question';
  readonly instrument: string;
  readonly key: string;
  /** Index of the questionnaire in the form, and of the item in the questionnaire. */
  readonly part: number;
  readonly index: number;
}

/** Where the patient is: a question, or the page to check the answers. */
export type RespondStep = QuestionStep | { readonly kind: 'check' };

/** The search parameter holding the page: `<instrument>.<item>` for questions, `check` at the end. */
export const PAGE_PARAM = 'page';
/** Set when a question was opened from the summary, so Continue returns there. */
export const CHANGE_PARAM = 'change';
export const CHECK_PAGE = 'check';

/** A long numeric range is a number field; a short one (0-10) a row of radio buttons. */
export const MAX_SCALE_POINTS = 11;

/** Whether an integer item is shown as radio buttons (one per value) rather than a field. */
export function isScale(item: QuestionnaireItem): boolean {
  return (
    item.kind === 'integer' &&
    item.min !== null &&
    item.max !== null &&
    item.max - item.min + 1 <= MAX_SCALE_POINTS
  );
}

/** The values of a scale item, in order. */
export function scaleValues(item: QuestionnaireItem): number[] {
  if (!isScale(item) || item.min === null || item.max === null) return [];
  return Array.from({ length: item.max - item.min + 1 }, (_, offset) => (item.min ?? 0) + offset);
}

/** Whether the item is asked, given the answers of its questionnaire so far. */
export function isAsked(
  item: QuestionnaireItem,
  answers: Readonly<Record<string, number | null>> | undefined,
): boolean {
  if (item.askedIf === null) return true;
  const answer = answers?.[item.askedIf.item];
  return answer !== null && answer !== undefined && item.askedIf.in.includes(answer);
}

/** The questions the patient is asked, in order, given the answers so far. */
export function visibleSteps(form: QuestionnaireForm, answers: ChosenAnswers): QuestionStep[] {
  return form.questionnaires.flatMap((questionnaire, part) =>
    questionnaire.items
      .map((item, index) => ({ item, index }))
      .filter(({ item }) => isAsked(item, answers[questionnaire.instrument]))
      .map(({ item, index }) => ({
        kind: 'question' as const,
        instrument: questionnaire.instrument,
        key: item.key,
        part,
        index,
      })),
  );
}

/** The questionnaire and item of a step. */
export function itemOf(
  form: QuestionnaireForm,
  step: QuestionStep,
): { questionnaire: Questionnaire; item: QuestionnaireItem } | null {
  const questionnaire = form.questionnaires[step.part];
  const item = questionnaire?.items[step.index];
  return questionnaire === undefined || item === undefined ? null : { questionnaire, item };
}

/** Whether a question has been dealt with: answered, or (when it may be) left out. */
export function isSettled(item: QuestionnaireItem, answer: number | null | undefined): boolean {
  if (answer === undefined) return false;
  return answer !== null || !item.required;
}

/** Index (in `steps`) of the first question not yet dealt with, or -1 when all are. */
export function firstUnsettled(
  form: QuestionnaireForm,
  steps: readonly QuestionStep[],
  answers: ChosenAnswers,
): number {
  return steps.findIndex((step) => {
    const found = itemOf(form, step);
    return found !== null && !isSettled(found.item, answers[step.instrument]?.[step.key]);
  });
}

/** The `page` parameter value of a step. */
export function pageOf(step: RespondStep): string {
  return step.kind === 'check' ? CHECK_PAGE : `${step.instrument}.${step.key}`;
}

/**
 * The step a `page` parameter asks for, never past the first question not dealt with: a
 * patient cannot skip ahead by editing the address, and a reload or a return through the link
 * lands where they left off.
 */
export function resolveStep(
  page: string | null,
  form: QuestionnaireForm,
  answers: ChosenAnswers,
): RespondStep {
  const steps = visibleSteps(form, answers);
  const unsettled = firstUnsettled(form, steps, answers);
  const first = steps[unsettled === -1 ? 0 : unsettled];
  if (page === CHECK_PAGE || (page === null && unsettled === -1)) {
    return unsettled === -1 || first === undefined ? { kind: 'check' } : first;
  }
  const wanted = steps.findIndex((step) => pageOf(step) === page);
  const limit = unsettled === -1 ? steps.length - 1 : unsettled;
  if (wanted === -1 || wanted > limit) return first ?? { kind: 'check' };
  return steps[wanted] ?? { kind: 'check' };
}

/** Where Continue leads from `step` (the answers include the one just given). */
export function nextStep(
  form: QuestionnaireForm,
  step: QuestionStep,
  answers: ChosenAnswers,
  returnToCheck: boolean,
): RespondStep {
  const steps = visibleSteps(form, answers);
  const unsettled = firstUnsettled(form, steps, answers);
  // A changed answer can open new questions (a job: the questions about it); ask them first.
  if (returnToCheck) return unsettled === -1 ? { kind: 'check' } : (steps[unsettled] ?? step);
  const here = steps.findIndex((candidate) => pageOf(candidate) === pageOf(step));
  return steps[here + 1] ?? { kind: 'check' };
}

/** Where Back leads from a step: the question before it, or none on the first. */
export function previousStep(
  form: QuestionnaireForm,
  step: RespondStep,
  answers: ChosenAnswers,
): QuestionStep | null {
  const steps = visibleSteps(form, answers);
  if (step.kind === 'check') return steps.at(-1) ?? null;
  const here = steps.findIndex((candidate) => pageOf(candidate) === pageOf(step));
  return here > 0 ? (steps[here - 1] ?? null) : null;
}

/**
 * The answers as the server takes them, by instrument: every item of every questionnaire gets
 * a key, and a question that is not asked (after a changed answer) is sent as not answered.
 */
export function toResponses(form: QuestionnaireForm, answers: ChosenAnswers): Responses {
  return Object.fromEntries(
    form.questionnaires.map((questionnaire) => {
      const given = answers[questionnaire.instrument] ?? {};
      return [
        questionnaire.instrument,
        Object.fromEntries(
          questionnaire.items.map((item) => [
            item.key,
            isAsked(item, given) ? (given[item.key] ?? null) : null,
          ]),
        ),
      ];
    }),
  );
}

/** Only the answers given so far, for saving a draft. */
export function toDraft(form: QuestionnaireForm, answers: ChosenAnswers): Responses {
  const known = new Set<string>(
    form.questionnaires.map((questionnaire) => questionnaire.instrument),
  );
  return Object.fromEntries(
    Object.entries(answers)
      .filter(([instrument]) => known.has(instrument))
      .map(([instrument, items]) => [instrument, { ...items }]),
  );
}

/**
 * The questions named by the server's validation errors (`responses.odi.3`, or `answers.9` from
 * a one-instrument form), in form order.
 */
export function invalidSteps(
  form: QuestionnaireForm,
  fieldErrors: Readonly<Record<string, string>>,
): QuestionStep[] {
  const [first] = form.questionnaires;
  return form.questionnaires.flatMap((questionnaire, part) =>
    questionnaire.items
      .map((item, index) => ({ item, index }))
      .filter(
        ({ item }) =>
          fieldErrors[`responses.${questionnaire.instrument}.${item.key}`] !== undefined ||
          (questionnaire === first && fieldErrors[`answers.${item.key}`] !== undefined),
      )
      .map(({ item, index }) => ({
        kind: 'question' as const,
        instrument: questionnaire.instrument,
        key: item.key,
        part,
        index,
      })),
  );
}

/** Sets one answer, leaving the rest as they are. */
export function withAnswer(
  answers: ChosenAnswers,
  instrument: string,
  key: string,
  value: number | null,
): ChosenAnswers {
  return { ...answers, [instrument]: { ...answers[instrument], [key]: value } };
}
