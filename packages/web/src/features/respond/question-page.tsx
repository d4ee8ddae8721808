import type { Questionnaire, QuestionnaireItem } from '@workup/contracts';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../ui/error-summary';
import { FieldError } from '../../ui/field-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { isScale, scaleValues } from './respond-steps';

interface QuestionPageProps {
  readonly questionnaire: Questionnaire;
  readonly item: QuestionnaireItem;
  /** Where this question is among all the link's questions (1-based) and how many there are. */
  readonly number: number;
  readonly total: number;
  /** Which questionnaire of the link this is (1-based) and how many there are. */
  readonly part: number;
  readonly parts: number;
  readonly answer: number | null | undefined;
  /** Where the Back link goes; none on the first question. */
  readonly backTo: string | null;
  /** Shown under the progress: whether the answers so far are saved for later. */
  readonly saveStatus: 'idle' | 'saved' | 'failed';
  /** A radio button was chosen (kept at once, so Back and a reload keep it). */
  readonly onChoose: (value: number) => void;
  /** Continue with this answer, or null for a question left out. */
  readonly onContinue: (value: number | null) => void;
}

/** The id of a choice or scale option, which error links point at. */
export function optionId(itemKey: string, optionIndex: number): string {
  return `item-${itemKey}-option-${optionIndex}`;
}

/** The id of a number field. */
export function numberId(itemKey: string): string {
  return `item-${itemKey}-number`;
}

type NumberProblem = 'empty' | 'not_whole' | 'too_small' | 'too_large';

/** Why a typed number cannot be an answer to `item`, or null when it can. */
export function numberProblem(item: QuestionnaireItem, text: string): NumberProblem | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'empty';
  if (!/^-?\d+$/.test(trimmed)) return 'not_whole';
  const value = Number(trimmed);
  if (item.min !== null && value < item.min) return 'too_small';
  if (item.max !== null && value > item.max) return 'too_large';
  return null;
}

/**
 * One question per page: the question is the heading. Options are large radio buttons; a
 * numeric item is a row of numbered radio buttons (0 to 10) or, for a wide range such as the
 * health rating 0-100, a number field with its limits. Never only a slider.
 */
