import type { QuestionnaireForm } from '@workup/contracts';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../ui/error-summary';
import { FieldError } from '../../ui/field-error';
import { useDocumentTitle } from '../../ui/use-document-title';

type Item = QuestionnaireForm['items'][number];

interface QuestionPageProps {
  readonly item: Item;
  readonly number: number;
  readonly total: number;
  readonly recallPeriod: string;
  /** The language of the question's words (a content pack's, or English paraphrases). */
  readonly language: string;
  readonly answer: number | undefined;
  /** Where the Back link goes; none on the first question. */
  readonly backTo: string | null;
  readonly onChoose: (code: number) => void;
  readonly onContinue: () => void;
}

/** The id of an item's option, which error links point at. */
export function optionId(itemKey: string, optionIndex: number): string {
  return `item-${itemKey}-option-${optionIndex}`;
}

/** One question per page: the question is the heading, the options are large radio buttons. */
export function QuestionPage(props: QuestionPageProps) {
  const { item, number, total, recallPeriod, language, answer, backTo, onChoose, onContinue } =
    props;
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const [showError, setShowError] = useState(false);
  const progress = t('respond.progress', { current: number, total });
  const error = showError ? t('respond.chooseAnswer') : undefined;
  useDocumentTitle(`${progress}: ${item.text}`, error !== undefined);

  const hintId = `item-${item.key}-hint`;
  const errorId = `item-${item.key}-error`;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (answer === undefined) {
      setShowError(true);
      setAttempt((count) => count + 1);
      return;
    }
    onContinue();
  };

  return (
    <>
      {backTo === null ? null : (
        <Link className="back-link" to={backTo}>
          {t('common.back')}
        </Link>
      )}
      <ErrorSummary
        errors={error === undefined ? [] : [{ message: error, targetId: optionId(item.key, 0) }]}
        attempt={attempt}
      />
      <form noValidate onSubmit={submit}>
        <div className={error === undefined ? 'field' : 'field field--error'}>
          <fieldset
            className="fieldset"
            aria-describedby={error === undefined ? hintId : `${hintId} ${errorId}`}
          >
            <legend className="fieldset__legend">
              <span className="caption">{progress}</span>
              <h1 id="page-heading" tabIndex={-1} lang={language}>
                {item.text}
              </h1>
            </legend>
            <p id={hintId} className="field__hint" lang={language}>
              {recallPeriod}
            </p>
            <FieldError id={errorId} message={error} />
            <div className="radios" lang={language}>
              {item.options.map((option, index) => (
                <label className="radio" key={option.code} htmlFor={optionId(item.key, index)}>
                  <input
                    id={optionId(item.key, index)}
                    className="radio__input"
                    type="radio"
                    name={`item-${item.key}`}
                    value={option.code}
                    checked={answer === option.code}
                    onChange={() => {
                      onChoose(option.code);
                    }}
                  />
                  <span className="radio__label">{option.label}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <button type="submit" className="button button--wide">
          {t('respond.continue')}
        </button>
      </form>
    </>
  );
}
