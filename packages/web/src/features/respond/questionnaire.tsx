import type { Draft, PatientAdvice, QuestionnaireForm } from '@workup/contracts';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../api-client';
import type { RespondApi } from '../../api-client';
import { clearAnswers, loadAnswers, saveAnswers } from './answers-store';
import { CheckAnswersPage } from './check-answers-page';
import { DonePage } from './done-page';
import { linkProblemOf } from './link-problem';
import type { LinkProblem } from './link-problem';
import { LinkProblemPage } from './link-problem-page';
import { QuestionPage } from './question-page';
import {
  CHANGE_PARAM,
  invalidSteps,
  itemOf,
  nextStep,
  PAGE_PARAM,
  pageOf,
  previousStep,
  resolveStep,
  toDraft,
  toResponses,
  visibleSteps,
  withAnswer,
} from './respond-steps';
import type { ChosenAnswers, QuestionStep, RespondStep } from './respond-steps';
import { sessionStorageOrNull } from './respond-token';

interface QuestionnaireProps {
  readonly api: RespondApi;
  readonly token: string;
  readonly form: QuestionnaireForm;
  /** The answers saved through the link earlier, on this or another device. */
  readonly draft: Draft;
}

type Outcome =
  | { readonly kind: 'answering' }
  | { readonly kind: 'done'; readonly advice: PatientAdvice | null }
  | { readonly kind: 'problem'; readonly problem: LinkProblem };

function hrefOf(step: RespondStep): string {
  return `?${PAGE_PARAM}=${encodeURIComponent(pageOf(step))}`;
}

/** A random key for one submission, so a retry after a lost answer is not stored twice. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The link's questionnaires as one sequence of pages. The page is in the address
 * (`?page=odi.3`, `?page=check`), so the browser's Back button works. Answers live in state and
 * this tab's session storage (a reload keeps them) and are saved through the link after every
 * question, so the patient can close the page and carry on later, on any device.
 */
export function Questionnaire({ api, token, form, draft }: QuestionnaireProps) {
  const [storage] = useState(sessionStorageOrNull);
  const [answers, setAnswers] = useState<ChosenAnswers>(
    () => loadAnswers(storage, token) ?? draft.responses,
  );
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'answering' });
  const [submitting, setSubmitting] = useState(false);
  const [invalid, setInvalid] = useState<readonly QuestionStep[]>([]);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [saveStatus, setSaveStatus] = useState<'idle' | 'saved' | 'failed'>('idle');
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [searchParams, setSearchParams] = useSearchParams();

  const step = resolveStep(searchParams.get(PAGE_PARAM), form, answers);
  const returnToCheck = searchParams.get(CHANGE_PARAM) === '1';
  const pageKey = outcome.kind === 'answering' ? pageOf(step) : outcome.kind;

  // Put the page where the patient starts (or resumes) into the address, so that choosing an
  // answer does not move them on, and Back and reload work from the first page too.
  const startPage = searchParams.get(PAGE_PARAM) === null ? pageOf(step) : null;
  useEffect(() => {
    if (startPage !== null) setSearchParams({ [PAGE_PARAM]: startPage }, { replace: true });
  }, [startPage, setSearchParams]);

  // On every new page (not the first), move focus to its heading, as a full page load would.
  const firstPage = useRef(pageKey);
  useEffect(() => {
    if (pageKey === firstPage.current) return;
    firstPage.current = '';
    document.getElementById('page-heading')?.focus();
    window.scrollTo(0, 0);
  }, [pageKey]);

  const remember = (next: ChosenAnswers) => {
    setAnswers(next);
    saveAnswers(storage, token, next);
  };

  // One save at a time, in order: each sends all answers so far, so a slow earlier save must
  // not land after a later one and drop its answer.
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const sent = useRef(false);
  const saveDraft = (next: ChosenAnswers) => {
    const save = saving.current.then(() => api.saveDraft(toDraft(form, next)));
    saving.current = save.catch(() => undefined);
    save.then(
      () => {
        setSaveStatus('saved');
      },
      (error: unknown) => {
        if (sent.current) return;
        const problem = linkProblemOf(error);
        if (problem !== null && problem !== 'unavailable') setOutcome({ kind: 'problem', problem });
        // Otherwise the answers stay in this tab and the next question saves them again.
        else setSaveStatus('failed');
      },
    );
  };

  const submit = async () => {
    setSubmitting(true);
    setInvalid([]);
    setFailed(false);
    try {
      // Let the last draft save land first: after the answers are sent it would be refused.
      await saving.current;
      const answer = await api.submitAnswers(
        { responses: toResponses(form, answers) },
        idempotencyKey,
      );
      sent.current = true;
      clearAnswers(storage);
      setOutcome({ kind: 'done', advice: answer.advice });
    } catch (error) {
      const problem = linkProblemOf(error);
      if (problem === null && isApiError(error)) {
        setInvalid(invalidSteps(form, error.fieldErrors));
      } else if (problem === 'unavailable') {
        setFailed(true);
      } else if (problem !== null) {
        setOutcome({ kind: 'problem', problem });
      }
      setAttempt((count) => count + 1);
    } finally {
      setSubmitting(false);
    }
  };

  if (outcome.kind === 'done') return <DonePage advice={outcome.advice} />;
  if (outcome.kind === 'problem') return <LinkProblemPage problem={outcome.problem} />;

  const previous = previousStep(form, step, answers);

  if (step.kind === 'check') {
    return (
      <CheckAnswersPage
        form={form}
        answers={answers}
        backTo={previous === null ? hrefOf(step) : hrefOf(previous)}
        submitting={submitting}
        invalid={invalid}
        failed={failed}
        attempt={attempt}
        onSubmit={() => void submit()}
      />
    );
  }

  const found = itemOf(form, step);
  if (found === null) return <LinkProblemPage problem="unavailable" />;
  const steps = visibleSteps(form, answers);
  const number = steps.findIndex((candidate) => pageOf(candidate) === pageOf(step)) + 1;
  let backTo: string | null = null;
  if (returnToCheck) backTo = hrefOf({ kind: 'check' });
  else if (previous !== null) backTo = hrefOf(previous);

  return (
    <QuestionPage
      key={pageOf(step)}
      questionnaire={found.questionnaire}
      item={found.item}
      number={number}
      total={steps.length}
      part={step.part + 1}
      parts={form.questionnaires.length}
      answer={answers[step.instrument]?.[step.key]}
      backTo={backTo}
      saveStatus={saveStatus}
      onChoose={(value) => {
        remember(withAnswer(answers, step.instrument, step.key, value));
      }}
      onContinue={(value) => {
        const next = withAnswer(answers, step.instrument, step.key, value);
        remember(next);
        saveDraft(next);
        const target = nextStep(form, step, next, returnToCheck);
        setSearchParams(
          target.kind === 'question' && returnToCheck
            ? { [PAGE_PARAM]: pageOf(target), [CHANGE_PARAM]: '1' }
            : { [PAGE_PARAM]: pageOf(target) },
        );
      }}
    />
  );
}
