import type { QuestionnaireForm } from '@workup/contracts';
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
  invalidItemKeys,
  nextStep,
  PAGE_PARAM,
  pageOf,
  resolveStep,
  toSubmitRequest,
} from './respond-steps';
import type { ChosenAnswers, RespondStep } from './respond-steps';
import { sessionStorageOrNull } from './respond-token';

interface QuestionnaireProps {
  readonly api: RespondApi;
  readonly token: string;
  readonly form: QuestionnaireForm;
}

type Outcome =
  | { readonly kind: 'answering' }
  | { readonly kind: 'done' }
  | { readonly kind: 'problem'; readonly problem: LinkProblem };

function hrefOf(step: RespondStep): string {
  return `?${PAGE_PARAM}=${pageOf(step)}`;
}

/**
 * The questionnaire's pages. The page is in the address (`?page=3`, `?page=check`), so the
 * browser's Back button works; answers live in state and session storage, so going back (or
 * reloading) keeps them.
 */
export function Questionnaire({ api, token, form }: QuestionnaireProps) {
  const [storage] = useState(sessionStorageOrNull);
  const [answers, setAnswers] = useState<ChosenAnswers>(() => loadAnswers(storage, token));
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'answering' });
  const [submitting, setSubmitting] = useState(false);
  const [invalidKeys, setInvalidKeys] = useState<readonly string[]>([]);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [searchParams, setSearchParams] = useSearchParams();
  const { items } = form;

  const step = resolveStep(searchParams.get(PAGE_PARAM), items, answers);
  const returnToCheck = searchParams.get(CHANGE_PARAM) === '1';
  const pageKey = outcome.kind === 'answering' ? pageOf(step) : outcome.kind;

  // On every new page (not the first), move focus to its heading, as a full page load would.
  const firstPage = useRef(pageKey);
  useEffect(() => {
    if (pageKey === firstPage.current) return;
    firstPage.current = '';
    document.getElementById('page-heading')?.focus();
    window.scrollTo(0, 0);
  }, [pageKey]);

  const goTo = (next: RespondStep) => {
    setSearchParams({ [PAGE_PARAM]: pageOf(next) });
  };

  const choose = (key: string, code: number) => {
    const next = { ...answers, [key]: code };
    setAnswers(next);
    saveAnswers(storage, token, next);
  };

  const submit = async () => {
    setSubmitting(true);
    setInvalidKeys([]);
    setFailed(false);
    try {
      await api.submitAnswers(toSubmitRequest(items, answers));
      clearAnswers(storage);
      setOutcome({ kind: 'done' });
    } catch (error) {
      const problem = linkProblemOf(error);
      if (problem === null && isApiError(error)) {
        setInvalidKeys(invalidItemKeys(items, error.fieldErrors));
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

  if (outcome.kind === 'done') return <DonePage />;
  if (outcome.kind === 'problem') return <LinkProblemPage problem={outcome.problem} />;

  if (step.kind === 'check') {
    return (
      <CheckAnswersPage
        items={items}
        language={form.language}
        answers={answers}
        backTo={hrefOf({ kind: 'question', index: items.length - 1 })}
        submitting={submitting}
        invalidKeys={invalidKeys}
        failed={failed}
        attempt={attempt}
        onSubmit={() => void submit()}
      />
    );
  }

  const item = items[step.index];
  if (item === undefined) return <LinkProblemPage problem="unavailable" />;
  let backTo: string | null = null;
  if (returnToCheck) backTo = hrefOf({ kind: 'check' });
  else if (step.index > 0) backTo = hrefOf({ kind: 'question', index: step.index - 1 });

  return (
    <QuestionPage
      key={item.key}
      item={item}
      number={step.index + 1}
      total={items.length}
      recallPeriod={form.recallPeriod}
      language={form.language}
      answer={answers[item.key]}
      backTo={backTo}
      onChoose={(code) => {
        choose(item.key, code);
      }}
      onContinue={() => {
        goTo(nextStep(step.index, items, returnToCheck));
      }}
    />
  );
}