export function QuestionPage(props: QuestionPageProps) {
  const { questionnaire, item, number, total, part, parts, answer, backTo, saveStatus } = props;
  const { onChoose, onContinue } = props;
  const { t } = useTranslation();
  const language = questionnaire.language;
  const [attempt, setAttempt] = useState(0);
  const [showError, setShowError] = useState(false);
  const [typed, setTyped] = useState(() =>
    answer === null || answer === undefined ? '' : String(answer),
  );
  const scale = isScale(item);
  const numeric = item.kind === 'integer' && !scale;
  const progress = t('respond.progress', { current: number, total });

  const problem: NumberProblem | 'unchosen' | null = numeric
    ? numberProblem(item, typed)
    : answer === undefined || answer === null
      ? 'unchosen'
      : null;
  let error: string | undefined;
  if (showError && problem !== null) {
    error =
      problem === 'unchosen'
        ? t('respond.chooseAnswer')
        : t(`respond.number.${problem}`, {
            min: item.min ?? 0,
            max: item.max ?? 0,
          });
  }
  useDocumentTitle(`${progress}: ${item.text}`, error !== undefined);

  const hintId = `item-${item.key}-hint`;
  const errorId = `item-${item.key}-error`;
  const describedBy = error === undefined ? hintId : `${hintId} ${errorId}`;
  const firstTarget = numeric ? numberId(item.key) : optionId(item.key, 0);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (problem !== null) {
      setShowError(true);
      setAttempt((count) => count + 1);
      return;
    }
    onContinue(numeric ? Number(typed.trim()) : (answer ?? null));
  };

  const captions = (
    <>
      <span className="caption">
        {t('respond.part', { current: part, total: parts })}{' '}
        <span lang={language}>{questionnaire.title}</span>
      </span>
      <span className="caption caption--progress">{progress}</span>
    </>
  );

  const hint = (
    <div id={hintId} className="field__hint">
      <p lang={language}>{questionnaire.recallPeriod}</p>
      {item.anchors === null || item.kind !== 'integer' ? null : (
        <p>
          {t('respond.anchors', {
            min: item.min ?? 0,
            minLabel: item.anchors.min,
            max: item.max ?? '',
            maxLabel: item.anchors.max,
          })}
        </p>
      )}
      {numeric && item.anchors === null ? (
        <p>
          {item.max === null
            ? t('respond.number.atLeast', { min: item.min ?? 0 })
            : t('respond.number.between', { min: item.min ?? 0, max: item.max })}
        </p>
      ) : null}
    </div>
  );

  return (
    <>
      {backTo === null ? null : (
        <Link className="back-link" to={backTo}>
          {t('common.back')}
        </Link>
      )}
      <ErrorSummary
        errors={error === undefined ? [] : [{ message: error, targetId: firstTarget }]}
        attempt={attempt}
      />
      <div className="progress" aria-hidden="true">
        <div className="progress__bar" style={{ width: `${(100 * (number - 1)) / total}%` }} />
      </div>
      <form noValidate onSubmit={submit}>
        <div className={error === undefined ? 'field' : 'field field--error'}>
          {numeric ? (
            <>
              {captions}
              <h1 id="page-heading" tabIndex={-1} lang={language}>
                <label className="field__label--question" htmlFor={numberId(item.key)}>
                  {item.text}
                </label>
              </h1>
              {hint}
              <FieldError id={errorId} message={error} />
              <div className="number-field">
                <input
                  id={numberId(item.key)}
                  className="input input--number"
                  type="number"
                  inputMode="numeric"
                  step={1}
                  {...(item.min === null ? {} : { min: item.min })}
                  {...(item.max === null ? {} : { max: item.max })}
                  value={typed}
                  aria-describedby={describedBy}
                  aria-invalid={error === undefined ? undefined : true}
                  onChange={(event) => {
                    setTyped(event.target.value);
                  }}
                />
                {item.unit === null ? null : (
                  <span className="number-field__unit">
                    {item.unit === 'days' ? t('respond.units.daysLabel') : item.unit}
                  </span>
                )}
              </div>
            </>
          ) : (
            <fieldset className="fieldset" aria-describedby={describedBy}>
              <legend className="fieldset__legend">
                {captions}
                <h1 id="page-heading" tabIndex={-1} lang={language}>
                  {item.text}
                </h1>
              </legend>
              {hint}
              <FieldError id={errorId} message={error} />
              {scale ? (
                <div className="scale" lang={language}>
                  {scaleValues(item).map((value, index, values) => {
                    const end =
                      item.anchors === null
                        ? null
                        : index === 0
                          ? item.anchors.min
                          : index === values.length - 1
                            ? item.anchors.max
                            : null;
                    return (
                      <label
                        className="scale__option"
                        key={value}
                        htmlFor={optionId(item.key, index)}
                      >
                        <input
                          id={optionId(item.key, index)}
                          className="scale__input"
                          type="radio"
                          name={`item-${item.key}`}
                          value={value}
                          checked={answer === value}
                          onChange={() => {
                            onChoose(value);
                          }}
                        />
                        <span className="scale__label">
                          {value}
                          {end === null ? null : <span className="visually-hidden"> ({end})</span>}
                        </span>
                      </label>
                    );
                  })}
                </div>
              ) : (
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
              )}
            </fieldset>
          )}
        </div>
        <div className="button-group">
          <button type="submit" className="button button--wide">
            {t('respond.continue')}
          </button>
          {item.required ? null : (
            <button
              type="button"
              className="button button--secondary button--wide"
              onClick={() => {
                setTyped('');
                onContinue(null);
              }}
            >
              {t('respond.skip')}
            </button>
          )}
        </div>
      </form>
      <p className="save-status" role="status">
        {saveStatus === 'saved' ? t('respond.saved') : null}
        {saveStatus === 'failed' ? t('respond.saveFailed') : null}
      </p>
    </>
  );
}
