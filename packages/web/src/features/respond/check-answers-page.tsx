import type { QuestionnaireForm } from '@workup/contracts';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../ui/error-summary';
import type { SummaryError } from '../../ui/error-summary';
import { useDocumentTitle } from '../../ui/use-document-title';
import { CHANGE_PARAM, PAGE_PARAM } from './respond-steps';
import type { ChosenAnswers } from './respond-steps';

interface CheckAnswersPageProps {
  readonly items: QuestionnaireForm['items'];
  /** The language of the items' words. */
  readonly language: string;
  readonly answers: ChosenAnswers;
  readonly backTo: string;
  readonly submitting: boolean;
  /** Item keys the server refused, shown as errors that link to their Change link. */
  readonly invalidKeys: readonly string[];
  /** Set when sending failed for another reason (network, server). */
  readonly failed: boolean;
  readonly attempt: number;
  readonly onSubmit: () => void;
}

/** The link to change one answer; Continue on that question comes back here. */
export function changeHref(index: number): string {
  return `?${PAGE_PARAM}=${index + 1}&${CHANGE_PARAM}=1`;
}

function changeLinkId(itemKey: string): string {
  return `change-${itemKey}`;
}

/** All answers on one page, each with a Change link, and the button that sends them. */
export function CheckAnswersPage(props: CheckAnswersPageProps) {
  const { items, language, answers, backTo, submitting, invalidKeys, failed, attempt, onSubmit } =
    props;
  const { t } = useTranslation();

  const errors: SummaryError[] = invalidKeys.map((key) => ({
    message: t('respond.answerQuestion', {
      number: items.findIndex((item) => item.key === key) + 1,
    }),
    targetId: changeLinkId(key),
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
      <dl className="summary-list">
        {items.map((item, index) => {
          const code = answers[item.key];
          const label = item.options.find((option) => option.code === code)?.label;
          return (
            <div className="summary-list__row" key={item.key}>
              <dt className="summary-list__key">
                {index + 1}. <span lang={language}>{item.text}</span>
              </dt>
              <dd className="summary-list__value">
                {label === undefined ? (
                  t('respond.notAnswered')
                ) : (
                  <span lang={language}>{label}</span>
                )}
              </dd>
              <dd className="summary-list__actions">
                <Link id={changeLinkId(item.key)} to={changeHref(index)}>
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
      <form noValidate onSubmit={submit}>
        <button type="submit" className="button button--wide" disabled={submitting}>
          {submitting ? t('respond.submitting') : t('respond.submit')}
        </button>
      </form>
    </>
  );
}
