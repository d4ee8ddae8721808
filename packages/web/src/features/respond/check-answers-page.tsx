import type { QuestionnaireForm, QuestionnaireItem } from '@workup/contracts';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../ui/error-summary';
import type { SummaryError } from '../../ui/error-summary';
import { useDocumentTitle } from '../../ui/use-document-title';
import { CHANGE_PARAM, isAsked, PAGE_PARAM, pageOf, visibleSteps } from './respond-steps';
import type { ChosenAnswers, QuestionStep } from './respond-steps';

interface CheckAnswersPageProps {
  readonly form: QuestionnaireForm;
  readonly answers: ChosenAnswers;
  readonly backTo: string;
  readonly submitting: boolean;
  /** Questions the server refused, shown as errors that link to their Change link. */
  readonly invalid: readonly QuestionStep[];
  /** Set when sending failed for another reason (network, server). */
  readonly failed: boolean;
  readonly attempt: number;
  readonly onSubmit: () => void;
}

/** The link to change one answer; Continue on that question comes back here. */
export function changeHref(step: QuestionStep): string {
  return `?${PAGE_PARAM}=${encodeURIComponent(pageOf(step))}&${CHANGE_PARAM}=1`;
}

function changeLinkId(step: QuestionStep): string {
  return `change-${step.instrument}-${step.key}`;
}

/** An answer as the patient chose it: the option's words, or the number with its unit. */
function AnswerText({
  item,
  answer,
  language,
}: {
  item: QuestionnaireItem;
  answer: number | null | undefined;
  language: string;
}) {
  const { t } = useTranslation();
  if (answer === undefined) return <>{t('respond.notAnswered')}</>;
  if (answer === null) return <>{t('respond.leftOut')}</>;
  if (item.kind === 'choice') {
    const label = item.options.find((option) => option.code === answer)?.label;
    return label === undefined ? <>{answer}</> : <span lang={language}>{label}</span>;
  }
  if (item.unit === 'days') return <>{t('respond.units.days', { count: answer })}</>;
  return <>{answer}</>;
}

/**
 * All answers on one page, questionnaire by questionnaire, each with a Change link, and the
 * button that sends them.
 */
export function CheckAnswersPage(props: CheckAnswersPageProps) {
  const { form, answers, backTo, submitting, invalid, failed, attempt, onSubmit } = props;
  const { t } = useTranslation();
  const steps = visibleSteps(form, answers);
  const numberOf = (step: QuestionStep) =>
    steps.findIndex((candidate) => pageOf(candidate) === pageOf(step)) + 1;

  const errors: SummaryError[] = invalid.map((step) => ({
    message: t('respond.answerQuestion', { number: numberOf(step) }),
    targetId: changeLinkId(step),
  }));
  if (failed) errors.push({ message: t('respond.submitFailed') });
  useDocumentTitle(t('respond.checkTitle'), errors.length > 0);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <>
      <Link className="back-link" to={backTo}>
        {t('common.back')}
      </Link>
      <ErrorSummary errors={errors} attempt={attempt} />
      <h1 id="page-heading" tabIndex={-1}>
        {t('respond.checkTitle')}
      </h1>
      <p>{t('respond.checkIntro')}</p>
      {form.questionnaires.map((questionnaire, part) => {
        const given = answers[questionnaire.instrument];
        const headingId = `check-part-${String(part + 1)}`;
        return (
          <section key={questionnaire.instrument} aria-labelledby={headingId}>
            <h2 id={headingId} className="heading-m" lang={questionnaire.language}>
              {questionnaire.title}
            </h2>
            <dl className="summary-list">
              {questionnaire.items.map((item, index) => {
                if (!isAsked(item, given)) return null;
                const step: QuestionStep = {
                  kind: 'question',
                  instrument: questionnaire.instrument,
                  key: item.key,
                  part,
                  index,
                };
                return (
                  <div className="summary-list__row" key={item.key}>
                    <dt className="summary-list__key">
                      {numberOf(step)}. <span lang={questionnaire.language}>{item.text}</span>
                    </dt>
                    <dd className="summary-list__value">
                      <AnswerText
                        item={item}
                        answer={given?.[item.key]}
                        language={questionnaire.language}
                      />
                    </dd>
                    <dd className="summary-list__actions">
                      <Link id={changeLinkId(step)} to={changeHref(step)}>
                        {t('respond.change')}
                        <span className="visually-hidden">
                          {' '}
                          {t('respond.changeHidden', { question: item.text })}
                        </span>
                      </Link>
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        );
      })}
      <form noValidate onSubmit={submit}>
        <button type="submit" className="button button--wide" disabled={submitting}>
          {submitting ? t('respond.submitting') : t('respond.submit')}
        </button>
      </form>
    </>
  );
}
